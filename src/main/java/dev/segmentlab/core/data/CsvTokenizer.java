package dev.segmentlab.core.data;

import java.util.Arrays;

/**
 * Splits RFC-4180 records out of a byte range: delimiter-separated fields, optional double quotes around a
 * field, {@code ""} for a quote inside one, LF or CRLF line ends, line breaks allowed inside quotes. Fields are
 * reported as ranges of the input buffer; a quoted field with escaped quotes is unescaped into a scratch buffer
 * owned by the tokenizer. Works on bytes so that no String is made per cell (see {@link ByteDictionary}).
 */
final class CsvTokenizer implements Fields {
  private final byte[] buf;
  private final int end;
  private final byte delim;
  private int pos;
  private int line; // lines consumed so far, relative to the start
  private int recordLine;
  private boolean insideQuoteAtEnd;

  private int count;
  private byte[][] fieldBuf = new byte[16][];
  private int[] fieldStart = new int[16];
  private int[] fieldEnd = new int[16];
  private byte[] scratch = new byte[256];
  private int scratchLen;

  CsvTokenizer(byte[] buf, int start, int end, byte delim) {
    this.buf = buf;
    this.pos = start;
    this.end = end;
    this.delim = delim;
  }

  /** Reads the next record; false when the range is exhausted. Blank lines are records of one empty field. */
  boolean next() {
    if (pos >= end) return false;
    count = 0;
    scratchLen = 0;
    recordLine = line + 1;
    while (true) {
      if (pos < end && buf[pos] == '"') {
        if (!quotedField()) { line++; return true; }
      } else {
        int s = pos;
        int p = pos;
        while (p < end) {
          byte b = buf[p];
          if (b == delim || b == '\n') break;
          p++;
        }
        int e = p;
        if (e > s && (p >= end || buf[p] == '\n') && buf[e - 1] == '\r') e--;
        addField(buf, s, e);
        pos = p;
      }
      if (pos >= end) { line++; return true; }
      byte b = buf[pos++];
      if (b == '\n') { line++; return true; }
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
      if (b == '\n') line++;
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
      addField(null, from, scratchLen);
    } else {
      addField(buf, s, p);
    }
    p++; // closing quote
    // tolerate stray characters between the closing quote and the delimiter (e.g. spaces)
    while (p < end && buf[p] != delim && buf[p] != '\n') p++;
    pos = p;
    return true;
  }

  private void ensureScratch(int n) {
    if (scratchLen + n > scratch.length) {
      byte[] old = scratch;
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLen + n));
      for (int i = 0; i < count; i++) if (fieldBuf[i] == old) fieldBuf[i] = scratch;
    }
  }

  private void addField(byte[] b, int s, int e) {
    if (count == fieldStart.length) {
      fieldBuf = Arrays.copyOf(fieldBuf, count * 2);
      fieldStart = Arrays.copyOf(fieldStart, count * 2);
      fieldEnd = Arrays.copyOf(fieldEnd, count * 2);
    }
    fieldBuf[count] = b == null ? scratch : b;
    fieldStart[count] = s;
    fieldEnd[count] = e;
    count++;
  }

  @Override public int fieldCount() { return count; }
  @Override public byte[] buf(int i) { return fieldBuf[i]; }
  @Override public int start(int i) { return fieldStart[i]; }
  @Override public int end(int i) { return fieldEnd[i]; }

  /** Whether the current record is an empty line. */
  boolean isBlank() {
    return count == 1 && fieldEnd[0] == fieldStart[0];
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
