package dev.segmentlab.core.report;

import java.nio.file.Path;
import java.util.Locale;

/** The three renderings of a report, chosen by the output file's extension. */
public enum ReportFormat {
  HTML("html"), PDF("pdf"), PPTX("pptx");

  private final String extension;

  ReportFormat(String extension) { this.extension = extension; }

  /** The file extension without the dot. */
  public String extension() { return extension; }

  /**
   * The format a file name asks for ({@code .html}/{@code .htm}, {@code .pdf}, {@code .pptx}).
   *
   * @throws IllegalArgumentException for any other extension (the message lists the choices)
   */
  public static ReportFormat of(Path file) {
    String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".html") || n.endsWith(".htm")) return HTML;
    if (n.endsWith(".pdf")) return PDF;
    if (n.endsWith(".pptx")) return PPTX;
    throw new IllegalArgumentException("The report must be a .html, .pdf or .pptx file, not " + file.getFileName());
  }
}
