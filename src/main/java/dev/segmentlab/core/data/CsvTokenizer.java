package dev.segmentlab.core.data;

import java.util.Arrays;

/**
 * Splits RFC-4180 records out of a byte range: delimiter-separated fields, optional double quotes around a
 * field, {@code ""} for a quote inside one, LF or CRLF line ends, line breaks allowed inside quotes. Fields are
 * reported as ranges of the input buffer; a quoted field with escaped quotes is unescaped into a scratch buffer
 * owned by the tokenizer. Works on bytes so that no String is made per cell (see {@link ByteDictionary}).
 */
final class CsvTokenizer extends Fields {
  private final byte[] buf;
  private final int end;
  private final byte delim;
  private int pos;
  private int line; // lines consumed so far, relative to the start
  private int recordLine;
  private boolean insideQuoteAtEnd;
  private byte[] scratch = new byte[256];
  private int scratchLen;
  private int expected; // fields per record, for telling an unclosed quote from a quoted line break; 0 = unknown

  CsvTokenizer(byte[] buf, int start, int end, byte delim) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
    this.delim = delim;
  }

  /**
   * Reads the next record; false when the range is exhausted. Blank lines are records of one empty field.
   * Fields are copied to locals because C1 (the CLI's only compiler) reloads a field on every loop iteration.
   */
  boolean next() {
    final byte[] buf = this.buf;
    final int end = this.end;
    final byte delim = this.delim;
    int p = pos;
    if (p >= end) return false;
    count = 0;
    scratchLen = 0;
    problem = null;
    recordLine = line + 1;
    while (true) {
      if (p < end && buf[p] == '"') {
        pos = p;
        boolean more = quotedField();
        p = pos;
        if (!more) { line++; return true; }
      } else {
        int s = p;
        while (p < end) {
          byte b = buf[p];
          if (b == delim || b == '\n') break;
          p++;
        }
        int e = p;
        if (e > s && (p >= end || buf[p] == '\n') && buf[e - 1] == '\r') e--;
        addField(buf, s, e);
      }
      if (p >= end) { pos = p; line++; return true; }
      byte b = buf[p++];
      if (b == '\n') { pos = p; line++; return true; }
      // b is the delimiter: next field
    }
  }

  /** Reads a quoted field starting at pos; returns false when the record ended (at newline or end). */
  private boolean quotedField() {
    int p = pos + 1;
    int s = p;
    boolean escaped = false;
    while (true) {
      if (p >= end) { insideQuoteAtEnd = true; addField(buf, s, p); pos = p; return false; }
      byte b = buf[p];
      if (b == '"') {
        if (p + 1 < end && buf[p + 1] == '"') { escaped = true; p += 2; continue; }
        break;
      }
      if (b == '\n') {
        if (expected > 2 && swallowsARecord(p + 1)) {
          // an unclosed quote: the record ends here, and the next line is read on its own
          addField(buf, s, p > s && buf[p - 1] == '\r' ? p - 1 : p);
          problem = "unbalanced quote";
          pos = p + 1;
          return false;
        }
        line++;
      }
      p++;
    }
    if (escaped) {
      int from = scratchLen;
      for (int i = s; i < p; i++) {
        byte b = buf[i];
        ensureScratch(1);
        scratch[scratchLen++] = b;
        if (b == '"') i++;
      }
      addField(scratch, from, scratchLen);
    } else {
      addField(buf, s, p);
    }
    p++; // closing quote
    // tolerate stray characters between the closing quote and the delimiter (e.g. spaces)
    while (p < end && buf[p] != delim && buf[p] != '\n') p++;
    pos = p;
    return true;
  }

  /**
   * Whether the line starting at {@code q}, reached inside a quoted field, reads as a record of its own rather
   * than the rest of the field: inside a field every quote is doubled except the closing one, which is followed
   * by a delimiter or the line end. So the line is a record when a quote on it is followed by anything else
   * (it opens a field of a new record), or when it has no closing quote and a full record's delimiters.
   */
  private boolean swallowsARecord(int q) {
    int delims = 0;
    for (int i = q; i < end && buf[i] != '\n'; i++) {
      byte b = buf[i];
      if (b == delim) {
        delims++;
      } else if (b == '"') {
        if (i + 1 < end && buf[i + 1] == '"') { i++; continue; }
        if (i + 1 >= end) return false;
        byte n = buf[i + 1];
        return n != delim && n != '\n' && n != '\r';
      }
    }
    return delims >= expected - 1;
  }

  /** Sets the number of fields a record has (the header's), which lets an unclosed quote be told apart. */
  void expect(int fields) { this.expected = fields; }

  private void ensureScratch(int n) {
    if (scratchLen + n > scratch.length) {
      byte[] old = scratch;
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLen + n));
      for (int i = 0; i < count; i++) if (bufs[i] == old) bufs[i] = scratch;
    }
  }

  private void addField(byte[] b, int s, int e) {
    int n = count;
    if (n == starts.length) ensureFields(n + 1);
    bufs[n] = b;
    starts[n] = s;
    ends[n] = e;
    count = n + 1;
  }

  /** Continues at {@code pos}, a line start, with {@code line} lines consumed so far. */
  void seek(int pos, int line) {
    this.pos = pos;
    this.line = line;
  }

  /** Whether the current record is an empty line. */
  boolean isBlank() {
    return count == 1 && ends[0] == starts[0];
  }

  /** 1-based line (relative to the range start) on which the current record began. */
  int recordLine() { return recordLine; }

  /** Lines consumed so far. */
  int linesConsumed() { return line; }

  /** Whether the range ended inside an open quote (the split point was inside a quoted line break). */
  boolean endedInsideQuote() { return insideQuoteAtEnd; }

  /** Position after the current record. */
  int position() { return pos; }
}
