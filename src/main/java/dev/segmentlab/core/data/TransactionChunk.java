package dev.segmentlab.core.data;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows one parsing thread read: typed, dictionary-encoded arrays plus its rejections. Chunks are merged in
 * file order by {@link TransactionAssembler}. Not thread-safe: one per thread.
 */
final class TransactionChunk {
  static final int TEXT_SLOTS = 5; // invoice, stock code, description, customer, country
  static final int S_INVOICE = 0, S_STOCK = 1, S_DESC = 2, S_CUSTOMER = 3, S_COUNTRY = 4;
  static final int S_QUANTITY = 5, S_PRICE = 6, S_DATE = 7;
  static final int MAX_EXAMPLES = 10;

  /**
   * The largest quantity or unit price read, in absolute value: beyond it a value is a typo or an overflow
   * (1e309 reads as infinity, 1e308 × 2 overflows a customer's spend), and the row is rejected with a reason.
   */
  static final double MAX_VALUE = 1e15;

  private final int[] fieldOfSlot = new int[S_DATE + 1]; // slot -> field index or -1
  private final int[] valueSlots; // the mapped number and date slots, in field order (decides which reason wins)
  private final int expectedFields;
  private final boolean commaDecimal;
  private final boolean serialDates;
  private final Charset charset;
  final ByteDictionary[] dicts = new ByteDictionary[TEXT_SLOTS];
  /** Codes per row of the slots not kept in {@link #runs} (null for those). */
  int[][] codes = new int[TEXT_SLOTS][];
  /**
   * The invoice, customer and country codes, which the lines of one invoice share, as runs of equal values rather
   * than per row (null for the other slots): about 11 MB less memory while Online Retail loads (no time measurably
   * saved), and merged a run at a time.
   */
  final Runs[] runs = new Runs[TEXT_SLOTS];
  /** The packed dates ({@link FieldValues#parseDatePacked}), as runs. */
  final Runs dates = new Runs();
  double[] quantity;
  double[] price;
  int[] line;
  int size;
  int rejected;
  final Map<String, Integer> reasons = new LinkedHashMap<>();
  final List<LoadReport.Rejection> examples = new ArrayList<>();
  int maxP1;
  int maxP2;
  boolean sawYearLast;
  boolean sawIso;
  boolean sawSerial;
  boolean sawSeconds;
  int lineOffset; // set at merge time
  // Consecutive lines mostly repeat the invoice, customer, country and date: comparing with the previous
  // line's bytes skips hashing and date parsing for them (about a third of the parse time).
  private final Last lastDate = new Last();
  private final Last[] lastText = {new Last(), null, null, new Last(), new Last()};

  /** The previous line's bytes of a field (copied: the source buffer may be reused) and what they meant. */
  private static final class Last {
    private byte[] bytes = new byte[32];
    private int len = -1;
    long value;

    boolean matches(byte[] b, int s, int e) {
      if (e - s != len) return false;
      // a plain loop: these fields are 6-20 bytes, too short for Arrays.equals' vectorised set-up to pay
      for (int i = 0; i < len; i++) if (b[s + i] != bytes[i]) return false;
      return true;
    }

    void set(byte[] b, int s, int e, long v) {
      int n = e - s;
      if (n > bytes.length) bytes = new byte[Math.max(n, bytes.length * 2)];
      System.arraycopy(b, s, bytes, 0, n);
      len = n;
      value = v;
    }
  }

  TransactionChunk(int[] slotOfField, int expectedFields, boolean commaDecimal, boolean serialDates,
      Charset charset, int capacity) {
    Arrays.fill(fieldOfSlot, -1);
    for (int f = 0; f < slotOfField.length; f++) if (slotOfField[f] >= 0) fieldOfSlot[slotOfField[f]] = f;
    int[] values = new int[3];
    int nv = 0;
    for (int slot : slotOfField) if (slot >= S_QUANTITY) values[nv++] = slot;
    this.valueSlots = Arrays.copyOf(values, nv);
    this.expectedFields = expectedFields;
    this.commaDecimal = commaDecimal;
    this.serialDates = serialDates;
    this.charset = charset;
    int cap = Math.max(16, capacity);
    for (int i = 0; i < TEXT_SLOTS; i++) {
      dicts[i] = new ByteDictionary();
      if (inRuns(i)) runs[i] = new Runs();
      else codes[i] = new int[cap];
    }
    quantity = new double[cap];
    price = new double[cap];
    line = new int[cap];
  }

  static boolean inRuns(int slot) {
    return slot == S_INVOICE || slot == S_CUSTOMER || slot == S_COUNTRY;
  }

  /** A column as runs: run r holds {@code value[r]} from row {@code start[r]} to the next run's start. */
  static final class Runs {
    int[] start = new int[256];
    long[] value = new long[256];
    int count;

    /** Row {@code row} (the chunk's next) has {@code v}. */
    void put(int row, long v) {
      int n = count;
      if (n > 0 && value[n - 1] == v) return;
      if (n == start.length) {
        start = Arrays.copyOf(start, n * 2);
        value = Arrays.copyOf(value, n * 2);
      }
      start[n] = row;
      value[n] = v;
      count = n + 1;
    }

    /** Where run {@code r} ends, in a chunk of {@code size} rows. */
    int end(int r, int size) {
      return r + 1 < count ? start[r + 1] : size;
    }
  }

  /**
   * Adds one record; rejects it (counting the reason) when a mapped field cannot be read. Works slot by slot on
   * the record's arrays held in locals, which is what C1 (the CLI's only compiler) needs to keep them in
   * registers.
   */
  void accept(Fields t, int lineNo) {
    int n = t.count;
    if (t.problem != null) {
      reject(lineNo, t.problem, "a quote opens a field that does not close on this line; the next lines were read "
          + "on their own", t);
      return;
    }
    if (n != expectedFields) {
      reject(lineNo, "wrong number of fields", "expected " + expectedFields + " fields, found " + n, t);
      return;
    }
    byte[][] bufs = t.bufs;
    int[] starts = t.starts, ends = t.ends;
    double q = 0, pr = 0;
    long d = 0;
    for (int slot : valueSlots) {
      int f = fieldOfSlot[slot];
      byte[] b = bufs[f];
      int s = starts[f], e = ends[f];
      if (slot == S_DATE) {
        d = date(b, s, e);
        if (d == FieldValues.NO_DATE) {
          reject(lineNo, e == s ? "missing date" : "unreadable date", "date '" + text(b, s, e) + "'", t);
          return;
        }
      } else {
        double v = FieldValues.parseDouble(b, s, e, commaDecimal);
        if (Double.isNaN(v)) {
          String what = slot == S_QUANTITY ? "quantity" : "unit price";
          reject(lineNo, (e == s ? "missing " : "unreadable ") + what, what + " '" + text(b, s, e) + "'", t);
          return;
        }
        if (!(Math.abs(v) <= MAX_VALUE)) {
          String what = slot == S_QUANTITY ? "quantity" : "unit price";
          reject(lineNo, what + " out of range", what + " '" + text(b, s, e) + "' is not a number between -1e15 and 1e15", t);
          return;
        }
        if (slot == S_QUANTITY) q = v; else pr = v;
      }
    }
    noteDate(d);
    ensure();
    int row = size;
    for (int slot = 0; slot < TEXT_SLOTS; slot++) {
      int f = fieldOfSlot[slot];
      int code = f < 0 ? TextColumn.MISSING : code(slot, bufs[f], starts[f], ends[f]);
      if (runs[slot] != null) runs[slot].put(row, code);
      else codes[slot][row] = code;
    }
    dates.put(row, d);
    store(row, q, pr, lineNo);
  }

  /**
   * Adds row {@code row} (= {@link #size}), whose text codes and date are in {@link #codes}, {@link #runs} and
   * {@link #dates} already: written there after {@link #ensure} by {@link TransactionLineParser} (which skips a
   * run's value when it goes on), which has passed its date to {@link #noteDate} (once per run of equal dates is
   * enough).
   */
  void store(int row, double q, double pr, int lineNo) {
    quantity[row] = q;
    price[row] = pr;
    line[row] = lineNo;
    size = row + 1;
  }

  /** The packed date of a field (the previous line's when the bytes repeat), or {@link FieldValues#NO_DATE}. */
  long date(byte[] b, int s, int e) {
    if (lastDate.matches(b, s, e)) return lastDate.value;
    long d = FieldValues.parseDatePacked(b, s, e);
    if (d == FieldValues.NO_DATE) {
      double serial = serialDates ? FieldValues.parseDouble(b, s, e, false) : Double.NaN;
      if (Double.isNaN(serial) || serial <= 0 || serial >= 2_958_466) return FieldValues.NO_DATE;
      d = FieldValues.tagSerial(FieldValues.fromExcelSerial(serial));
      sawSerial = true;
    }
    lastDate.set(b, s, e, d);
    return d;
  }

  void noteDate(long d) {
    if (FieldValues.isSerial(d)) return;
    if (FieldValues.kind(d) == FieldValues.KIND_YEAR_LAST) {
      sawYearLast = true;
      maxP1 = Math.max(maxP1, FieldValues.p1(d));
      maxP2 = Math.max(maxP2, FieldValues.p2(d));
    } else {
      sawIso = true;
    }
    if (FieldValues.hasSeconds(d)) sawSeconds = true;
  }

  /** The dictionary code of a text field, trimmed except for descriptions; MISSING when blank. */
  int code(int slot, byte[] b, int s, int e) {
    if (slot != S_DESC) {
      while (s < e && (b[s] == ' ' || b[s] == '\t')) s++;
      while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) e--;
      // "17850.0" becomes "17850" when the chunks are merged, once per distinct id (TransactionAssembler)
    }
    if (e <= s) return TextColumn.MISSING;
    Last last = lastText[slot];
    if (last == null) return dicts[slot].intern(b, s, e);
    if (last.matches(b, s, e)) return (int) last.value;
    int code = dicts[slot].intern(b, s, e);
    last.set(b, s, e, code);
    return code;
  }

  /** "17850.0" and "17850.00" become "17850": ids exported from spreadsheets often carry a zero fraction. */
  static int stripZeroFraction(byte[] b, int s, int e) {
    int dot = -1;
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (c == '.') { if (dot >= 0) return e; dot = i; }
      else if (c < '0' || c > '9') return e;
    }
    if (dot <= s) return e;
    for (int i = dot + 1; i < e; i++) if (b[i] != '0') return e;
    return dot;
  }

  private String text(byte[] b, int s, int e) {
    String v = new String(b, s, Math.min(e - s, 60), charset);
    return v;
  }

  private void reject(int lineNo, String reason, String detail, Fields t) {
    rejected++;
    reasons.merge(reason, 1, Integer::sum);
    if (examples.size() < MAX_EXAMPLES) {
      StringBuilder raw = new StringBuilder();
      for (int f = 0; f < t.fieldCount() && raw.length() < 160; f++) {
        if (f > 0) raw.append(" | ");
        raw.append(new String(t.buf(f), t.start(f), Math.min(t.end(f) - t.start(f), 60), charset));
      }
      examples.add(new LoadReport.Rejection(lineNo, reason + ": " + detail, raw.toString()));
    }
  }

  /** Makes room for one more row. */
  void ensure() {
    if (size < quantity.length) return;
    int cap = quantity.length * 2;
    for (int i = 0; i < TEXT_SLOTS; i++) if (codes[i] != null) codes[i] = Arrays.copyOf(codes[i], cap);
    quantity = Arrays.copyOf(quantity, cap);
    price = Arrays.copyOf(price, cap);
    line = Arrays.copyOf(line, cap);
  }
}
