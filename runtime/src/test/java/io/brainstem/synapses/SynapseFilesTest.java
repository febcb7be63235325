package io.brainstem.synapses;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.All2All;
import io.brainstem.connectivity.FixedProb;
import io.brainstem.connectivity.SynapseFiles;
import io.brainstem.connectivity.SynapseInit;
import io.brainstem.models.LifGroup;
import io.brainstem.models.WeightedExpCobaProjection;
import io.brainstem.sources.PoissonGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-synapse weights saved to NPZ (pre, post, values) and read back by (pre, post). */
class SynapseFilesTest {
  @TempDir Path dir;

  private static WeightedExpCobaProjection projection(long seed) {
    return new WeightedExpCobaProjection("P2N", new PoissonGroup("P", 30, 10, 1),
        new LifGroup("N", 20), new FixedProb(0.3, seed));
  }

  @Test
  void weightsRoundTripByPreAndPost() {
    WeightedExpCobaProjection saved = projection(4).w(SynapseInit.normal(1, 0.3).seed(2));
    Path file = SynapseFiles.write(dir.resolve("w.npz"), saved, "w");
    WeightedExpCobaProjection loaded = projection(4).w(SynapseFiles.read(file, "w"));
    assertThat(loaded.w).isEqualTo(saved.w);

    // a projection with the saved pairs in another CSR order gets each pair's own value
    WeightedExpCobaProjection all = new WeightedExpCobaProjection("P2N",
        new PoissonGroup("P", 30, 10, 1), new LifGroup("N", 20), new All2All());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> all.w(SynapseFiles.read(file, "w")));
    assertThat(missing).hasMessageThat().startsWith("P2N.w: " + file
        + " has no value for the synapse from 0 to");
  }

  @Test
  void aPairOfTheFileThatTheProjectionLacksIsAnErrorNamingTheProjection() {
    WeightedExpCobaProjection all = new WeightedExpCobaProjection("All",
        new PoissonGroup("P", 30, 10, 1), new LifGroup("N", 20), new All2All());
    Path file = SynapseFiles.write(dir.resolve("all.npz"), all, "w");
    // every synapse of a sparser projection finds its value, but the file's other pairs are lost
    IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
        () -> projection(4).w(SynapseFiles.read(file, "w")));
    int nnz = projection(4).synapseCount();
    assertThat(extra).hasMessageThat().startsWith("P2N.w: " + file + " holds " + (600 - nnz)
        + " synapse(s) the projection does not have, e.g. from 0 to ");
    assertThat(extra).hasMessageThat().endsWith("build this projection with the same connector"
        + " and seed, or drop those entries from the file");
  }

  @Test
  void onlyPerSynapseVariablesAreSavedAndMissingEntriesAreNamed() {
    WeightedExpCobaProjection p = projection(4);
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> SynapseFiles.write(dir.resolve("g.npz"), p, "g"))).hasMessageThat()
        .isEqualTo("P2N.g is not a @PerSynapse variable; only per-synapse variables are saved"
            + " with (pre, post)");
    Path file = SynapseFiles.write(dir.resolve("w.npz"), p, "w");
    assertThat(assertThrows(IllegalArgumentException.class, () -> SynapseFiles.read(file, "u")))
        .hasMessageThat().endsWith("has no entry 'u'; its entries are [pre, post, w]");
  }

  /** numpy reads our file, and a file numpy writes initialises a projection. */
  @Test
  void numpyReadsAndWritesTheSameLayout() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python), "no python3");
    WeightedExpCobaProjection p = projection(4).w(SynapseInit.uniform(0, 1).seed(3));
    Path ours = SynapseFiles.write(dir.resolve("ours.npz"), p, "w");
    Path theirs = dir.resolve("theirs.npz");
    String script = "import sys, numpy as np\n"
        + "d = np.load(sys.argv[1])\n"
        + "print(d['pre'].dtype, d['post'].dtype, d['w'].dtype, len(d['w']), repr(float(d['w'].sum())))\n"
        + "np.savez(sys.argv[2], pre=d['pre'].astype(np.int64), post=d['post'], w=2 * d['w'])\n";
    Process proc = new ProcessBuilder(python.toString(), "-c", script, ours.toString(),
        theirs.toString()).redirectErrorStream(true).start();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    org.junit.jupiter.api.Assumptions.assumeFalse(out.contains("No module named 'numpy'"));
    double sum = 0;
    for (double w : p.w) {
      sum += w;
    }
    assertThat(out).startsWith("int32 int32 float64 " + p.synapseCount() + " ");
    assertThat(Double.parseDouble(out.substring(out.lastIndexOf(' ') + 1))).isWithin(1e-9).of(sum);
    WeightedExpCobaProjection doubled = projection(4).w(SynapseFiles.read(theirs, "w"));
    for (int k = 0; k < p.w.length; k++) {
      assertThat(doubled.w[k]).isEqualTo(2 * p.w[k]);
    }
  }
}
