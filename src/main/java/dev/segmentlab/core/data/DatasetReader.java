package dev.segmentlab.core.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Opens a retail file: CSV/TSV/TXT (optionally .gz) or XLSX, transactions or a customer table.
 *
 * <p>Why a parser of our own rather than Tablesaw's {@code CsvReader}: Tablesaw was several times slower on
 * Online Retail's 541,909 lines; parsing bytes straight into dictionary-encoded columns, in two
 * threads, is several times faster (see the README's performance table) and lets us decide the date order and
 * the charset from the data. The result is still offered as a Tablesaw table ({@link Dataset#table()}).
 */
public final class DatasetReader {
  private DatasetReader() {}

  /**
   * @param sheet the XLSX sheet to read (null = the first)
   * @param mapping role → column name chosen by the analyst (null = detect from the headers)
   * @param mode force a mode (null = transactions when the required roles map, else customers)
   */
  public record Options(String sheet, Map<Role, String> mapping, Mode mode) {
    public static Options defaults() { return new Options(null, null, null); }

    public Options withSheet(String s) { return new Options(s, mapping, mode); }

    public Options withMapping(Map<Role, String> m) { return new Options(sheet, m, mode); }
  }

  /** The first rows of a file, for the mapping dialog. */
  public record Preview(List<String> headers, List<List<String>> rows, ColumnMapping detected, List<String> sheets,
      String sheet) {}

  /** Reads with the defaults, on the calling thread. */
  public static Dataset read(Path file) {
    return read(file, Options.defaults(), null, p -> { }, () -> false);
  }

  /**
   * Reads a file.
   *
   * @param executor runs part of the parsing in parallel; null = everything on the calling thread
   * @param progress receives 0..1 as the file is read (negative = unknown, for XLSX)
   * @param cancelled polled often; when true the read stops with {@link CancellationException}
   * @throws DataException with a message for the analyst when the file cannot be used
   */
  public static Dataset read(Path file, Options options, Executor executor, DoubleConsumer progress,
      BooleanSupplier cancelled) {
    try {
      return readNow(file, options, executor, progress, cancelled);
    } catch (OutOfMemoryError e) {
      throw ReadMemory.tooLarge(file, e); // one line for the analyst, not a stack trace (issue 24)
    } catch (RuntimeException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof OutOfMemoryError oom) throw ReadMemory.tooLarge(file, oom);
      }
      throw e;
    }
  }

  /** {@link #read} without the out-of-memory translation. */
  private static Dataset readNow(Path file, Options options, Executor executor, DoubleConsumer progress,
      BooleanSupplier cancelled) {
    FileBytes.Kind kind = FileBytes.sniff(file);
    String name = file.getFileName().toString();
    checkUsable(kind, name);
    if (kind == FileBytes.Kind.XLSX) return XlsxReader.read(file, options, executor, progress, cancelled);
    ReadMemory.check(file, ReadMemory.textBytes(file));
    return readText(file, kind == FileBytes.Kind.GZIP, options, executor, progress, cancelled);
  }

  private static void checkUsable(FileBytes.Kind kind, String name) {
    if (kind == FileBytes.Kind.EMPTY) throw new DataException("The file " + name + " is empty (0 bytes).");
    if (kind == FileBytes.Kind.OLE2) {
      throw new DataException("The file " + name + " is a password-protected workbook or an old .xls file. "
          + "Remove the password or save it as .xlsx or CSV, then open it again.");
    }
  }

  /** Headers, the first {@code limit} rows and the detected mapping. */
  public static Preview preview(Path file, String sheet, int limit) {
    FileBytes.Kind kind = FileBytes.sniff(file);
    checkUsable(kind, file.getFileName().toString());
    if (kind == FileBytes.Kind.XLSX) return XlsxReader.preview(file, sheet, limit);
    byte[] data = FileBytes.read(file, kind == FileBytes.Kind.GZIP, p -> { }, () -> false);
    Text text = prepare(file, data);
    CsvTokenizer t = new CsvTokenizer(data, text.dataStart, data.length, text.delimiter);
    t.expect(text.headers.size());
    Charset cs = text.fullCharset(data);
    List<List<String>> rows = new ArrayList<>();
    while (rows.size() < limit && t.next()) {
      if (t.isBlank()) continue;
      List<String> r = new ArrayList<>();
      for (int i = 0; i < t.fieldCount(); i++) r.add(new String(t.buf(i), t.start(i), t.end(i) - t.start(i), cs));
      rows.add(r);
    }
    return new Preview(text.headers, rows, ColumnMapping.detect(text.headers), List.of(), null);
  }

  /** The sheet names of an XLSX file; empty for text files. */
  public static List<String> sheets(Path file) {
    return FileBytes.sniff(file) == FileBytes.Kind.XLSX ? XlsxReader.sheetNames(file) : List.of();
  }

  private record Text(Charset charset, byte delimiter, List<String> headers, int dataStart, int headerLines,
      boolean bom, boolean crOnly) {
    /** The charset of the whole file (a full scan, for the paths that decode every cell). */
    Charset fullCharset(byte[] data) {
      if (charset != StandardCharsets.UTF_8) return charset; // with a byte-order mark too: see bomFallback
      return FileBytes.detectCharset(data, dataStart, data.length);
    }
  }

  private static Text prepare(Path file, byte[] data) {
    return prepare(file, data, data.length);
  }

  /** Header, delimiter and charset from the first {@code len} bytes (which must hold the header line). */
  private static Text prepare(Path file, byte[] data, int len) {
    String name = file.getFileName().toString();
    int bom = FileBytes.bomLength(data, len);
    if (FileBytes.looksBinary(data, len)) {
      throw new DataException("The file " + name + " is not a text file (it contains binary data). "
          + "Open a CSV, TSV, TXT (optionally .gz) or XLSX file.");
    }
    int start = bom;
    while (start < len && (data[start] == '\n' || data[start] == '\r')) start++;
    if (start >= len) throw new DataException("The file " + name + " has no content (only blank lines).");
    boolean crOnly = FileBytes.crOnly(data, start, len);
    if (crOnly) FileBytes.crToLf(data, start, len); // old Mac line ends: the same length, so offsets hold
    // the header line alone decides for now: scanning a whole file for non-ASCII bytes is a measurable cost, so transaction files
    // check only the distinct values they keep (TransactionAssembler), customer tables scan everything
    int headerEnd = start;
    while (headerEnd < len && data[headerEnd] != '\n') headerEnd++;
    Charset cs = bom > 0 ? StandardCharsets.UTF_8 : FileBytes.detectCharset(data, start, headerEnd);
    byte delim = detectDelimiter(data, start, len, name);
    CsvTokenizer header = new CsvTokenizer(data, start, len, delim);
    header.next();
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < header.fieldCount(); i++) {
      String h = new String(header.buf(i), header.start(i), header.end(i) - header.start(i), cs).trim();
      headers.add(h.isEmpty() ? "Column " + (i + 1) : h);
    }
    int dataStart = header.position();
    int lines = header.linesConsumed() + countNewlines(data, 0, start);
    boolean anyData = false;
    for (int i = dataStart; i < len; i++) {
      if (data[i] != '\n' && data[i] != '\r' && data[i] != ' ') { anyData = true; break; }
    }
    if (!anyData) throw new DataException("The file " + name + " has a header but no data rows.");
    return new Text(cs, delim, headers, dataStart, lines, bom > 0, crOnly);
  }

  private static int countNewlines(byte[] b, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) if (b[i] == '\n') n++;
    return n;
  }

  /** The most frequent of comma, semicolon, tab and pipe outside quotes on the header line. */
  static byte detectDelimiter(byte[] b, int start, int len, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int[] counts = new int[4];
    byte[] cands = {',', ';', '\t', '|'};
    boolean quoted = false;
    for (int i = start; i < len; i++) {
      byte c = b[i];
      if (c == '"') quoted = !quoted;
      if (!quoted && c == '\n') break;
      if (quoted) continue;
      for (int k = 0; k < cands.length; k++) if (c == cands[k]) counts[k]++;
    }
    int best = 0;
    for (int k = 1; k < cands.length; k++) if (counts[k] > counts[best]) best = k;
    if (counts[best] == 0) return lower.endsWith(".tsv") || lower.endsWith(".tsv.gz") ? (byte) '\t' : (byte) ',';
    return cands[best];
  }

  private static Dataset readText(Path file, boolean gzip, Options options, Executor executor,
      DoubleConsumer progress, BooleanSupplier cancelled) {
    long bytes = sizeOf(file);
    long expected = gzip && executor != null ? FileBytes.gzipTrailerSize(file) : -1;
    byte[] data = null;
    Text text = null;
    ColumnMapping mapping = null;
    Mode mode = null;
    List<TransactionChunk> blocked = null;
    if (expected >= BLOCKED_GZIP) {
      // parse blocks while the rest inflates, never holding the whole file (see InflatedBlocks)
      GzipHead head = GzipHead.read(file);
      try {
        text = prepare(file, head.bytes, head.length);
        mapping = mapping(text.headers, options);
        mode = mode(mapping, text.headers, options);
        if (mode == Mode.TRANSACTIONS) {
          blocked = readBlocks(file, head, text, mapping, expected, executor, progress, cancelled);
        }
      } finally {
        head.close();
      }
    }
    if (blocked == null) {
      // reading (and inflating) is most of the time: 80% of the bar, parsing the rest
      data = FileBytes.read(file, gzip, p -> progress.accept(p * 0.8), cancelled);
      text = prepare(file, data);
      mapping = mapping(text.headers, options);
      mode = mode(mapping, text.headers, options);
    }
    int[] slots = slots(mapping, text.headers.size());
    boolean commaDecimal = text.delimiter != ',';
    String delimiter = text.delimiter == '\t' ? "\\t" : String.valueOf((char) text.delimiter);
    String name = file.getFileName().toString();
    if (mode == Mode.CUSTOMERS) {
      Charset cs = text.fullCharset(data);
      CustomerTableBuilder b = new CustomerTableBuilder(text.headers, cs);
      CsvTokenizer t = new CsvTokenizer(data, text.dataStart, data.length, text.delimiter);
      t.expect(text.headers.size());
      while (t.next()) {
        if (t.isBlank()) continue;
        b.accept(t, text.headerLines + t.recordLine());
      }
      return bomFallback(customers(file, name, "csv", null, List.of(), b, mapping, cs.name(), delimiter, bytes), text,
          data);
    }
    List<TransactionChunk> chunks = blocked != null ? blocked
        : parseChunks(data, text, slots, commaDecimal, executor, progress, cancelled);
    TransactionAssembler.Result r = TransactionAssembler.assemble(chunks, text.charset, true, names(mapping), executor);
    progress.accept(1.0);
    return bomFallback(transactions(file, name, "csv", null, List.of(), r, mapping, r.charset().name(), delimiter,
        bytes), text, data);
  }

  /**
   * A file that declares UTF-8 with a byte-order mark but holds other bytes (Latin-1 text saved behind one) was
   * read as windows-1252: say so, with the number of characters concerned (counted when the whole text is at
   * hand), rather than export "CAF\uFFFD".
   */
  private static Dataset bomFallback(Dataset d, Text text, byte[] data) {
    if (!text.bom || StandardCharsets.UTF_8.name().equals(d.report().encoding())) return d;
    long n = data == null ? 0 : FileBytes.invalidUtf8(data, text.dataStart, data.length);
    String warning = d.report().file() + " starts with a UTF-8 byte-order mark but is not valid UTF-8"
        + (n > 0 ? String.format(Locale.ROOT, " (%,d characters)", n) : "") + ": it was read as windows-1252. "
        + "Check accented text, or save the file as UTF-8 and open it again.";
    return new Dataset(d.source(), d.transactions(), d.customerTable(), d.idColumn(), d.mapping(),
        d.report().withEncodingFallback(FileBytes.WINDOWS_1252.name(), warning, n));
  }

  /** The analyst's mapping of the headers, or the one detected from them. */
  static ColumnMapping mapping(List<String> headers, Options options) {
    return options.mapping() != null ? ColumnMapping.of(headers, options.mapping()) : ColumnMapping.detect(headers);
  }

  /** The mode asked for, or the one the columns show (see {@link ColumnMapping#mode}). */
  static Mode mode(ColumnMapping mapping, List<String> headers, Options options) {
    return mapping.mode(options.mode());
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw FileBytes.ioError(file, e);
    }
  }

  static int[] slots(ColumnMapping mapping, int fields) {
    int[] slots = new int[fields];
    Arrays.fill(slots, -1);
    Role[] bySlot = {Role.INVOICE, Role.STOCK_CODE, Role.DESCRIPTION, Role.CUSTOMER_ID, Role.COUNTRY,
        Role.QUANTITY, Role.UNIT_PRICE, Role.INVOICE_DATE};
    for (int s = 0; s < bySlot.length; s++) {
      final int slot = s;
      mapping.index(bySlot[s]).ifPresent(i -> slots[i] = slot);
    }
    return slots;
  }

  static String[] names(ColumnMapping m) {
    Role[] textRoles = {Role.INVOICE, Role.STOCK_CODE, Role.DESCRIPTION, Role.CUSTOMER_ID, Role.COUNTRY};
    String[] out = new String[textRoles.length];
    for (int i = 0; i < out.length; i++) {
      String c = m.column(textRoles[i]);
      out[i] = c != null ? c : textRoles[i].label();
    }
    return out;
  }

  private static List<TransactionChunk> parseChunks(byte[] data, Text text, int[] slots, boolean commaDecimal,
      Executor executor, DoubleConsumer progress, BooleanSupplier cancelled) {
    int len = data.length;
    int parts = executor == null || len - text.dataStart < (1 << 20) ? 1 : 2;
    int[] bounds = new int[parts + 1];
    bounds[0] = text.dataStart;
    bounds[parts] = len;
    for (int p = 1; p < parts; p++) {
      int at = text.dataStart + (int) ((long) (len - text.dataStart) * p / parts);
      while (at < len && data[at - 1] != '\n') at++;
      bounds[p] = Math.max(at, bounds[p - 1]);
    }
    List<CompletableFuture<Parsed>> futures = new ArrayList<>();
    for (int p = 1; p < parts; p++) {
      int s = bounds[p], e = bounds[p + 1];
      futures.add(CompletableFuture.supplyAsync(
          () -> parseRange(data, s, e, text, slots, commaDecimal, f -> { }, cancelled), executor));
    }
    int firstEnd = bounds[1];
    List<Parsed> parsed = new ArrayList<>();
    parsed.add(parseRange(data, bounds[0], firstEnd, text, slots, commaDecimal,
        f -> progress.accept(0.8 + 0.2 * f), cancelled));
    try {
      for (CompletableFuture<Parsed> f : futures) parsed.add(f.join());
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw e;
    }
    boolean split = false;
    for (int p = 0; p < parsed.size() - 1; p++) split |= parsed.get(p).insideQuote;
    if (split) {
      // a chunk boundary fell inside a quoted line break: parse sequentially instead
      parsed = List.of(parseRange(data, text.dataStart, len, text, slots, commaDecimal, f -> { }, cancelled));
    }
    int offset = text.headerLines;
    List<TransactionChunk> chunks = new ArrayList<>();
    for (Parsed p : parsed) {
      p.chunk.lineOffset = offset;
      offset += p.lines;
      chunks.add(p.chunk);
    }
    return chunks;
  }

  private record Parsed(TransactionChunk chunk, int lines, boolean insideQuote) {}

  /** Gzip files from this size (uncompressed, by their trailer) are read in blocks while they inflate. */
  private static final long BLOCKED_GZIP = 8 << 20;

  /** The start of a gzip file, inflated, and the stream that goes on from there. */
  private record GzipHead(InputStream in, byte[] bytes, int length) {
    static GzipHead read(Path file) {
      InputStream in = null;
      try {
        in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        byte[] head = new byte[1 << 18];
        int n = 0;
        for (int r; n < head.length && (r = in.read(head, n, head.length - n)) >= 0; ) n += r;
        return new GzipHead(in, head, n);
      } catch (IOException e) {
        if (in != null) {
          try {
            in.close();
          } catch (IOException ignored) {
            // the first error says it
          }
        }
        throw FileBytes.ioError(file, e);
      }
    }

    void close() {
      try {
        in.close();
      } catch (IOException ignored) {
        // nothing to keep
      }
    }
  }

  /**
   * The chunks of a transactions file read in blocks while it inflates, the header being in {@code head}; null
   * when the file must be read whole: a block boundary inside a quoted line break, or no line break in 256 MB.
   */
  private static List<TransactionChunk> readBlocks(Path file, GzipHead head, Text text, ColumnMapping mapping,
      long expected, Executor executor, DoubleConsumer progress, BooleanSupplier cancelled) {
    int[] slots = slots(mapping, text.headers.size());
    boolean commaDecimal = text.delimiter != ',';
    List<Parsed> blocks;
    try {
      blocks = InflatedBlocks.parse(head.in, expected, head.bytes, text.dataStart, head.length,
          DatasetReader::afterLastLine, 0, (byte) 0, null, executor,
          (i, buf, end) -> {
            if (text.crOnly) FileBytes.crToLf(buf, 0, end);
            return parseRange(buf, 0, end, text, slots, commaDecimal, f -> { }, cancelled);
          },
          p -> progress.accept(Math.max(0, p) * 0.9), cancelled);
    } catch (IOException e) {
      throw FileBytes.ioError(file, e);
    } catch (InflatedBlocks.NoRecordEnd e) {
      return null; // no line break in 256 MB: read it whole, which says what is wrong with it
    }
    for (int i = 0; i < blocks.size() - 1; i++) {
      if (blocks.get(i).insideQuote) return null; // a quoted line break at a boundary: read it whole instead
    }
    int offset = text.headerLines;
    List<TransactionChunk> out = new ArrayList<>();
    for (Parsed b : blocks) {
      b.chunk.lineOffset = offset;
      offset += b.lines;
      out.add(b.chunk);
    }
    return out;
  }

  /** The position after the last line break in {@code buf[0, n)}, or -1. */
  private static int afterLastLine(byte[] buf, int n) {
    for (int i = n - 1; i >= 0; i--) if (buf[i] == '\n') return i + 1;
    for (int i = n - 1; i >= 0; i--) if (buf[i] == '\r') return i + 1; // CR-only line ends
    return -1;
  }

  private static Parsed parseRange(byte[] data, int start, int end, Text text, int[] slots, boolean commaDecimal,
      DoubleConsumer progress, BooleanSupplier cancelled) {
    int estimate = (end - start) / 80 + 16;
    TransactionChunk chunk = new TransactionChunk(slots, text.headers.size(), commaDecimal, false, text.charset, estimate);
    TransactionLineParser fast = new TransactionLineParser(chunk, slots, text.delimiter, commaDecimal);
    CsvTokenizer t = new CsvTokenizer(data, start, end, text.delimiter);
    t.expect(text.headers.size());
    int p = start;
    int lines = 0;
    int n = 0;
    while (p < end) {
      int next = fast.accept(data, p, end, lines + 1);
      if (next >= 0) {
        p = next;
        lines++;
      } else {
        // quotes, blank or odd lines: the general way, which may consume several lines
        t.seek(p, lines);
        t.next();
        if (!t.isBlank()) chunk.accept(t, t.recordLine());
        p = t.position();
        lines = t.linesConsumed();
      }
      if ((++n & 0x3FFF) == 0) {
        if (cancelled.getAsBoolean()) throw new CancellationException("Load cancelled");
        progress.accept((p - start) / (double) Math.max(1, end - start));
      }
    }
    return new Parsed(chunk, lines, t.endedInsideQuote());
  }

  static Dataset transactions(Path file, String name, String format, String sheet, List<String> sheets,
      TransactionAssembler.Result r, ColumnMapping mapping, String encoding, String delimiter, long bytes) {
    Transactions tx = r.transactions();
    if (tx.size() == 0) {
      throw new DataException("No row of " + name + " could be read (" + r.rejected() + " rejected"
          + (r.examples().isEmpty() ? "" : "; first: line " + r.examples().get(0).line() + ", " + r.examples().get(0).reason())
          + "). Check the column mapping.");
    }
    TransactionAssembler.Counts n = r.counts();
    List<LoadReport.ColumnSummary> cols = new ArrayList<>();
    addText(cols, n, TransactionChunk.S_INVOICE, mapping, Role.INVOICE);
    addText(cols, n, TransactionChunk.S_STOCK, mapping, Role.STOCK_CODE);
    addText(cols, n, TransactionChunk.S_DESC, mapping, Role.DESCRIPTION);
    addNumber(cols, n.quantities(), mapping, Role.QUANTITY);
    if (mapping.has(Role.INVOICE_DATE)) {
      cols.add(new LoadReport.ColumnSummary(mapping.column(Role.INVOICE_DATE), "datetime", 0, n.dates(),
          Role.INVOICE_DATE.key()));
    }
    addNumber(cols, n.prices(), mapping, Role.UNIT_PRICE);
    addText(cols, n, TransactionChunk.S_CUSTOMER, mapping, Role.CUSTOMER_ID);
    addText(cols, n, TransactionChunk.S_COUNTRY, mapping, Role.COUNTRY);
    LoadReport report = new LoadReport(name, format, sheet, sheets, tx.size(), r.rejected(), r.reasons(),
        r.examples(), encoding, delimiter, r.dateFormat(), Mode.TRANSACTIONS, mapping.asMap(), cols,
        n.textDistinct()[TransactionChunk.S_CUSTOMER], bytes);
    return new Dataset(file, tx, null, null, mapping, report);
  }

  static Dataset customers(Path file, String name, String format, String sheet, List<String> sheets,
      CustomerTableBuilder b, ColumnMapping mapping, String encoding, String delimiter, long bytes) {
    if (b.size() == 0) throw new DataException("No row of " + name + " could be read (" + b.rejected() + " rejected).");
    CustomerTableBuilder.Built built = b.build(name, mapping.column(Role.CUSTOMER_ID));
    Map<String, String> map = new LinkedHashMap<>();
    if (built.idColumn() != null) map.put(Role.CUSTOMER_ID.key(), built.idColumn());
    LoadReport report = new LoadReport(name, format, sheet, sheets, b.size(), b.rejected(), b.reasons(),
        b.examples(), encoding, delimiter, null, Mode.CUSTOMERS, map, built.columns(), built.customers(), bytes);
    return new Dataset(file, null, built.table(), built.idColumn(), mapping, report);
  }

  private static void addText(List<LoadReport.ColumnSummary> cols, TransactionAssembler.Counts n, int slot,
      ColumnMapping m, Role r) {
    if (!m.has(r)) return;
    cols.add(new LoadReport.ColumnSummary(m.column(r), "text", n.textMissing()[slot], n.textDistinct()[slot], r.key()));
  }

  private static void addNumber(List<LoadReport.ColumnSummary> cols, int distinct, ColumnMapping m, Role r) {
    if (!m.has(r)) return;
    cols.add(new LoadReport.ColumnSummary(m.column(r), "number", 0, distinct, r.key()));
  }
}
