package dev.segmentlab.core.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.Arrays;

/**
 * Turns the typed rows of a {@link RowSource} (a database query, a Parquet file) into a {@link Dataset} through the
 * same mapping, row builders, assembly and load report as a CSV file: each row becomes byte fields
 * ({@link Cells}), so a row the CSV path would reject is rejected here for the same reason, and the counts agree.
 */
final class RecordReader {
  private RecordReader() {}

  /**
   * Where the rows came from, for the load report and the {@link Dataset}.
   *
   * @param file the file read, or null for a database
   * @param name the name shown in the report (file name, or table / "query")
   * @param format {@code parquet}, {@code postgresql}, {@code sqlite}, ...
   * @param encoding what the report says of the encoding
   * @param bytes the file's size, 0 for a database
   * @param database the database input (without its password), or null
   */
  record Origin(Path file, String name, String format, String encoding, long bytes, DatabaseSource database) {}

  /** The headers and the first {@code limit} rows as text, with the detected mapping. */
  static DatasetReader.Preview preview(RowSource src, int limit) {
    List<String> headers = src.headers();
    boolean[] all = new boolean[headers.size()];
    Arrays.fill(all, true);
    Object[] row = new Object[headers.size()];
    List<List<String>> rows = new ArrayList<>();
    while (rows.size() < limit && src.next(row, all)) {
      List<String> r = new ArrayList<>(row.length);
      for (Object v : row) r.add(Cells.text(v));
      rows.add(r);
    }
    return new DatasetReader.Preview(headers, rows, ColumnMapping.detect(headers), List.of(), null);
  }

  /**
   * Reads every row.
   *
   * @throws DataException when a mapped column has a type its role cannot use, the source fails, or no row is usable
   * @throws CancellationException when {@code cancelled} turns true
   */
  static Dataset read(RowSource src, Origin origin, DatasetReader.Options options, Executor executor,
      DoubleConsumer progress, BooleanSupplier cancelled) {
    List<String> headers = src.headers();
    if (headers.isEmpty()) throw new DataException(origin.name() + " has no columns.");
    ColumnMapping mapping = DatasetReader.mapping(headers, options);
    Mode mode = DatasetReader.mode(mapping, headers, options);
    int width = headers.size();
    boolean[] wanted = new boolean[width];
    if (mode == Mode.CUSTOMERS) {
      Arrays.fill(wanted, true);
    } else {
      checkKinds(src, mapping, origin);
      for (Role r : Role.values()) mapping.index(r).ifPresent(i -> wanted[i] = true);
    }
    long expected = src.expectedRows();
    progress.accept(expected > 0 ? 0 : -1);
    Object[] row = new Object[width];
    Cells cells = new Cells();
    int n = 0;
    if (mode == Mode.CUSTOMERS) {
      CustomerTableBuilder b = new CustomerTableBuilder(headers, StandardCharsets.UTF_8);
      while (src.next(row, wanted)) {
        load(cells, row, wanted);
        b.accept(cells, ++n);
        tick(n, expected, progress, cancelled);
      }
      return withOrigin(DatasetReader.customers(origin.file(), origin.name(), origin.format(), null, List.of(), b,
          mapping, origin.encoding(), null, origin.bytes()), origin);
    }
    int[] slots = DatasetReader.slots(mapping, width);
    int capacity = (int) Math.min(Math.max(expected, 1 << 12), 1 << 24);
    TransactionChunk chunk = new TransactionChunk(slots, width, false, false, StandardCharsets.UTF_8, capacity);
    while (src.next(row, wanted)) {
      load(cells, row, wanted);
      chunk.accept(cells, ++n);
      tick(n, expected, progress, cancelled);
    }
    if (cancelled.getAsBoolean()) throw new CancellationException("Load cancelled");
    chunk.lineOffset = 0;
    TransactionAssembler.Result r = TransactionAssembler.assemble(List.of(chunk), StandardCharsets.UTF_8, false,
        DatasetReader.names(mapping), executor);
    progress.accept(1.0);
    return withOrigin(DatasetReader.transactions(origin.file(), origin.name(), origin.format(), null, List.of(), r,
        mapping, origin.encoding(), null, origin.bytes()), origin);
  }

  private static Dataset withOrigin(Dataset d, Origin o) {
    if (o.database() == null) return d;
    return new Dataset(d.source(), d.transactions(), d.customerTable(), d.idColumn(), d.mapping(), d.report(),
        o.database().withoutPassword());
  }

  private static void load(Cells cells, Object[] row, boolean[] wanted) {
    cells.begin(row.length);
    for (int i = 0; i < row.length; i++) if (wanted[i]) cells.set(i, row[i]);
    cells.finish();
  }

  private static void tick(int n, long expected, DoubleConsumer progress, BooleanSupplier cancelled) {
    if ((n & 0x1FFF) != 0) return;
    if (cancelled.getAsBoolean()) throw new CancellationException("Load cancelled");
    if (expected > 0) progress.accept(Math.min(0.95, 0.95 * n / expected));
  }

  /**
   * A column whose declared type cannot play its role fails before any row is read: quantities and prices need
   * numbers (or text holding them), the date a date-time (or text); no role takes binary data.
   */
  private static void checkKinds(RowSource src, ColumnMapping mapping, Origin origin) {
    for (Role role : Role.values()) {
      int i = mapping.index(role).orElse(-1);
      if (i < 0) continue;
      RowSource.Kind k = src.kind(i);
      boolean ok = switch (role) {
        case QUANTITY, UNIT_PRICE -> k == RowSource.Kind.NUMBER || k == RowSource.Kind.TEXT;
        case INVOICE_DATE -> k == RowSource.Kind.DATETIME || k == RowSource.Kind.TEXT;
        default -> k != RowSource.Kind.BINARY;
      };
      if (!ok) {
        String need = switch (role) {
          case QUANTITY, UNIT_PRICE -> "numbers";
          case INVOICE_DATE -> "dates";
          default -> "text or numbers";
        };
        throw new DataException("The column '" + src.headers().get(i) + "' of " + origin.name() + " holds "
            + k.noun() + " (type " + src.typeName(i) + "), but it is mapped to " + role.label() + ", which needs "
            + need + ". Map another column, or convert it in the query (for example CAST(... AS numeric)).");
      }
    }
  }
}
