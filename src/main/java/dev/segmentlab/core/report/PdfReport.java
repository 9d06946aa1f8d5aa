package dev.segmentlab.core.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;

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
    writeHtml(HtmlReport.html(m, HtmlReport.Charts.PNG), out);
  }

  /** Lays out report HTML (well-formed XHTML) as PDF. */
  static void writeHtml(String html, OutputStream out) throws IOException {
    XRLog.setLoggingEnabled(false);
    PdfRendererBuilder b = new PdfRendererBuilder();
    b.useFastMode();
    b.useFont(() -> PdfReport.class.getResourceAsStream("fonts/DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
    b.useFont(() -> PdfReport.class.getResourceAsStream("fonts/DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
    b.withHtmlContent(html, null);
    b.toStream(out);
    try {
      b.run();
    } catch (RuntimeException e) {
      throw new IOException("could not lay out the PDF: " + e.getMessage(), e);
    }
  }
}
