package io.brainstem.export;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileTest {
  @TempDir Path dir;

  private static double[] ramp(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * 0.5 - 7;
    }
    return v;
  }

  @Test
  void threeDimensionalRoundTripWholeAndByRows() {
    // (S, T, N) = (50, 30, 20): 600 values a row, rows spanning the 64 KiB read buffer
    double[] v = ramp(50 * 30 * 20);
    Path f = Npy.write(dir.resolve("x.npy"), v, 50, 30, 20);
    NpyFile.Array all = NpyFile.read(f);
    assertThat(all.shape()).asList().containsExactly(50, 30, 20).inOrder();
    assertThat(all.values()).isEqualTo(v);
    try (NpyFile x = NpyFile.open(f)) {
      assertThat(x.rows()).isEqualTo(50);
      assertThat(x.rowSize()).isEqualTo(600);
      assertThat(x.dtype()).isEqualTo("<f8");
      double[] dst = new double[2 + 17 * 600];
      x.readRows(31, 17, dst, 2);
      assertThat(Arrays.copyOfRange(dst, 2, dst.length))
          .isEqualTo(Arrays.copyOfRange(v, 31 * 600, 48 * 600));
      x.readRows(49, 1, dst, 0);
      assertThat(dst[599]).isEqualTo(v[v.length - 1]);
    }
  }

  @Test
  void readsTheIntegerAndBooleanFilesNpyWrites() {
    NpyFile.Array ints = NpyFile.read(Npy.write(dir.resolve("i.npy"), new int[] {3, -1, 7}));
    assertThat(ints.values()).usingExactEquality().containsExactly(3.0, -1.0, 7.0).inOrder();
    assertThat(ints.shape()).asList().containsExactly(3);
    NpyFile.Array longs = NpyFile.read(Npy.write(dir.resolve("l.npy"), new long[] {1L << 40}));
    assertThat(longs.values()[0]).isEqualTo((double) (1L << 40));
    NpyFile.Array bools = NpyFile.read(Npy.write(dir.resolve("b.npy"),
        new boolean[][] {{true, false}, {false, true}}));
    assertThat(bools.shape()).asList().containsExactly(2, 2).inOrder();
    assertThat(bools.values()).usingExactEquality().containsExactly(1.0, 0.0, 0.0, 1.0).inOrder();
  }

  /** A version 2.0 float32 file, written by hand as numpy writes one with a long header. */
  @Test
  void readsVersionTwoAndFloat32() throws IOException {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    int total = (6 + 2 + 4 + dict.length() + 1 + 63) / 64 * 64;
    ByteBuffer b = ByteBuffer.allocate(total + 6 * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put(Npy.MAGIC).put((byte) 2).put((byte) 0).putInt(total - 12);
    b.put(dict.getBytes(StandardCharsets.US_ASCII));
    while (b.position() < total - 1) {
      b.put((byte) ' ');
    }
    b.put((byte) '\n');
    for (int i = 0; i < 6; i++) {
      b.putFloat(i + 0.25f);
    }
    Path f = Files.write(dir.resolve("f.npy"), b.array());
    NpyFile.Array a = NpyFile.read(f);
    assertThat(a.shape()).asList().containsExactly(2, 3).inOrder();
    assertThat(a.values()).usingExactEquality()
        .containsExactly(0.25, 1.25, 2.25, 3.25, 4.25, 5.25).inOrder();
  }

  @Test
  void badFilesAndRangesAreNamed() throws IOException {
    Path f = Npy.write(dir.resolve("x.npy"), ramp(12), 3, 4);
    try (NpyFile x = NpyFile.open(f)) {
      assertThat(assertThrows(IndexOutOfBoundsException.class,
          () -> x.readRows(2, 2, new double[8], 0))).hasMessageThat().contains("which has 3");
      assertThat(assertThrows(IndexOutOfBoundsException.class,
          () -> x.readRows(0, 2, new double[7], 0))).hasMessageThat().contains("do not fit");
    }
    byte[] bytes = Files.readAllBytes(f);
    Path cut = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(bytes, bytes.length - 8));
    assertThat(assertThrows(IllegalArgumentException.class, () -> NpyFile.open(cut)))
        .hasMessageThat().contains("truncated");
    Path text = Files.writeString(dir.resolve("t.npy"), "hello, not numpy");
    assertThat(assertThrows(IllegalArgumentException.class, () -> NpyFile.open(text)))
        .hasMessageThat().contains("is not an NPY file");
    String header = new String(bytes, 0, 128, StandardCharsets.ISO_8859_1);
    Path fortran = Files.write(dir.resolve("fo.npy"), header.replace("False", "True ")
        .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(assertThrows(IllegalArgumentException.class, () -> NpyFile.open(fortran)))
        .hasMessageThat().contains("Fortran order");
    Path big = Files.write(dir.resolve("be.npy"), header.replace("<f8", ">f8")
        .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(assertThrows(IllegalArgumentException.class, () -> NpyFile.open(big)))
        .hasMessageThat().contains("dtype '>f8'");
    assertThat(assertThrows(IllegalArgumentException.class,
        () -> Npy.write(dir.resolve("s.npy"), ramp(12), 3, 5))).hasMessageThat()
        .contains("holds 15 values but data has 12");
  }
}
