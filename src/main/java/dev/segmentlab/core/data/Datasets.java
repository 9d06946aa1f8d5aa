package dev.segmentlab.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The front door of the data layer: one place that tells what an input is and hands it to its reader. Files are
 * recognised by their bytes (Parquet's magic, XLSX's zip, gzip, else text: {@link DatasetReader}); databases are
 * read through JDBC ({@link DatabaseReader}). Whatever the input, the result has the same column mapping, row rules
 * and {@link LoadReport}, and bad input is one {@link DataException}.
 *
 * <pre>{@code
 * Dataset d = Datasets.read(Path.of("orders.parquet"), DatasetReader.Options.defaults(), pool, p -> { }, () -> false);
 * Dataset e = Datasets.read(DatabaseSource.table("jdbc:postgresql://db/shop", "analyst", pw, "orders"),
 *     DatasetReader.Options.defaults(), pool, p -> { }, () -> false);
 * }</pre>
 */
public final class Datasets {
  private Datasets() {}

  /** The file kinds the front door opens, for file choosers and help texts. */
  public static final List<String> FILE_EXTENSIONS =
      List.of("csv", "tsv", "txt", "gz", "xlsx", "parquet");

  /**
   * Reads a CSV/TSV/TXT (optionally .gz), XLSX or Parquet file.
   *
   * @param executor lends threads to parsing; null = the calling thread only
   * @param progress 0..1 as the file is read (negative = unknown)
   * @param cancelled polled often; when true the read stops with {@link CancellationException}
   * @throws DataException with a message for the analyst when the file cannot be used
   */
  public static Dataset read(Path file, DatasetReader.Options options, Executor executor, DoubleConsumer progress,
      BooleanSupplier cancelled) {
    if (ParquetFile.isParquet(file)) return ParquetFile.read(file, options, executor, progress, cancelled);
    return DatasetReader.read(file, options, executor, progress, cancelled);
  }

  /**
   * Reads a database table or query; see {@link DatabaseReader#read}.
   *
   * @throws DataException with one message for the analyst (never holding the password)
   */
  public static Dataset read(DatabaseSource source, DatasetReader.Options options, Executor executor,
      DoubleConsumer progress, BooleanSupplier cancelled) {
    return DatabaseReader.read(source, options, executor, progress, cancelled);
  }

  /** Headers, the first {@code limit} rows and the detected mapping of a file. */
  public static DatasetReader.Preview preview(Path file, String sheet, int limit) {
    if (ParquetFile.isParquet(file)) return ParquetFile.preview(file, limit);
    return DatasetReader.preview(file, sheet, limit);
  }

  /** Headers, the first {@code limit} rows and the detected mapping of a table or query. */
  public static DatasetReader.Preview preview(DatabaseSource source, int limit) {
    return DatabaseReader.preview(source, limit);
  }

  /** The sheet names of an XLSX file; empty for the other kinds. */
  public static List<String> sheets(Path file) {
    return ParquetFile.isParquet(file) ? List.of() : DatasetReader.sheets(file);
  }
}
