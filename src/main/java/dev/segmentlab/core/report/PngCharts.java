package dev.segmentlab.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Draws a {@link Chart} with Java2D (headless), for the PDF and the slides, in the bundled DejaVu Sans. */
public final class PngCharts {
  private PngCharts() {}

  private static final class Fonts {
    static final Font REGULAR = load("DejaVuSans.ttf");
    static final Font BOLD = load("DejaVuSans-Bold.ttf");

    private static Font load(String name) {
      try (InputStream in = PngCharts.class.getResourceAsStream("fonts/" + name)) {
        if (in == null) throw new IllegalStateException("missing font resource " + name);
        return Font.createFont(Font.TRUETYPE_FONT, in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (FontFormatException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The chart as PNG bytes, {@code scale} device pixels per chart unit (2 = sharp in print). */
  public static byte[] png(Chart c, double scale) {
    BufferedImage img = new BufferedImage((int) Math.ceil(c.width() * scale), (int) Math.ceil(c.height() * scale),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.scale(scale, scale);
      draw(c, g);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Draws the chart onto {@code g} in chart units (the caller sets the transform). */
  public static void draw(Chart c, Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    for (Chart.Element e : c.elements()) {
      if (e instanceof Chart.Rect r) {
        Rectangle2D s = new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h());
        if (!"none".equals(r.fill())) {
          g.setColor(color(r.fill()));
          g.fill(s);
        }
        if (r.stroke() != null && !"none".equals(r.stroke())) {
          g.setColor(color(r.stroke()));
          g.setStroke(new BasicStroke(1f));
          g.draw(s);
        }
      } else if (e instanceof Chart.Line l) {
        g.setColor(color(l.stroke()));
        g.setStroke(stroke(l.width(), l.dashed()));
        g.draw(new Line2D.Double(l.x1(), l.y1(), l.x2(), l.y2()));
      } else if (e instanceof Chart.Polyline p) {
        if (p.xs().length == 0) continue;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(p.xs()[0], p.ys()[0]);
        for (int i = 1; i < p.xs().length; i++) path.lineTo(p.xs()[i], p.ys()[i]);
        g.setColor(color(p.stroke()));
        g.setStroke(stroke(p.width(), p.dashed()));
        g.draw(path);
      } else if (e instanceof Chart.Circle ci) {
        g.setColor(color(ci.fill()));
        g.fill(new Ellipse2D.Double(ci.cx() - ci.r(), ci.cy() - ci.r(), 2 * ci.r(), 2 * ci.r()));
      } else if (e instanceof Chart.Text t) {
        Font f = (t.bold() ? Fonts.BOLD : Fonts.REGULAR).deriveFont((float) t.size());
        g.setFont(f);
        g.setColor(color(t.fill()));
        double w = g.getFontMetrics().getStringBounds(t.text(), g).getWidth();
        double dx = switch (t.anchor()) { case START -> 0; case MIDDLE -> -w / 2; case END -> -w; };
        AffineTransform saved = g.getTransform();
        g.translate(t.x(), t.y());
        if (t.rotate() != 0) g.rotate(Math.toRadians(t.rotate()));
        g.drawString(t.text(), (float) dx, 0f);
        g.setTransform(saved);
      }
    }
  }

  private static BasicStroke stroke(double width, boolean dashed) {
    return dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 3f}, 0f)
        : new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static Color color(String hex) {
    if (hex == null || hex.length() != 7 || hex.charAt(0) != '#') return Color.GRAY;
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }
}
