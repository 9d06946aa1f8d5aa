package dev.segmentlab.core.data;

import java.util.Arrays;

/**
 * Reads a plain transaction line in one pass: while it looks for a field's end it also does that field's work,
 * comparing with the previous line's bytes (invoice, customer, country, date), hashing for the dictionary (stock
 * code, description) or accumulating digits (quantity, price). Anything out of the ordinary (a quote at the
 * start of a field, a blank line, the wrong number of fields, a value that does not read) makes
 * {@link #accept} return -1 before it changes the chunk, and the caller reads that line the general way
 * ({@link CsvTokenizer} and {@link TransactionChunk#accept}), which also rejects it with its reason.
 *
 * <p>Why not the tokenizer alone: it read every byte once to find the field ends and the row builder read it
 * again to compare, hash or parse, and under C1 (the CLI's only compiler) every pass over the bytes costs. One pass
 * measured clearly faster than two, under C1 and the default JIT alike.
 *
 * <p>Two shortcuts followed, each measured: the previous line's fields are compared and the values hashed a word
 * at a time ({@link ByteWords}), and a line's description was first compared with the one last added with its stock code ({@code PREDICT}:
 * when it is that one, as on most lines, it needs neither looking for its end byte by byte nor hashing nor
 * looking up).
 */
final class TransactionLineParser {
  private static final int SKIP = 0, REPEAT = 1, HASH = 2, NUMBER = 3, PREDICT = 4;

  private final TransactionChunk chunk;
  private final byte delim;
  private final byte decimal; // the decimal separator besides '.'
  private final boolean commaDecimal;
  private final int[] kinds; // per field
  private final int[] fieldOfSlot;
  // what the scan found, per field
  private final int[] starts, ends, hashes;
  private final boolean[] same;
  private final double[] numbers;
  // the previous line, when this parser read it: where its REPEAT fields lie in the buffer (CR included: the
  // same bytes mean the same value) and what they meant; a line the scan read but that was not added is never
  // compared with, as the next line then does not start at previousEnd
  private int previousEnd = -1;
  private final int[] previousStart, previousLen;
  private final long[] previousValue;
  // a stock code mostly comes with the same description: the description last added with each stock code (by
  // the stock dictionary's code), which a line's description is compared with before it is looked for otherwise
  private final int stockField;
  private int[] descOfStock = new int[0];

  TransactionLineParser(TransactionChunk chunk, int[] slotOfField, byte delim, boolean commaDecimal) {
    this.chunk = chunk;
    this.delim = delim;
    this.commaDecimal = commaDecimal;
    this.decimal = commaDecimal ? (byte) ',' : (byte) '.';
    int n = slotOfField.length;
    kinds = new int[n];
    fieldOfSlot = new int[TransactionChunk.S_DATE + 1];
    Arrays.fill(fieldOfSlot, -1);
    for (int f = 0; f < n; f++) {
      int slot = slotOfField[f];
      if (slot < 0) {
        kinds[f] = SKIP;
        continue;
      }
      fieldOfSlot[slot] = f;
      // lines of one invoice repeat its number, customer, country and date
      if (slot == TransactionChunk.S_QUANTITY || slot == TransactionChunk.S_PRICE) kinds[f] = NUMBER;
      else if (slot == TransactionChunk.S_STOCK || slot == TransactionChunk.S_DESC) kinds[f] = HASH;
      else kinds[f] = REPEAT;
    }
    stockField = fieldOfSlot[TransactionChunk.S_STOCK];
    int descField = fieldOfSlot[TransactionChunk.S_DESC];
    if (stockField >= 0 && descField > stockField) kinds[descField] = PREDICT; // known once the stock code is
    starts = new int[n];
    ends = new int[n];
    hashes = new int[n];
    same = new boolean[n];
    numbers = new double[n];
    previousStart = new int[n];
    previousLen = new int[n];
    previousValue = new long[n];
  }

  /**
   * Adds the line starting at {@code p} as a row; returns the position after it, or -1 (nothing added) when the
   * line needs the general path.
   */
  int accept(byte[] buf, int p, int end, int lineNo) {
    if (p != previousEnd) Arrays.fill(previousLen, -1); // the general path read the line before
    int next = scan(buf, p, end);
    if (next < 0) return -1;
    final int[] fieldOfSlot = this.fieldOfSlot;
    final boolean[] same = this.same;
    final long[] previousValue = this.previousValue;
    double q = 0, pr = 0;
    long d = 0;
    int f = fieldOfSlot[TransactionChunk.S_QUANTITY];
    // NaN, infinite or absurd: the general way, which rejects the row with its reason
    if (f >= 0 && !(Math.abs(q = numbers[f]) <= TransactionChunk.MAX_VALUE)) return -1;
    f = fieldOfSlot[TransactionChunk.S_PRICE];
    if (f >= 0 && !(Math.abs(pr = numbers[f]) <= TransactionChunk.MAX_VALUE)) return -1;
    f = fieldOfSlot[TransactionChunk.S_DATE];
    boolean sameDate = f >= 0 && same[f];
    if (f < 0) {
      chunk.noteDate(d);
    } else if (sameDate) {
      d = previousValue[f]; // noted, and its run started, when the previous line was added
    } else {
      d = chunk.date(buf, starts[f], ends[f]);
      if (d == FieldValues.NO_DATE) return -1;
      chunk.noteDate(d);
      previousValue[f] = d;
    }
    // the codes go straight into the chunk's columns (the row counts once stored)
    chunk.ensure();
    final int row = chunk.size;
    final int[][] columns = chunk.codes;
    final TransactionChunk.Runs[] runs = chunk.runs;
    for (int slot = 0; slot < TransactionChunk.TEXT_SLOTS; slot++) {
      f = fieldOfSlot[slot];
      int code;
      if (f < 0) {
        code = TextColumn.MISSING;
      } else if (same[f]) { // a REPEAT field equal to the previous line's, or a code the scan found
        code = (int) previousValue[f];
        // the previous line, added here, has the same code: its run goes on
        if (runs[slot] != null) continue;
      } else if (kinds[f] == REPEAT) {
        code = chunk.code(slot, buf, starts[f], ends[f]);
        previousValue[f] = code;
      } else {
        code = hashed(slot, buf, f);
      }
      if (runs[slot] != null) runs[slot].put(row, code);
      else columns[slot][row] = code;
    }
    if (stockField >= 0) {
      int stock = columns[TransactionChunk.S_STOCK][row];
      if (stock >= 0) {
        if (stock >= descOfStock.length) descOfStock = grown(descOfStock, stock);
        descOfStock[stock] = columns[TransactionChunk.S_DESC][row];
      }
    }
    if (!sameDate) chunk.dates.put(row, d);
    chunk.store(row, q, pr, lineNo);
    previousEnd = next;
    return next;
  }

  /** The code of a HASH field, from the hash the scan took (unless it must be trimmed first). */
  private int hashed(int slot, byte[] b, int f) {
    int s = starts[f], e = ends[f];
    if (e == s) return TextColumn.MISSING;
    if (slot != TransactionChunk.S_DESC && (blank(b[s]) || blank(b[e - 1]))) return chunk.code(slot, b, s, e);
    return chunk.dicts[slot].intern(b, s, e, hashes[f]);
  }

  private static boolean blank(byte c) { return c == ' ' || c == '\t'; }

  private static int[] grown(int[] a, int index) {
    int n = Math.max(index + 1, Math.max(64, a.length * 2));
    int[] b = Arrays.copyOf(a, n);
    Arrays.fill(b, a.length, n, TextColumn.MISSING);
    return b;
  }

  private int stockFound; // the stock dictionary's code of this line's stock code, or -1 (see PREDICT)

  /**
   * Finds the fields of one line and does each field's work on the way; the position after the line, or -1.
   * One method with its loops written out, on locals: C1 inlines none of it otherwise.
   */
  private int scan(byte[] buf, int p, int end) {
    if (p >= end || buf[p] == '\n' || buf[p] == '\r') return -1;
    stockFound = -1;
    final byte delim = this.delim, decimal = this.decimal;
    final int[] kinds = this.kinds, starts = this.starts, ends = this.ends;
    final int n = kinds.length;
    for (int f = 0; ; f++) {
      if (p < end && buf[p] == '"') return -1;
      int s = p;
      switch (kinds[f]) {
        case REPEAT: {
          // the previous line's field holds no delimiter or line break: when its bytes come next, followed by
          // the end of a field, this field is the same, and neither needs looking at byte by byte for its end
          int len = previousLen[f];
          int q = s + len;
          boolean eq = len >= 0 && (q < end ? buf[q] == delim || buf[q] == '\n' : q == end)
              && ByteWords.equal(buf, s, buf, previousStart[f], len);
          same[f] = eq;
          if (eq) {
            p = q;
          } else {
            while (p < end) {
              byte c = buf[p];
              if (c == delim || c == '\n') break;
              p++;
            }
          }
          previousStart[f] = s;
          previousLen[f] = p - s;
          break;
        }
        case PREDICT: {
          // the description last added with this line's stock code, when these bytes are it
          int code = stockFound < 0 || stockFound >= descOfStock.length ? -1 : descOfStock[stockFound];
          if (code >= 0) {
            ByteDictionary dict = chunk.dicts[TransactionChunk.S_DESC];
            int len = dict.length(code);
            int q = s + len;
            if (q < end && (buf[q] == delim || buf[q] == '\n') && ByteWords.equal(dict.bytes(), dict.offset(code), buf, s, len)) {
              p = q;
              same[f] = true;
              previousValue[f] = code;
              break;
            }
          }
          same[f] = false;
        }
        // fall through: look for the field's end and hash it
        case HASH: {
          while (p < end) {
            byte c = buf[p];
            if (c == delim || c == '\n') break;
            p++;
          }
          int h = ByteWords.hash(buf, s, p);
          hashes[f] = h;
          if (f == stockField) {
            // look the stock code up now (adding it waits until the line is known to be good)
            int code = p == s || blank(buf[s]) || blank(buf[p - 1]) ? -1
                : chunk.dicts[TransactionChunk.S_STOCK].find(buf, s, p, h);
            stockFound = code;
            same[f] = code >= 0;
            previousValue[f] = code;
          }
          break;
        }
        case NUMBER: {
          // [-]digits[.digits] with at most 18 digits is worked out here (a call from this method costs under C1,
          // which measured slower for the whole parse), exactly as FieldValues.parseDouble would; anything
          // else is handed to it
          boolean neg = p < end && buf[p] == '-';
          if (neg) p++;
          long mant = 0;
          int from = p;
          while (p < end) {
            int d = buf[p] - '0';
            if (d < 0 || d > 9) break;
            mant = mant * 10 + d;
            p++;
          }
          int digits = p - from, frac = 0;
          if (p < end && (buf[p] == '.' || buf[p] == decimal)) {
            int point = ++p;
            while (p < end) {
              int d = buf[p] - '0';
              if (d < 0 || d > 9) break;
              mant = mant * 10 + d;
              p++;
            }
            frac = p - point;
            digits += frac;
          }
          if ((p == end || buf[p] == delim || buf[p] == '\n') && digits > 0 && digits <= 18) {
            double v = frac == 0 ? (double) mant : mant / FieldValues.POW10[frac];
            numbers[f] = neg ? -v : v;
          } else {
            while (p < end && buf[p] != delim && buf[p] != '\n') p++;
            numbers[f] = FieldValues.parseDouble(buf, s, p, commaDecimal);
          }
          break;
        }
        default:
          while (p < end) {
            byte c = buf[p];
            if (c == delim || c == '\n') break;
            p++;
          }
      }
      starts[f] = s;
      ends[f] = p;
      boolean lineEnd = p >= end || buf[p] == '\n';
      if (f < n - 1) {
        if (lineEnd) return -1;
        p++;
        continue;
      }
      if (!lineEnd) return -1;
      if (p > s && buf[p - 1] == '\r') redo(buf, f, s, p - 1); // CRLF: the field ends before the CR
      return p < end ? p + 1 : p;
    }
  }

  /** Does a field's work again on a narrower range. */
  private void redo(byte[] buf, int f, int s, int e) {
    ends[f] = e;
    switch (kinds[f]) {
      case REPEAT -> { } // compared with the previous line's raw bytes
      case HASH, PREDICT -> {
        // the CR is no part of the value: look it up again without it
        hashes[f] = ByteDictionary.hash(buf, s, e);
        same[f] = false;
      }
      case NUMBER -> numbers[f] = FieldValues.parseDouble(buf, s, e, commaDecimal);
      default -> { }
    }
  }
}
