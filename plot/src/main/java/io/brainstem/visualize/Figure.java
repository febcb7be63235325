package io.brainstem.visualize;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Anything drawable at a size: a single {@link Plot} or a {@link StackedFigure}. Writes PNG and SVG
 * and shows itself in a window when a display exists.
 */
public abstract class Figure {
  /** Where {@link #show()} writes when there is no display (system property, default the temp dir). */
  public static final String PLOT_DIR_PROPERTY = "brainstem.plotDir";

  Figure() {}

  /** Width in pixels. */
  public abstract int width();

  /** Height in pixels. */
  public abstract int height();

  /** The title used for window titles and file names (may be empty). */
  public abstract String name();

  /** Draws the figure into {@code g} over {@code width × height} pixels. */
  public abstract void paint(Graphics2D g, int width, int height);

  /** The figure as an image of {@link #width()} × {@link #height()} pixels. */
  public BufferedImage image() {
    AwtDefaults.ensure();
    BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height());
    paint(g, width(), height());
    g.dispose();
    return image;
  }

  /** Writes the figure as a PNG to exactly {@code file} (no extension is added). */
  public Path savePng(Path file) {
    BufferedImage image = image();
    return write(file, out -> writePng(image, out));
  }

  /**
   * The JDK's PNG encoder on an in-memory stream: {@code ImageIO.write(image, "png", out)} would
   * first cache the stream in a temporary file.
   */
  static void writePng(BufferedImage image, OutputStream out) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IOException("no PNG writer available in this JDK (javax.imageio)");
    }
    ImageWriter writer = writers.next();
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(image);
    } finally {
      writer.dispose();
    }
  }

  /** Writes the figure as an SVG (vector graphics, text as text) to exactly {@code file}. */
  public Path saveSvg(Path file) {
    AwtDefaults.ensure();
    VectorGraphics2D g = new VectorGraphics2D();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width(), height());
    paint(g, width(), height());
    Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width(), height()));
    return write(file, doc::writeTo);
  }

  /** Writes a PNG or an SVG, chosen by the file's extension ({@code .png} or {@code .svg}). */
  public Path save(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return savePng(file);
    }
    if (name.endsWith(".svg")) {
      return saveSvg(file);
    }
    throw new IllegalArgumentException(
        "cannot tell the image format of '" + file + "'; name it .png or .svg, or use savePng/saveSvg");
  }

  /**
   * Opens a window showing the figure when a display is available; otherwise (headless: CI, ssh,
   * containers) writes a PNG named after the title into the directory of system property
   * {@value #PLOT_DIR_PROPERTY} (default {@code java.io.tmpdir}) and prints its path.
   *
   * @return the PNG written, or null when a window was opened
   */
  public Path show() {
    AwtDefaults.ensure();
    if (GraphicsEnvironment.isHeadless()) {
      Path dir = Path.of(System.getProperty(PLOT_DIR_PROPERTY, System.getProperty("java.io.tmpdir")));
      String base = name().isBlank() ? "figure" : name().replaceAll("[^A-Za-z0-9._-]+", "_");
      Path file = savePng(dir.resolve(base + ".png"));
      System.out.println("no display: figure written to " + file.toAbsolutePath());
      return file;
    }
    javax.swing.SwingUtilities.invokeLater(() -> {
      javax.swing.JFrame frame = new javax.swing.JFrame(name().isBlank() ? "Brainstem" : name());
      javax.swing.JPanel panel = new javax.swing.JPanel() {
        @Override
        protected void paintComponent(Graphics g) {
          super.paintComponent(g);
          Graphics2D g2 = (Graphics2D) g;
          g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
          Figure.this.paint(g2, getWidth(), getHeight());
        }
      };
      panel.setBackground(Color.WHITE);
      panel.setPreferredSize(new java.awt.Dimension(width(), height()));
      frame.add(panel);
      frame.pack();
      frame.setLocationRelativeTo(null);
      frame.setVisible(true);
    });
    return null;
  }

  @FunctionalInterface
  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static Path write(Path file, Body body) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
        body.write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
    return file;
  }
}
