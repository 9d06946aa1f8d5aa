package dev.segmentlab.core.export;

import dev.segmentlab.core.concurrent.RunControl;
import blue.strategic.parquet.Dehydrator;
import blue.strategic.parquet.ParquetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes a table as a flat Parquet file (parquet-floor, no Hadoop): text as UTF-8 strings, whole numbers as int64,
 * numbers and fractions as double, dates as DATE, date-times as TIMESTAMP(MICROS) without a zone; blanks are nulls.
 * Every column is optional. The file is written beside the target and moved into place by {@link SafeFileWriter}:
 * all or nothing.
 *
 * <pre>{@code
 * ParquetExporter.write(Path.of("customers.parquet"), SegmentExport.customers(seg, top), false, RunControl.none());
 * }</pre>
 */
public final class ParquetExporter {
  private ParquetExporter() {}

  /**
   * Writes one table.
   *
   * @param overwrite whether an existing file may be replaced
   * @param rc its progress: the fraction done, 0..1; its cancellation check: polled every few thousand rows;
   *     when true the export stops with a {@link CancellationException} and no file is left behind
   * @throws ExportException if the file cannot be written; the message says what to do
   */
  public static void write(Path target, SheetData table, boolean overwrite, RunControl rc) throws ExportException {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    Path folder = target.toAbsolutePath().normalize().getParent();
    Path tmp;
    try {
      tmp = Files.createTempFile(folder, ".segmentlab-", ".parquet.tmp");
      Files.delete(tmp); // the writer creates it
    } catch (IOException e) {
      throw new ExportException("Cannot write in the folder " + folder + " (" + e.getMessage() + "); choose another "
          + "folder or check that it is writable.", e);
    }
    try {
      writeTo(tmp, table, progress, cancelled);
      SafeFileWriter.write(target, overwrite, out -> Files.copy(tmp, out));
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a hidden temporary file is all that can remain
      }
    }
  }

  /** The Parquet schema of a table: one optional column per table column, in order. */
  public static MessageType schema(SheetData table) {
    List<Type> fields = new ArrayList<>();
    for (SheetData.Column c : table.columns()) {
      fields.add(switch (c.type()) {
        case TEXT -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
        case INTEGER -> Types.optional(PrimitiveTypeName.INT64).named(c.name());
        case NUMBER, PERCENT -> Types.optional(PrimitiveTypeName.DOUBLE).named(c.name());
        case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(c.name());
        case DATETIME -> Types.optional(PrimitiveTypeName.INT64)
            .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(c.name());
      });
    }
    return new MessageType("segmentlab", fields);
  }

  private static void writeTo(Path file, SheetData table, DoubleConsumer progress, BooleanSupplier cancelled)
      throws ExportException {
    List<SheetData.Column> cols = table.columns();
    Dehydrator<Integer> rowWriter = (row, w) -> {
      for (SheetData.Column c : cols) {
        if (c.isMissing(row)) continue;
        String name = c.name();
        switch (c.type()) {
          case TEXT -> w.write(name, c.text(row));
          case INTEGER -> w.write(name, c.longAt(row));
          case NUMBER, PERCENT -> w.write(name, c.doubleAt(row));
          case DATE -> w.write(name, (int) c.longAt(row));
          case DATETIME -> w.write(name, Math.multiplyExact(c.longAt(row), 1_000_000L));
        }
      }
    };
    int n = table.rowCount();
    try (ParquetWriter<Integer> writer = ParquetWriter.writeFile(schema(table), file.toFile(), rowWriter)) {
      for (int i = 0; i < n; i++) {
        writer.write(i);
        if ((i & 0xFFF) == 0xFFF) {
          if (cancelled.getAsBoolean()) throw new CancellationException("Export cancelled");
          progress.accept((i + 1) / (double) n);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof CancellationException c) throw c;
      throw new ExportException("Could not write the Parquet file " + file.getFileName() + ": " + e.getMessage(), e);
    }
    progress.accept(1.0);
  }
}
