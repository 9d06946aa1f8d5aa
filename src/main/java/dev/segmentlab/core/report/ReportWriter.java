package dev.segmentlab.core.report;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.SafeFileWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** Writes a report file in the format its name asks for, all-or-nothing (see {@link SafeFileWriter}). */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes {@code m} to {@code target}.
   *
   * @param overwrite whether an existing file may be replaced
   * @param rc its progress: 0..1; its cancellation check: polled while writing; a cancelled write leaves
   *     nothing behind
   * @return the format written
   * @throws IllegalArgumentException when the extension is not .html, .pdf or .pptx
   * @throws ExportException when the file cannot be written (the message says why)
   * @throws CancellationException when cancelled
   */
  public static ReportFormat write(ReportModel m, Path target, boolean overwrite, RunControl rc) throws ExportException {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    ReportFormat f = ReportFormat.of(target);
    progress.accept(0);
    SafeFileWriter.write(target, overwrite, out -> {
      switch (f) {
        case HTML -> out.write(HtmlReport.html(m).getBytes(StandardCharsets.UTF_8));
        case PDF -> {
          HtmlReport.WithCharts html = HtmlReport.htmlWithChartObjects(m);
          progress.accept(0.2);
          if (cancelled.getAsBoolean()) throw new CancellationException("report cancelled");
          PdfReport.writeHtml(html.html(), html.charts(), out);
        }
        case PPTX -> PptxReport.write(m, out, rc);
      }
      // the PDF renderer cannot be stopped mid-page: a cancel during it is honoured here, before the file is
      // published (the temporary file is removed), or a report cancelled in the window appeared seconds later
      if (cancelled.getAsBoolean()) throw new CancellationException("report cancelled");
    });
    progress.accept(1);
    return f;
  }
}
