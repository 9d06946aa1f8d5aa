package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The front door of the data layer: one place that tells what an input is and hands it to its reader. Files are
 * recognised by their bytes (Parquet's magic: {@link ParquetFile}; a zip: {@link XlsxReader}; gzip or anything
 * else: the text reader, {@link DatasetReader}); databases are read through JDBC ({@link DatabaseReader}). Whatever
 * the input, the result has the same column mapping, row rules and {@link LoadReport} ({@link LoadReports}), and
 * bad input is one {@link DataException}.
 *
 * <pre>{@code
 * Dataset d = Datasets.read(Path.of("orders.parquet"), ReadOptions.defaults(), RunControl.on(pool));
 * Dataset e = Datasets.read(DatabaseSource.table("jdbc:postgresql://db/shop", "analyst", pw, "orders"),
 *     ReadOptions.defaults(), RunControl.on(pool));
 * }</pre>
 */
public final class Datasets {
  private Datasets() {}

  /** The file kinds the front door opens, for file choosers and help texts. */
  public static final List<String> FILE_EXTENSIONS =
      List.of("csv", "tsv", "txt", "gz", "xlsx", "parquet");

  /** Reads a file with the defaults, on the calling thread. */
  public static Dataset read(Path file) {
    return read(file, ReadOptions.defaults(), RunControl.none());
  }

  /**
   * Reads a CSV/TSV/TXT (optionally .gz), XLSX or Parquet file.
   *
   * @param rc its executor lends threads to parsing (null = the calling thread only); progress 0..1 as the file is
   *     read (negative = unknown); cancellation is polled often and stops the read with
   *     {@link CancellationException}
   * @throws DataException with a message for the analyst when the file cannot be used, or does not fit in memory
   */
  public static Dataset read(Path file, ReadOptions options, RunControl rc) {
    try {
      if (ParquetFile.isParquet(file)) return ParquetFile.read(file, options, rc);
      FileBytes.Kind kind = usable(file);
      if (kind == FileBytes.Kind.XLSX) return XlsxReader.read(file, options, rc);
      return DatasetReader.read(file, kind == FileBytes.Kind.GZIP, options, rc);
    } catch (OutOfMemoryError e) {
      throw ReadMemory.tooLarge(file, e); // one line for the analyst, not a stack trace (issue 24)
    } catch (RuntimeException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof OutOfMemoryError oom) throw ReadMemory.tooLarge(file, oom);
      }
      throw e;
    }
  }

  /**
   * Reads a database table or query; see {@link DatabaseReader#read}.
   *
   * @throws DataException with one message for the analyst (never holding the password)
   */
  public static Dataset read(DatabaseSource source, ReadOptions options, RunControl rc) {
    return DatabaseReader.read(source, options, rc);
  }

  /** Headers, the first {@code limit} rows and the detected mapping of a file. */
  public static FilePreview preview(Path file, String sheet, int limit) {
    if (ParquetFile.isParquet(file)) return ParquetFile.preview(file, limit);
    FileBytes.Kind kind = usable(file);
    if (kind == FileBytes.Kind.XLSX) return XlsxReader.preview(file, sheet, limit);
    return DatasetReader.preview(file, kind == FileBytes.Kind.GZIP, limit);
  }

  /** Headers, the first {@code limit} rows and the detected mapping of a table or query. */
  public static FilePreview preview(DatabaseSource source, int limit) {
    return DatabaseReader.preview(source, limit);
  }

  /** The sheet names of an XLSX file; empty for the other kinds. */
  public static List<String> sheets(Path file) {
    if (ParquetFile.isParquet(file)) return List.of();
    return FileBytes.sniff(file) == FileBytes.Kind.XLSX ? XlsxReader.sheetNames(file) : List.of();
  }

  /** The file's kind by its first bytes, once it is known to be one a reader can take. */
  private static FileBytes.Kind usable(Path file) {
    FileBytes.Kind kind = FileBytes.sniff(file);
    String name = file.getFileName().toString();
    if (kind == FileBytes.Kind.EMPTY) throw new DataException("The file " + name + " is empty (0 bytes).");
    if (kind == FileBytes.Kind.OLE2) {
      throw new DataException("The file " + name + " is a password-protected workbook or an old .xls file. "
          + "Remove the password or save it as .xlsx or CSV, then open it again.");
    }
    return kind;
  }
}
