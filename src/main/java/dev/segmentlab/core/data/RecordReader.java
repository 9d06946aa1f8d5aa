package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
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
  static FilePreview preview(RowSource src, int limit) {
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
    return new FilePreview(headers, rows, ColumnMapping.detect(headers), List.of(), null);
  }

  /**
   * Reads every row.
   *
   * @throws DataException when a mapped column has a type its role cannot use, the source fails, or no row is usable
   * @throws CancellationException when {@code cancelled} turns true
   */
  static Dataset read(RowSource src, Origin origin, ReadOptions options, RunControl rc) {
    List<String> headers = src.headers();
    if (headers.isEmpty()) throw new DataException(origin.name() + " has no columns.");
    ColumnMapping mapping = options.mappingOf(headers);
    Mode mode = options.modeOf(mapping);
    LoadReports.Source source = LoadReports.Source.of(origin.file(), origin.name(), origin.format(), origin.encoding(),
        origin.bytes());
    int width = headers.size();
    boolean[] wanted = new boolean[width];
    if (mode == Mode.CUSTOMERS) {
      Arrays.fill(wanted, true);
    } else {
      checkKinds(src, mapping, origin);
      for (Role r : Role.values()) mapping.index(r).ifPresent(i -> wanted[i] = true);
    }
    long expected = src.expectedRows();
    rc.progress(expected > 0 ? 0 : -1);
    Object[] row = new Object[width];
    Cells cells = new Cells();
    int n = 0;
    if (mode == Mode.CUSTOMERS) {
      CustomerTableBuilder b = new CustomerTableBuilder(headers, StandardCharsets.UTF_8);
      while (src.next(row, wanted)) {
        load(cells, row, wanted);
        b.accept(cells, ++n);
        tick(n, expected, rc);
      }
      return withOrigin(LoadReports.customers(source, b, mapping), origin);
    }
    int[] slots = LoadReports.slots(mapping, width);
    int capacity = (int) Math.min(Math.max(expected, 1 << 12), 1 << 24);
    TransactionChunk chunk = new TransactionChunk(slots, width, false, false, StandardCharsets.UTF_8, capacity);
    while (src.next(row, wanted)) {
      load(cells, row, wanted);
      chunk.accept(cells, ++n);
      tick(n, expected, rc);
    }
    if (rc.isCancelled()) throw new CancellationException("Load cancelled");
    chunk.lineOffset = 0;
    TransactionAssembler.Result r = TransactionAssembler.assemble(List.of(chunk), StandardCharsets.UTF_8, false,
        LoadReports.names(mapping), rc.executor());
    rc.progress(1.0);
    return withOrigin(LoadReports.transactions(source, r, mapping), origin);
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

  private static void tick(int n, long expected, RunControl rc) {
    if ((n & 0x1FFF) != 0) return;
    if (rc.isCancelled()) throw new CancellationException("Load cancelled");
    if (expected > 0) rc.progress(Math.min(0.95, 0.95 * n / expected));
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
