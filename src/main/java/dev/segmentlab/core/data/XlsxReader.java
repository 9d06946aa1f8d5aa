package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.concurrent.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjIntConsumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import java.util.NoSuchElementException;

/**
 * Streams an .xlsx sheet with fastexcel-reader (Tablesaw's XlsxReader holds the whole workbook: 6 GB and 90 s
 * for Online Retail). Cells are turned into UTF-8 bytes and go through the same row builders as CSV; numeric
 * cells in the date column are Excel serial dates. The rows of a transactions sheet are read by
 * {@link SheetScanner} (about 4x faster) whenever it can read them exactly as the library does.
 */
final class XlsxReader {
  private XlsxReader() {}

  static List<String> sheetNames(Path file) {
    try (ReadableWorkbook wb = open(file)) {
      return wb.getSheets().map(Sheet::getName).toList();
    } catch (IOException e) {
      throw FileBytes.ioError(file, e);
    }
  }

  private static ReadableWorkbook open(Path file) throws IOException {
    try {
      return new ReadableWorkbook(file.toFile());
    } catch (RuntimeException e) {
      throw new DataException("The workbook " + file.getFileName() + " could not be opened (" + e.getMessage()
          + "). Save it again as .xlsx from your spreadsheet program.", e);
    }
  }

  private static Sheet pick(ReadableWorkbook wb, String sheet, Path file) {
    if (sheet == null) return wb.getFirstSheet();
    return wb.findSheet(sheet).orElseThrow(() -> new DataException("The workbook " + file.getFileName()
        + " has no sheet named '" + sheet + "'. Its sheets are: "
        + String.join(", ", wb.getSheets().map(Sheet::getName).toList()) + "."));
  }

  static FilePreview preview(Path file, String sheet, int limit) {
    try (ReadableWorkbook wb = open(file)) {
      List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
      Sheet s = pick(wb, sheet, file);
      try (Stream<Row> rows = s.openStream()) {
        Iterator<Row> it = rows.iterator();
        List<String> headers = null;
        List<List<String>> out = new ArrayList<>();
        RowFields f = new RowFields();
        while (it.hasNext() && out.size() < limit) {
          Row r = it.next();
          if (headers == null) {
            headers = headers(r);
            if (headers.isEmpty()) headers = null;
            continue;
          }
          f.load(r, headers.size());
          List<String> vals = new ArrayList<>();
          for (int i = 0; i < f.fieldCount(); i++) vals.add(new String(f.buf(i), f.start(i), f.end(i) - f.start(i), StandardCharsets.UTF_8));
          out.add(vals);
        }
        if (headers == null) throw new DataException("The sheet '" + s.getName() + "' is empty.");
        return new FilePreview(headers, out, ColumnMapping.detect(headers), sheets, s.getName());
      }
    } catch (IOException | UncheckedIOException e) {
      throw FileBytes.ioError(file, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
    }
  }

  /** Which reader parses a transactions sheet's rows; tests pick one to compare them. */
  enum Route {
    /** {@link SheetScanner} when it can read the sheet exactly, else the library. */
    ANY,
    /** {@link SheetScanner} only: a sheet it declines is an {@link IllegalStateException}. */
    SCANNER,
    /** fastexcel-reader only. */
    LIBRARY
  }

  static Dataset read(Path file, ReadOptions options, RunControl rc) {
    return read(file, options, rc, Route.ANY);
  }

  /**
   * @param rc its executor lends threads: to {@link SheetScanner}, or, when the library reads the rows, one of them parses
   *     the sheet's XML into rows while the calling thread turns rows into columns (overlapped: measured faster than one after the other;
   *     the XML parsing is the longer part)
   */
  static Dataset read(Path file, ReadOptions options, RunControl rc, Route route) {
    String name = file.getFileName().toString();
    long bytes = file.toFile().length();
    rc.progress(-1);
    try (ReadableWorkbook wb = open(file)) {
      List<String> sheets = wb.getSheets().map(Sheet::getName).toList();
      Sheet s = pick(wb, options.sheet(), file);
      try (Stream<Row> rows = s.openStream()) {
        Iterator<Row> it = rows.iterator();
        List<String> headers = null;
        int headerRows = 0; // the <row> elements up to and including the header
        while (it.hasNext()) {
          Row r = it.next();
          headerRows++;
          headers = headers(r);
          if (!headers.isEmpty()) break;
        }
        if (headers == null || headers.isEmpty()) throw new DataException("The sheet '" + s.getName() + "' of " + name + " is empty.");
        if (!it.hasNext()) throw new DataException("The sheet '" + s.getName() + "' of " + name + " has a header but no data rows.");
        ColumnMapping mapping = options.mappingOf(headers);
        Mode mode = options.modeOf(mapping);
        LoadReports.Source src = new LoadReports.Source(file, name, "xlsx", s.getName(), sheets, "UTF-8 (xlsx)", null,
            bytes);
        if (mode == Mode.CUSTOMERS) return LoadReports.customers(src, customerTable(it, headers, rc), mapping);
        int[] slots = LoadReports.slots(mapping, headers.size());
        List<TransactionChunk> chunks = route == Route.LIBRARY ? null
            : SheetScanner.chunks(file, s.getId(), headerRows, headers.size(), slots, rc);
        if (chunks == null && route == Route.SCANNER) throw new IllegalStateException("the scanner declined " + name);
        if (chunks == null) chunks = List.of(libraryChunk(it, headers.size(), slots, rc));
        TransactionAssembler.Result res = TransactionAssembler.assemble(chunks, StandardCharsets.UTF_8, false,
            LoadReports.names(mapping), rc.executor());
        rc.progress(1.0);
        return LoadReports.transactions(src, res, mapping);
      }
    } catch (IOException e) {
      throw FileBytes.ioError(file, e);
    } catch (UncheckedIOException e) {
      throw FileBytes.ioError(file, e.getCause());
    }
  }

  private static CustomerTableBuilder customerTable(Iterator<Row> it, List<String> headers, RunControl rc) {
    CustomerTableBuilder b = new CustomerTableBuilder(headers, StandardCharsets.UTF_8);
    eachRow(it, headers.size(), rc, b::accept);
    return b;
  }

  /** Hands each row that has a cell, as fields padded or cut to the header's width, to {@code sink}. */
  private static void eachRow(Iterator<Row> rows, int width, RunControl rc, ObjIntConsumer<Fields> sink) {
    RowFields f = new RowFields();
    int n = 0;
    while (rows.hasNext()) {
      Row r = rows.next();
      if (f.load(r, width)) sink.accept(f, r.getRowNum());
      if ((++n & 0xFFF) == 0 && rc.isCancelled()) throw new CancellationException("Load cancelled");
    }
  }

  /** The rows after the header, read with the library. */
  private static TransactionChunk libraryChunk(Iterator<Row> it, int width, int[] slots, RunControl rc) {
    TransactionChunk chunk = new TransactionChunk(slots, width, false, true, StandardCharsets.UTF_8, 1 << 16);
    Iterator<Row> source = rc.executor() == null ? it : new RowsAhead(it, rc.executor());
    try {
      eachRow(source, width, rc, chunk::accept);
    } finally {
      if (source instanceof RowsAhead ahead) ahead.stop(); // the sheet must not be read once it is closed
    }
    chunk.lineOffset = 0;
    return chunk;
  }

  /**
   * The rows of a sheet, parsed on an executor thread a few thousand rows ahead of the caller. Rows are
   * self-contained objects, so handing them over is safe; the parser waits when the caller falls behind. If no
   * executor thread has taken the parsing up after a moment (a busy or one-thread pool, which may be running
   * the caller itself), the caller parses the rows on its own, so it never waits for a task that did not start.
   */
  private static final class RowsAhead implements Iterator<Row> {
    private static final int BATCH = 2048;
    private static final long GRACE_NANOS = 200_000_000L;
    private final Iterator<Row> rows;
    private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(8);
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final long created = System.nanoTime();
    private volatile boolean stopped;
    private volatile boolean produced;
    private volatile Throwable failure;
    private boolean direct;
    private List<Row> batch = List.of();
    private int next;

    RowsAhead(Iterator<Row> rows, Executor executor) {
      this.rows = rows;
      executor.execute(() -> {
        if (!claimed.compareAndSet(false, true)) return; // the caller reads the rows itself
        try {
          List<Row> b = new ArrayList<>(BATCH);
          while (!stopped && rows.hasNext()) {
            b.add(rows.next());
            if (b.size() == BATCH) {
              put(b);
              b = new ArrayList<>(BATCH);
            }
          }
          if (!b.isEmpty()) put(b);
        } catch (Throwable t) {
          failure = t;
        } finally {
          produced = true;
          finished.countDown();
        }
      });
    }

    private void put(List<Row> b) throws InterruptedException {
      while (!stopped && !queue.offer(b, 20, TimeUnit.MILLISECONDS)) {
        // the caller is behind: wait
      }
    }

    @Override
    public boolean hasNext() {
      if (direct) return rows.hasNext();
      while (next == batch.size()) {
        try {
          List<Row> b = queue.poll(20, TimeUnit.MILLISECONDS);
          if (b != null) {
            batch = b;
            next = 0;
          } else if (produced && queue.isEmpty()) {
            if (failure != null) throw Parallel.unchecked(failure);
            return false;
          } else if (System.nanoTime() - created > GRACE_NANOS && claimed.compareAndSet(false, true)) {
            direct = true;
            return rows.hasNext();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("Load interrupted");
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) throw new NoSuchElementException();
      return direct ? rows.next() : batch.get(next++);
    }

    /** Stops the parser and waits until it no longer touches the sheet. */
    void stop() {
      stopped = true;
      queue.clear();
      if (direct || claimed.compareAndSet(false, true)) return; // no parser thread ran, and none will now
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static List<String> headers(Row r) {
    List<String> h = new ArrayList<>();
    int last = -1;
    for (int i = 0; i < r.getCellCount(); i++) {
      String t = text(r.getCell(i)).trim();
      h.add(t);
      if (!t.isEmpty()) last = i;
    }
    List<String> out = new ArrayList<>(h.subList(0, last + 1));
    for (int i = 0; i < out.size(); i++) if (out.get(i).isEmpty()) out.set(i, "Column " + (i + 1));
    return out;
  }

  private static String text(Cell c) {
    if (c == null) return "";
    CellType t = c.getType();
    if (t == null || t == CellType.EMPTY) return "";
    if (t == CellType.STRING) return c.asString();
    if (t == CellType.ERROR) return "";
    String raw = c.getRawValue();
    return raw == null ? "" : raw;
  }

  /** One sheet row as byte fields, padded or cut to the header's width. */
  private static final class RowFields extends Fields {
    private byte[] data = new byte[1024];

    /** False for a row with no cell at all (skipped like a blank line). */
    boolean load(Row r, int width) {
      ensureFields(width);
      int len = 0;
      boolean any = false;
      count = width;
      int cells = r.getCellCount();
      for (int i = 0; i < width; i++) {
        String v = i < cells ? text(r.getCell(i)) : "";
        if (!v.isEmpty()) any = true;
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        if (len + b.length > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, len + b.length));
        System.arraycopy(b, 0, data, len, b.length);
        starts[i] = len;
        len += b.length;
        ends[i] = len;
      }
      Arrays.fill(bufs, 0, width, data);
      for (int i = width; i < cells; i++) if (!text(r.getCell(i)).isEmpty()) { count = cells; return loadWide(r, cells); }
      return any;
    }

    private boolean loadWide(Row r, int cells) {
      load(r, cells);
      return true;
    }
  }
}
