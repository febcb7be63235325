package io.brainstem.visualize;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A PNG encoder for the opaque RGB images {@link Figure#image()} draws: 8-bit RGB, each row
 * filtered by its difference from the row above ("Up": a plot's rows mostly repeat), one zlib
 * stream. It replaces {@code ImageIO.write}, whose plug-in registry and adaptive filters cost a
 * cold JVM more than drawing the plot did.
 */
final class PngWriter {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private PngWriter() {}

  static void write(BufferedImage image, OutputStream out) throws IOException {
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("PngWriter takes TYPE_INT_RGB images, got type " + image.getType());
    }
    int w = image.getWidth();
    int h = image.getHeight();
    WritableRaster raster = image.getRaster();
    DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
    int[] px = buffer.getData();
    SinglePixelPackedSampleModel model = (SinglePixelPackedSampleModel) raster.getSampleModel();
    int stride = model.getScanlineStride();
    // where pixel (0, 0) lies in the array (a sub-image's raster starts inside its parent's)
    int origin = buffer.getOffset()
        + model.getOffset(-raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
    DataOutputStream data = new DataOutputStream(out);
    data.write(SIGNATURE);
    ChunkBuffer header = new ChunkBuffer(13);
    header.dataOut().writeInt(w);
    header.dataOut().writeInt(h);
    header.dataOut().write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, RGB, deflate, filter set 0, no interlace
    chunk(data, "IHDR", header);
    ChunkBuffer idat = new ChunkBuffer(w * h / 4);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
      byte[] row = new byte[1 + 3 * w];
      row[0] = 2; // filter "Up"
      for (int y = 0; y < h; y++) {
        int at = origin + y * stride;
        for (int x = 0; x < w; x++) {
          int p = px[at + x];
          int q = y == 0 ? 0 : px[at - stride + x];
          row[1 + 3 * x] = (byte) ((p >> 16) - (q >> 16));
          row[2 + 3 * x] = (byte) ((p >> 8) - (q >> 8));
          row[3 + 3 * x] = (byte) (p - q);
        }
        z.write(row);
      }
    } finally {
      deflater.end();
    }
    chunk(data, "IDAT", idat);
    chunk(data, "IEND", new ChunkBuffer(0));
    data.flush();
  }

  private static void chunk(DataOutputStream out, String type, ChunkBuffer body) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(body.size());
    out.write(t);
    body.writeTo(out);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(body.bytes(), 0, body.size());
    out.writeInt((int) crc.getValue());
  }

  /** A growable byte buffer whose array the CRC reads without a copy. */
  private static final class ChunkBuffer extends java.io.ByteArrayOutputStream {
    ChunkBuffer(int size) {
      super(Math.max(size, 32));
    }

    byte[] bytes() {
      return buf;
    }

    DataOutputStream dataOut() {
      return new DataOutputStream(this);
    }
  }
}
