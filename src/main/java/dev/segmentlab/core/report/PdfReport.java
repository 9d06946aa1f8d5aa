package dev.segmentlab.core.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.RenderingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import java.awt.Shape;

/**
 * The report as PDF: the HTML of {@link HtmlReport} (charts as PNG) laid out by openhtmltopdf on A4 pages, with
 * DejaVu Sans embedded so the file looks the same on every machine.
 */
public final class PdfReport {
  private PdfReport() {}

  /** Font family the report's CSS names first; the bundled TTFs are registered under it. */
  static final String FONT = "DejaVu Sans";

  /**
   * Writes the PDF of the report to {@code out} (not closed).
   *
   * @throws IOException when the stream fails or the layout cannot be made
   */
  public static void write(ReportModel m, OutputStream out) throws IOException {
    HtmlReport.WithCharts h = HtmlReport.htmlWithChartObjects(m);
    writeHtml(h.html(), h.charts(), out);
  }

  /**
   * Lays out report HTML (well-formed XHTML) as PDF; each chart placeholder is drawn with Java2D straight into the
   * page as vectors (PDFBox's Graphics2D), which is sharper and quicker than embedding PNGs.
   */
  static void writeHtml(String html, List<Chart> charts, OutputStream out) throws IOException {
    XRLog.setLoggingEnabled(false);
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.useFont(() -> PdfReport.class.getResourceAsStream("fonts/DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
    b.useFont(() -> PdfReport.class.getResourceAsStream("fonts/DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
    DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
    drawers.registerDrawer(HtmlReport.CHART_OBJECT, new ChartDrawer(charts));
    b.useObjectDrawerFactory(drawers);
    b.withHtmlContent(html, null);
    b.toStream(out);
    try {
      b.run();
    } catch (RuntimeException e) {
      throw new IOException("could not lay out the PDF: " + e.getMessage(), e);
    }
  }

  /** Draws the chart a placeholder names, scaled to the box openhtmltopdf laid out for it. */
  private record ChartDrawer(List<Chart> charts) implements FSObjectDrawer {
    @Override public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
        OutputDevice device, RenderingContext ctx, int dotsPerPixel) {
      Chart c = charts.get(Integer.parseInt(e.getAttribute("data-chart")));
      float w = (float) (width / dotsPerPixel);
      float h = (float) (height / dotsPerPixel);
      device.drawWithGraphics((float) x, (float) y, w, h, g -> {
        g.scale(w / c.width(), h / c.height());
        PngCharts.draw(c, g);
      });
      return null;
    }
  }
}
