package dev.segmentlab.core.pipeline;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How to export a segmentation.
 *
 * <ul>
 *   <li>{@link Format#XLSX}: one workbook with the sheets of {@link SegmentExport#sheets}.</li>
 *   <li>{@link Format#CSV}: the {@code Customers} table as one CSV; with {@code perSegment} also one CSV per
 *       segment beside it, named {@code <stem>-<id> <name>.csv}.</li>
 *   <li>{@link Format#PARQUET}: the {@code Customers} table as one Parquet file.</li>
 * </ul>
 *
 * @param target the file to write ({@code .xlsx} or {@code .csv}); its folder must exist
 * @param format the file format
 * @param byteOrderMark CSV only: start with a UTF-8 byte-order mark so that Excel reads {@code £} correctly
 * @param perSegment CSV only: also write one file per segment
 * @param overwrite whether existing files may be replaced (the app asks first; the CLI has {@code --force})
 */
public record ExportRequest(Path target, Format format, boolean byteOrderMark, boolean perSegment, boolean overwrite) {

  /** The export formats. */
  public enum Format {
    XLSX("xlsx"),
    CSV("csv"),
    /** The {@code Customers} table as one Parquet file (for data lakes, pandas, Spark, DuckDB). */
    PARQUET("parquet");

    private final String extension;

    Format(String extension) { this.extension = extension; }

    /** The file-name extension without the dot. */
    public String extension() { return extension; }

    /**
     * The format a file name asks for.
     *
     * @throws IllegalArgumentException when the name ends in neither {@code .xlsx} nor {@code .csv}
     */
    public static Format of(Path file) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".xlsx")) return XLSX;
      if (name.endsWith(".csv")) return CSV;
      if (name.endsWith(".parquet")) return PARQUET;
      throw new IllegalArgumentException("The export file must end in .xlsx or .csv (or .parquet), not '"
          + file.getFileName() + "'.");
    }
  }

  public ExportRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(format, "format");
  }

  /** A request whose format follows the file name. @throws IllegalArgumentException for another extension */
  public static ExportRequest of(Path target, boolean byteOrderMark, boolean perSegment, boolean overwrite) {
    return new ExportRequest(target, Format.of(target), byteOrderMark, perSegment, overwrite);
  }
}
