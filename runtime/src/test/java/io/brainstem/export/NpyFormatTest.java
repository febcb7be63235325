package io.brainstem.export;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NPY bytes checked directly, so the format is tested without numpy. */
class NpyFormatTest {
  @TempDir Path dir;

  private static String headerText(byte[] file) {
    int length = ByteBuffer.wrap(file, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    return new String(file, 10, length, StandardCharsets.US_ASCII);
  }

  private static int dataOffset(byte[] file) {
    return 10 + (ByteBuffer.wrap(file, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF);
  }

  @Test
  void headerIsVersionOnePaddedTo64() {
    byte[] h = Npy.header("<f8", 3, 4);
    assertThat(h.length % 64).isEqualTo(0);
    assertThat(h[0]).isEqualTo((byte) 0x93);
    assertThat(new String(h, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
    assertThat(h[6]).isEqualTo((byte) 1);
    assertThat(h[7]).isEqualTo((byte) 0);
    String text = headerText(h);
    assertThat(text).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }");
    assertThat(text).endsWith("\n");
    assertThat(text.trim()).isEqualTo("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }");
    assertThat(10 + text.length()).isEqualTo(h.length);
  }

  @Test
  void shapesOfEveryRank() {
    assertThat(headerText(Npy.header("<i4", 5))).contains("'shape': (5,), }");
    assertThat(headerText(Npy.header("<i4"))).contains("'shape': (), }");
    assertThat(headerText(Npy.header("|b1", 0, 7))).contains("'shape': (0, 7), }");
    // A long header still pads to the next multiple of 64.
    byte[] big = Npy.header("<f8", 123456789, 987654321);
    assertThat(big.length % 64).isEqualTo(0);
    assertThrows(IllegalArgumentException.class, () -> Npy.header("<f8", -1));
  }

  @Test
  void doublesAreLittleEndianInCOrder() throws IOException {
    Path f = Npy.write(dir.resolve("d.npy"), new double[][] {{1.5, -2}, {3, 1e-300}, {Double.NaN, 0}});
    byte[] b = Files.readAllBytes(f);
    int off = dataOffset(b);
    assertThat(off % 64).isEqualTo(0);
    assertThat(b.length - off).isEqualTo(6 * 8);
    ByteBuffer data = ByteBuffer.wrap(b, off, 48).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(data.getDouble()).isEqualTo(1.5);
    assertThat(data.getDouble()).isEqualTo(-2.0);
    assertThat(data.getDouble()).isEqualTo(3.0);
    assertThat(data.getDouble()).isEqualTo(1e-300);
    assertThat(data.getDouble()).isNaN();
    assertThat(headerText(b)).contains("'descr': '<f8'");
  }

  @Test
  void booleansIntsAndLongs() throws IOException {
    byte[] b = Files.readAllBytes(Npy.write(dir.resolve("b.npy"), new boolean[][] {{true, false, true}}));
    assertThat(headerText(b)).contains("'descr': '|b1', 'fortran_order': False, 'shape': (1, 3)");
    int off = dataOffset(b);
    assertThat(new byte[] {b[off], b[off + 1], b[off + 2]}).isEqualTo(new byte[] {1, 0, 1});
    assertThat(b.length).isEqualTo(off + 3);

    byte[] i = Files.readAllBytes(Npy.write(dir.resolve("i.npy"), new int[] {1, -1, 70000}));
    assertThat(headerText(i)).contains("'<i4'");
    ByteBuffer id = ByteBuffer.wrap(i, dataOffset(i), 12).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new int[] {id.getInt(), id.getInt(), id.getInt()}).isEqualTo(new int[] {1, -1, 70000});

    byte[] l = Files.readAllBytes(Npy.write(dir.resolve("l.npy"), new long[] {Long.MAX_VALUE}));
    assertThat(headerText(l)).contains("'<i8'");
    assertThat(ByteBuffer.wrap(l, dataOffset(l), 8).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void largeArraysCrossTheWriteBuffer() throws IOException {
    double[] a = new double[50_000];
    for (int k = 0; k < a.length; k++) {
      a[k] = k * 0.5;
    }
    byte[] b = Files.readAllBytes(Npy.write(dir.resolve("big.npy"), a));
    int off = dataOffset(b);
    assertThat(b.length - off).isEqualTo(400_000);
    ByteBuffer data = ByteBuffer.wrap(b, off, b.length - off).order(ByteOrder.LITTLE_ENDIAN);
    for (int k = 0; k < a.length; k++) {
      assertThat(data.getDouble()).isEqualTo(a[k]);
    }
  }

  @Test
  void raggedRowsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Npy.write(new ByteArrayOutputStream(), new double[][] {{1, 2}, {3}}));
    assertThat(e).hasMessageThat().contains("row 1 has 1 values but row 0 has 2");
  }

  @Test
  void npzIsAZipOfNpyEntries() throws IOException {
    for (boolean compressed : new boolean[] {true, false}) {
      Path f = Npz.builder().put("a", new double[] {1, 2}).put("E.spike", new boolean[][] {{true}})
          .compressed(compressed).write(dir.resolve("x" + compressed + ".npz"));
      List<String> names = new ArrayList<>();
      try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          names.add(e.getName());
          // a fixed date: the same arrays are the same bytes whenever written (sweep and MPI
          // outputs compare byte for byte)
          assertThat(e.getTimeLocal()).isEqualTo(java.time.LocalDateTime.of(1980, 1, 1, 0, 0));
          assertThat(e.getMethod()).isEqualTo(compressed ? ZipEntry.DEFLATED : ZipEntry.STORED);
          byte[] npy = zip.readAllBytes();
          assertThat(npy).isEqualTo(Npz.npyBytes(e.getName().equals("a.npy")
              ? new double[] {1, 2} : new boolean[][] {{true}}));
        }
      }
      assertThat(names).containsExactly("a.npy", "E.spike.npy").inOrder();
    }
  }

  @Test
  void npzRejectsBadEntries() {
    assertThrows(IllegalArgumentException.class, () -> Npz.builder().put("a/b", new double[1]));
    assertThrows(IllegalArgumentException.class, () -> Npz.builder().put("a", new float[1]));
    assertThrows(IllegalArgumentException.class, () -> Npz.builder().put("a", new double[1]).put("a", new int[1]));
  }
}
