package io.brainstem.checkpoint;

import static com.google.common.truth.Truth.assertThat;
import static io.brainstem.checkpoint.CheckpointResumeTest.configured;
import static io.brainstem.checkpoint.CheckpointResumeTest.network;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.network.Network;
import io.brainstem.network.Precision;
import io.brainstem.runners.DSRunner;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint of another network or configuration, of another format version, or damaged on disk
 * is refused with a message naming what differs or which file is wrong, and nothing is restored:
 * the network stays free for a new runner.
 */
class CheckpointErrorsTest {
  @TempDir Path dir;
  Path saved;

  @BeforeEach
  void save() {
    try (DSRunner r = configured(DSRunner.builder(network(Precision.DOUBLE))).build()) {
      r.run(20);
      saved = r.checkpoint(dir.resolve("c"));
    }
  }

  private CheckpointException resume(Network net) {
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> configured(DSRunner.builder(net)).resumeFrom(dir.resolve("c")).build());
    assertThat(net.attached()).isFalse(); // nothing holds the network: it can be run afresh
    return e;
  }

  @Test
  void anotherSizeIsNamed() {
    CheckpointException e = resume(network(Precision.DOUBLE, 81, 4));
    assertThat(e).hasMessageThat().contains("groups.E.size: checkpoint 80, now 81");
  }

  @Test
  void anotherSeedIsFoundByTheConnectivity() {
    CheckpointException e = resume(network(Precision.DOUBLE, 80, 99));
    assertThat(e).hasMessageThat().contains("projections.E2E.connectivity_crc32");
  }

  @Test
  void anotherPrecisionIsNamed() {
    CheckpointException e = resume(network(Precision.FLOAT));
    assertThat(e).hasMessageThat().contains("precision: checkpoint DOUBLE, now FLOAT");
  }

  @Test
  void anotherDtOrMonitorSetIsNamed() {
    CheckpointException dt = assertThrows(CheckpointException.class,
        () -> configured(DSRunner.builder(network(Precision.DOUBLE))).dt(0.05).resumeFrom(dir.resolve("c")).build());
    assertThat(dt).hasMessageThat().contains("dt: checkpoint 0.1, now 0.05");
    CheckpointException mon = assertThrows(CheckpointException.class,
        () -> configured(DSRunner.builder(network(Precision.DOUBLE))).monitors("I.V").resumeFrom(dir.resolve("c")).build());
    assertThat(mon).hasMessageThat().contains("monitors: checkpoint");
  }

  @Test
  void anotherFormatVersionIsNamed() throws Exception {
    Path manifest = saved.resolve(CheckpointStore.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replace("\"version\": 1", "\"version\": 2"));
    CheckpointException e = resume(network(Precision.DOUBLE));
    assertThat(e).hasMessageThat().contains("has format version 2; this Brainstem reads version 1");
  }

  @Test
  void aChangedByteIsFoundByTheCrc() throws Exception {
    Path file = saved.resolve("state.npz");
    byte[] bytes = Files.readAllBytes(file);
    byte[] header = "{'descr': '<f8', 'fortran_order': False, 'shape': (80,)".getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(bytes, header); // E.V's NPY header; its data starts 118 bytes later
    assertThat(at).isGreaterThan(0);
    bytes[at + 118 + 5] ^= 0x10;
    Files.write(file, bytes);
    CheckpointException e = resume(network(Precision.DOUBLE));
    assertThat(e).hasMessageThat().contains("array 'group/E/var/V' is corrupted: the CRC-32 of its data is");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void aTruncatedFileIsNamed() throws Exception {
    Path file = saved.resolve("state.npz");
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(f.length() - 100);
    }
    CheckpointException e = resume(network(Precision.DOUBLE));
    assertThat(e).hasMessageThat().contains("state.npz is truncated or corrupted");
  }

  @Test
  void aMissingFileOrManifestIsNamed() throws Exception {
    Files.delete(saved.resolve("state.npz"));
    assertThat(resume(network(Precision.DOUBLE))).hasMessageThat().contains("state.npz is missing");
    Files.writeString(saved.resolve(CheckpointStore.MANIFEST), "{\"format\": \"brainstem-checkpoint\", \"vers",
        StandardCharsets.UTF_8);
    assertThat(resume(network(Precision.DOUBLE))).hasMessageThat().contains("the manifest is not valid JSON");
    Files.delete(saved.resolve(CheckpointStore.MANIFEST));
    assertThat(resume(network(Precision.DOUBLE))).hasMessageThat().contains("manifest.json is missing");
    Files.delete(dir.resolve("c").resolve(CheckpointStore.LATEST));
    assertThat(resume(network(Precision.DOUBLE))).hasMessageThat().contains("no checkpoint in");
  }

  @Test
  void anArrayMissingFromTheManifestLeavesTheNetworkAsBuilt() throws Exception {
    Path manifest = saved.resolve(CheckpointStore.MANIFEST);
    String key = "projection/E2E/state/delays/builtFor"; // read after the variables were copied
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> m = (java.util.Map<String, Object>) Json.parse(Files.readString(manifest));
    java.util.List<?> arrays = (java.util.List<?>) m.get("arrays");
    assertThat(arrays.removeIf(a -> key.equals(((java.util.Map<?, ?>) a).get("key")))).isTrue();
    Files.writeString(manifest, Json.write(m));
    Network net = network(Precision.DOUBLE);
    CheckpointException e = resume(net);
    assertThat(e).hasMessageThat().contains("has no array '" + key + "'");
    CheckpointResumeTest.assertSameState(network(Precision.DOUBLE), net);
  }

  @Test
  void theLatestCompleteCheckpointIsKeptAndOthersDeleted() throws Exception {
    try (DSRunner r = configured(DSRunner.builder(network(Precision.DOUBLE))).build()) {
      r.run(10);
      Path first = r.checkpoint(dir.resolve("d"));
      Files.createDirectory(dir.resolve("d").resolve(".tmp-step-000000000000200-1-2")); // a write that died
      r.run(10);
      Path second = r.checkpoint(dir.resolve("d"));
      assertThat(Files.exists(first)).isFalse();
      assertThat(Files.exists(dir.resolve("d").resolve(".tmp-step-000000000000200-1-2"))).isFalse();
      assertThat(Files.readString(dir.resolve("d").resolve(CheckpointStore.LATEST)).trim())
          .isEqualTo(second.getFileName().toString());
      assertThat(CheckpointStore.readManifest(dir.resolve("d")).step()).isEqualTo(200);
    }
  }
}
