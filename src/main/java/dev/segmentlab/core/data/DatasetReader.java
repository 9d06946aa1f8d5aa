package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a text file of transactions or customers: CSV/TSV/TXT, optionally gzipped. {@link Datasets} is the front
 * door that sends each kind of file to its reader.
 *
 * <p>Why a parser of our own rather than Tablesaw's {@code CsvReader}: Tablesaw was several times slower on
 * Online Retail's 541,909 lines; parsing bytes straight into dictionary-encoded columns, in two
 * threads, is several times faster (see the README's performance table) and lets us decide the date order and
 * the charset from the data. The result is still offered as a Tablesaw table ({@link Dataset#table()}).
 */
final class DatasetReader {
  private DatasetReader() {}

  /**
   * Reads a text file.
   *
   * @param rc its executor runs part of the parsing in parallel (null = the calling thread); progress 0..1;
   *     cancellation stops the read with {@link CancellationException}
   * @throws DataException with a message for the analyst when the file cannot be used
   */
  static Dataset read(Path file, boolean gzip, ReadOptions options, RunControl rc) {
    ReadMemory.check(file, ReadMemory.textBytes(file));
    return readText(file, gzip, options, rc);
  }

  /** Headers, the first {@code limit} rows and the detected mapping of a text file. */
  static FilePreview preview(Path file, boolean gzip, int limit) {
    byte[] data = FileBytes.read(file, gzip, RunControl.none());
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
    return new FilePreview(text.headers, rows, ColumnMapping.detect(text.headers), List.of(), null);
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

  private static Dataset readText(Path file, boolean gzip, ReadOptions options, RunControl rc) {
    long bytes = sizeOf(file);
    long expected = gzip && rc.executor() != null ? FileBytes.gzipTrailerSize(file) : -1;
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
        mapping = options.mappingOf(text.headers);
        mode = options.modeOf(mapping);
        if (mode == Mode.TRANSACTIONS) {
          blocked = readBlocks(file, head, text, mapping, expected, rc);
        }
      } finally {
        head.close();
      }
    }
    if (blocked == null) {
      // reading (and inflating) is most of the time: 80% of the bar, parsing the rest
      data = FileBytes.read(file, gzip, rc.slice(0, 0.8));
      text = prepare(file, data);
      mapping = options.mappingOf(text.headers);
      mode = options.modeOf(mapping);
    }
    int[] slots = LoadReports.slots(mapping, text.headers.size());
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
      LoadReports.Source src = new LoadReports.Source(file, name, "csv", null, List.of(), cs.name(), delimiter, bytes);
      return bomFallback(LoadReports.customers(src, b, mapping), text, data);
    }
    List<TransactionChunk> chunks = blocked != null ? blocked
        : parseChunks(data, text, slots, commaDecimal, rc);
    TransactionAssembler.Result r = TransactionAssembler.assemble(chunks, text.charset, true,
        LoadReports.names(mapping), rc.executor());
    rc.progress(1.0);
    LoadReports.Source src = new LoadReports.Source(file, name, "csv", null, List.of(), null, delimiter, bytes);
    return bomFallback(LoadReports.transactions(src, r, mapping), text, data);
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

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw FileBytes.ioError(file, e);
    }
  }

  private static List<TransactionChunk> parseChunks(byte[] data, Text text, int[] slots, boolean commaDecimal,
      RunControl rc) {
    BooleanSupplier cancelled = rc.cancelledCheck();
    int len = data.length;
    int parts = rc.executor() == null || len - text.dataStart < (1 << 20) ? 1 : 2;
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
          () -> parseRange(data, s, e, text, slots, commaDecimal, f -> { }, cancelled), rc.executor()));
    }
    int firstEnd = bounds[1];
    List<Parsed> parsed = new ArrayList<>();
    parsed.add(parseRange(data, bounds[0], firstEnd, text, slots, commaDecimal,
        f -> rc.progress(0.8 + 0.2 * f), cancelled));
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
      long expected, RunControl rc) {
    BooleanSupplier cancelled = rc.cancelledCheck();
    int[] slots = LoadReports.slots(mapping, text.headers.size());
    boolean commaDecimal = text.delimiter != ',';
    List<Parsed> blocks;
    try {
      InflatedBlocks.Input input = new InflatedBlocks.Input(head.in, expected, head.bytes, text.dataStart,
          head.length);
      blocks = InflatedBlocks.parse(input, InflatedBlocks.Framing.lines(DatasetReader::afterLastLine),
          (i, buf, end) -> {
            if (text.crOnly) FileBytes.crToLf(buf, 0, end);
            return parseRange(buf, 0, end, text, slots, commaDecimal, f -> { }, cancelled);
          },
          rc.slice(0, 0.9));
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
}
