package io.brainstem.export;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyAppenderTest {
  @TempDir Path dir;

  @Test
  void rowsSpanningBufferWritesReadBackAndMatchNpyWrite() throws Exception {
    Path f = dir.resolve("v.npy");
    double[][] rows = new double[25][3];
    try (NpyAppender v = NpyAppender.doubles(f, 3, 64)) { // 8 doubles a buffer: rows span writes
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < 3; c++) {
          rows[r][c] = r * 10 + c + 0.25;
        }
        v.put(rows[r], 0, 3);
        assertThat(v.rows()).isEqualTo(r + 1);
      }
      assertThat(v.readRows(0, 25)).isEqualTo(rows);
      assertThat(v.readRows(7, 9)).isEqualTo(new double[][] {rows[7], rows[8]});
      assertThrows(IndexOutOfBoundsException.class, () -> v.readRows(0, 26));
      assertThrows(IllegalStateException.class, () -> v.readInts(0, 1));
    }
    // The data bytes are exactly those of Npy.write; only the header's padding differs.
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    Npy.write(expected, rows);
    byte[] npy = expected.toByteArray();
    byte[] ours = Files.readAllBytes(f);
    assertThat(ours.length - NpyAppender.HEADER_BYTES).isEqualTo(npy.length - Npy.header("<f8", 25, 3).length);
    for (int i = 0; i < 25 * 3 * 8; i++) {
      assertThat(ours[NpyAppender.HEADER_BYTES + i]).isEqualTo(npy[npy.length - 25 * 3 * 8 + i]);
    }
  }

  @Test
  void headerTracksRowsWidthSetLaterAndClear() throws Exception {
    Path f = dir.resolve("p.npy");
    NpyAppender p = NpyAppender.doubles(f, -1, 64);
    assertThat(header(f)).contains("'shape': (0, 0), }");
    p.setColumns(2);
    assertThat(header(f)).contains("'shape': (0, 2), }");
    assertThrows(IllegalStateException.class, () -> p.setColumns(3));
    for (int k = 0; k < 12_345; k++) {
      p.put(new double[] {k, -k}, 0, 2);
    }
    p.flush();
    assertThat(header(f)).contains("'shape': (12345, 2), }");
    long generation = p.generation();
    p.clear();
    assertThat(p.generation()).isEqualTo(generation + 1);
    assertThat(p.rows()).isEqualTo(0);
    assertThat(Files.size(f)).isEqualTo(128L);
    assertThat(header(f)).contains("'shape': (0, 2), }");
    p.close();
    p.close();
  }

  @Test
  void intsAndOneDimensionalDoubles() throws Exception {
    try (NpyAppender i = NpyAppender.ints(dir.resolve("i.npy"), 64);
        NpyAppender t = NpyAppender.doubles(dir.resolve("t.npy"), 0, 64)) {
      for (int k = 0; k < 100; k++) {
        i.putInt(k * 7 - 3);
        t.put(k * 0.1);
      }
      assertThat(i.readInts(98, 100)).isEqualTo(new int[] {98 * 7 - 3, 99 * 7 - 3});
      assertThat(t.readDoubles(0, 3)).isEqualTo(new double[] {0.0, 0.1, 0.2});
      assertThat(header(dir.resolve("i.npy"))).isEqualTo(
          "{'descr': '<i4', 'fortran_order': False, 'shape': (100,), }" + " ".repeat(58) + "\n");
    }
  }

  @Test
  void appendingAfterCloseFailsAtTheNextWrite() {
    NpyAppender t = NpyAppender.doubles(dir.resolve("t.npy"), 0, 64);
    t.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
      for (int k = 0; k < 8; k++) {
        t.put(k);
      }
    });
    assertThat(e).hasMessageThat().contains("t.npy is closed");
    assertThat(t.readDoubles(0, 0)).isEmpty();
  }

  private static String header(Path f) throws Exception {
    byte[] raw = Files.readAllBytes(f);
    assertThat(raw.length).isAtLeast(NpyAppender.HEADER_BYTES);
    assertThat(raw[8] & 0xff | (raw[9] & 0xff) << 8).isEqualTo(NpyAppender.HEADER_BYTES - 10);
    return new String(raw, 10, NpyAppender.HEADER_BYTES - 10, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
