package io.brainstem.connectivity;

import io.brainstem.export.Npz;
import io.brainstem.export.NpyReader;
import io.brainstem.network.Projection;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Saves a projection's per-synapse variables (e.g. trained weights) to an NPZ file and reads them
 * back as a {@link SynapseInit}, so a network can be saved and rebuilt.
 *
 * <p>The file holds {@code pre} and {@code post} (int32, one entry per synapse, in CSR order) and
 * one float64 array per variable, in the same order: numpy reads it with {@code np.load}, and
 * {@code scipy.sparse.coo_matrix((w, (pre, post)))} turns it into a matrix.
 *
 * <pre>{@code
 * SynapseFiles.write(Path.of("w.npz"), proj, "w");
 * other.w(SynapseFiles.read(Path.of("w.npz"), "w"));   // matched by (pre, post)
 * }</pre>
 */
public final class SynapseFiles {
  private SynapseFiles() {}

  /**
   * Writes {@code pre}, {@code post} and the named {@code @PerSynapse} variables of
   * {@code projection} to {@code file}.
   *
   * @throws IllegalArgumentException when a name is not a per-synapse variable
   */
  public static Path write(Path file, Projection projection, String... variables) {
    Objects.requireNonNull(projection, "projection is null");
    Csr csr = projection.csr();
    int[] pre = new int[csr.indices().length];
    for (int i = 0; i < csr.preSize(); i++) {
      java.util.Arrays.fill(pre, csr.indptr()[i], csr.indptr()[i + 1], i);
    }
    Npz npz = Npz.builder().put("pre", pre).put("post", csr.indices());
    for (String name : variables) {
      if (!projection.isPerSynapse(name)) {
        throw new IllegalArgumentException(projection.name() + "." + name + " is not a "
            + "@PerSynapse variable; only per-synapse variables are saved with (pre, post)");
      }
      npz.put(name, projection.variable(name).toDoubles());
    }
    return npz.write(file);
  }

  /**
   * The values of entry {@code key} of {@code file}, by {@code (pre, post)} pair from the file's
   * {@code pre} and {@code post} entries: a projection initialised from it gets, for each of its
   * synapses, the value the file holds for the same pair (the two projections' CSR orders may
   * differ). A synapse whose pair the file lacks, a pair the file holds twice, or a pair of the
   * file that the projection does not have, is an error naming the projection and the pair.
   */
  public static SynapseInit read(Path file, String key) {
    double[] pre = NpyReader.read(file, "pre");
    double[] post = NpyReader.read(file, "post");
    double[] values = NpyReader.read(file, key);
    if (pre.length != post.length || pre.length != values.length) {
      throw new IllegalArgumentException(file + ": 'pre', 'post' and '" + key + "' have "
          + pre.length + ", " + post.length + " and " + values.length + " entries; they need one "
          + "per synapse each");
    }
    Map<Long, Double> byPair = new HashMap<>();
    for (int k = 0; k < values.length; k++) {
      long pair = ((long) pre[k] << 32) | ((long) post[k] & 0xFFFFFFFFL);
      if (byPair.put(pair, values[k]) != null) {
        throw new IllegalArgumentException(file + " holds two synapses from " + (long) pre[k]
            + " to " + (long) post[k] + "; values are matched by (pre, post), so each pair may"
            + " appear once");
      }
    }
    String source = file.toString();
    return SynapseInit.of("values of '" + key + "' in " + source, (i, j) -> {
      Double v = byPair.get(((long) i << 32) | ((long) j & 0xFFFFFFFFL));
      if (v == null) {
        throw new IllegalArgumentException(source + " has no value for the synapse from " + i
            + " to " + j + "; it was saved from a projection with other connections");
      }
      return v;
    }, (pres, posts) -> leftOver(source, byPair, pres, posts));
  }

  /** The file's pairs that no synapse of the projection took, as an error message, or null. */
  private static String leftOver(String source, Map<Long, Double> byPair, int[] pres,
      int[] posts) {
    if (posts == null) {
      return null; // per presynaptic neuron: not a (pre, post) file
    }
    java.util.Set<Long> unused = new java.util.HashSet<>(byPair.keySet());
    for (int k = 0; k < pres.length; k++) {
      unused.remove(((long) pres[k] << 32) | ((long) posts[k] & 0xFFFFFFFFL));
    }
    if (unused.isEmpty()) {
      return null;
    }
    long first = unused.stream().mapToLong(Long::longValue).min().orElseThrow();
    return source + " holds " + unused.size() + " synapse(s) the projection does not have, e.g."
        + " from " + (first >> 32) + " to " + (int) first + "; it was saved from a projection"
        + " with other connections: build this projection with the same connector and seed, or"
        + " drop those entries from the file";
  }
}
