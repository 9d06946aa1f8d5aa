package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Parses whole {@code <row>} elements of a worksheet's XML, straight from its UTF-8 bytes, into a
 * {@link TransactionChunk}: the byte-level half of {@link SheetScanner} (see there for why it exists), on top of
 * the lexical {@link XmlCursor}.
 *
 * <p>Each cell gets exactly the text fastexcel-reader 0.20.2 gives it (what {@code XlsxReader.text(Cell)} reads):
 * a shared string, the whole character data of {@code <is>} (rich runs and phonetic runs alike), the last
 * {@code <v>} of a number, boolean or formula string, "" for an error or an empty cell; a cell without {@code r}
 * takes the column after the previous cell; a row without {@code r} is numbered by how many rows came before it.
 * It accepts only the plain structure spreadsheet writers produce; for anything else (a prefixed element name, a
 * comment, CDATA, an unknown entity, cell type {@code d}, a number {@code BigDecimal} would refuse, a prefixed
 * {@code r}, {@code t} or {@code s} ...) it throws {@link Unsupported} and the whole sheet is read with the
 * library instead. Not thread-safe: one per block.
 */
final class SheetRowParser extends XmlCursor {
  /**
   * What one block held.
   *
   * @param rows the {@code <row>} elements in it, read or not
   * @param numbered whether a row it read had an {@code r} attribute (its line is that number)
   * @param unnumbered whether a row it read had none (its line is the number of rows before it in the block, to
   *     which the rows of the blocks before it must be added)
   * @param sawEnd whether {@code </sheetData>} was in it
   * @param arrayFormula whether it holds an array formula, which would turn a later error cell into a formula
   * @param bareError whether it holds an error cell without a formula of its own
   * @param prefixes the namespace prefixes its attributes use (other than {@code xml}), which must be bound
   */
  record Block(TransactionChunk chunk, int rows, boolean numbered, boolean unnumbered, boolean sawEnd,
      boolean arrayFormula, boolean bareError, Set<String> prefixes) {}

  private static final int T_N = 0, T_S = 1, T_INLINE = 2, T_B = 3, T_E = 4, T_STR = 5;
  private static final int TAG_OTHER = NESTED, TAG_ROW = 1, TAG_CELL = 2, TAG_FORMULA = 3;
  private static final byte[] SHEET_DATA = ascii("sheetData"), ROW = ascii("row"), CELL = ascii("c"),
      VALUE = ascii("v"), FORMULA = ascii("f"), INLINE = ascii("is");

  private final SharedStrings strings;
  private final int width;
  private final RunControl rc;
  private final CellRow row = new CellRow();
  /** The attributes of the tag last opened that matter. */
  private int rStart, rEnd, tStart, tEnd, refStart, refEnd, siStart, siEnd;
  private boolean arrayFormula, bareError;

  SheetRowParser(SharedStrings strings, int width, RunControl rc) {
    this.strings = strings;
    this.width = width;
    this.rc = rc;
  }

  /**
   * Reads the rows in {@code buf[from, to)}, which starts at a row boundary, into {@code chunk}.
   *
   * @param skipRows how many rows at its start are not data (the header and the blank rows above it)
   * @throws Unsupported for anything not read exactly as the library reads it
   */
  Block parse(byte[] buf, int from, int to, int skipRows, TransactionChunk chunk) {
    b = buf;
    p = from;
    int rows = 0;
    boolean numbered = false, unnumbered = false, sawEnd = false;
    while (true) {
      skipSpace();
      if (p >= to) break;
      if (at('<', 'r', 'o', 'w') && !NAME[b[p + 4] & 0xFF]) {
        p += 4;
        int number = row();
        int ordinal = rows++;
        if (ordinal >= skipRows && row.finish(width)) {
          chunk.accept(row, number >= 0 ? number : ordinal);
          if (number >= 0) numbered = true; else unnumbered = true;
        }
        if ((rows & 0xFFF) == 0 && rc.isCancelled()) throw new CancellationException("Load cancelled");
      } else if (at('<', '/', 's', 'h') && endTag(SHEET_DATA)) {
        sawEnd = true;
        break;
      } else {
        throw new Unsupported("something other than a row in sheetData");
      }
    }
    return new Block(chunk, rows, numbered, unnumbered, sawEnd, arrayFormula, bareError, prefixes());
  }

  /** After {@code <row}: reads the row's cells into {@link #row}; returns its {@code r} number or -1. */
  private int row() {
    boolean empty = tag(TAG_ROW);
    int number = -1;
    if (rStart >= 0 && (number = digits(rStart, rEnd)) < 0) throw new Unsupported("a row number");
    row.begin();
    outLen = 0;
    if (empty) return number;
    int nextColumn = 0;
    while (true) {
      skipSpace();
      if (at('<', 'c') && !NAME[b[p + 2] & 0xFF]) {
        p += 2;
        nextColumn = cell(nextColumn) + 1;
      } else if (at('<', '/', 'r', 'o') && endTag(ROW)) {
        return number;
      } else {
        throw new Unsupported("something other than a cell in a row");
      }
    }
  }

  /** After {@code <c}: reads one cell; returns its column. */
  private int cell(int nextColumn) {
    boolean empty = tag(TAG_CELL);
    int column = rStart < 0 ? nextColumn : column(rStart, rEnd);
    int type = tStart < 0 ? T_N : type(tStart, tEnd);
    if (empty) {
      row.set(column, EMPTY, 0, 0);
      return column;
    }
    byte[] vb = null, ib = null;
    int vs = 0, ve = 0, is = 0, ie = 0;
    boolean formula = false, formulaText = false, sharedChild = false;
    while (true) {
      skipSpace();
      if (at('<', 'v') && !NAME[b[p + 2] & 0xFF]) {
        p += 2;
        simpleContent(tag(TAG_OTHER), VALUE);
        check(type, tb, ts, te);
        if (type != T_S || vb == null) {
          vb = tb;
          vs = ts;
          ve = te;
        }
      } else if (at('<', 'f') && !NAME[b[p + 2] & 0xFF]) {
        p += 2;
        boolean emptyTag = tag(TAG_FORMULA);
        boolean shared = attributeIs(tStart, tEnd, "shared"), array = attributeIs(tStart, tEnd, "array");
        // what the library parses of a formula's attributes, and would fail on
        if ((shared || array) && refStart >= 0) checkRange(refStart, refEnd);
        if (siStart >= 0 ? digits(siStart, siEnd) < 0 : shared) throw new Unsupported("a shared formula index");
        arrayFormula |= array && refStart >= 0;
        simpleContent(emptyTag, FORMULA);
        formula = true;
        formulaText = te > ts;
        sharedChild = shared && refStart < 0;
      } else if (at('<', 'i', 's') && !NAME[b[p + 3] & 0xFF]) {
        p += 3;
        mixedContent(tag(TAG_OTHER), INLINE);
        ib = tb;
        is = ts;
        ie = te;
      } else if (at('<', '/', 'c') && endTag(CELL)) {
        break;
      } else {
        throw new Unsupported("an unexpected element in a cell");
      }
    }
    switch (type) {
      case T_S -> sharedString(column, vb, vs, ve);
      case T_INLINE -> set(column, ib, is, ie);
      case T_E -> {
        // an error reads as "" unless a formula of its own makes it a formula cell (then its cached value)
        if (!formula) bareError = true;
        else if (sharedChild || !formulaText) throw new Unsupported("an error cell with a shared or an empty formula");
        set(column, formula ? vb : null, vs, ve);
      }
      default -> set(column, vb, vs, ve);
    }
    return column;
  }

  private void set(int column, byte[] buf, int s, int e) {
    if (buf == null) row.set(column, EMPTY, 0, 0);
    else row.set(column, buf, s, e);
  }

  private void sharedString(int column, byte[] buf, int s, int e) {
    if (buf == null || e == s) {
      row.set(column, EMPTY, 0, 0);
      return;
    }
    int index = digitsIn(buf, s, e);
    if (index < 0) throw new Unsupported("a shared string index that is not a number");
    if (index >= strings.size()) row.set(column, EMPTY, 0, 0); // the library reads such an index as ""
    else row.set(column, strings.data(), strings.start(index), strings.end(index));
  }

  /** Refuses what the library's parser for the cell's type would refuse. */
  private static void check(int type, byte[] buf, int s, int e) {
    if (e == s) return;
    if (type == T_N && !isBigDecimal(buf, s, e)) throw new Unsupported("a number BigDecimal would refuse");
    if (type == T_B && (e - s != 1 || (buf[s] != '0' && buf[s] != '1'))) throw new Unsupported("a boolean");
  }

  /** Whether {@code new BigDecimal} accepts the ASCII text {@code buf[s, e)} (exponents up to 9 digits). */
  static boolean isBigDecimal(byte[] buf, int s, int e) {
    int i = s;
    if (i < e && (buf[i] == '+' || buf[i] == '-')) i++;
    int digits = 0;
    while (i < e && buf[i] >= '0' && buf[i] <= '9') { i++; digits++; }
    if (i < e && buf[i] == '.') {
      i++;
      while (i < e && buf[i] >= '0' && buf[i] <= '9') { i++; digits++; }
    }
    if (digits == 0) return false;
    if (i < e && (buf[i] == 'e' || buf[i] == 'E')) {
      i++;
      if (i < e && (buf[i] == '+' || buf[i] == '-')) i++;
      int exp = 0;
      while (i < e && buf[i] >= '0' && buf[i] <= '9') { i++; exp++; }
      if (exp == 0 || exp > 9) return false;
    }
    return i == e;
  }

  // ---- tags and attributes

  /** Opens a tag with {@link #openTag}, noting the attributes that matter for {@code kind}. */
  private boolean tag(int kind) {
    rStart = tStart = refStart = siStart = -1;
    return openTag(kind);
  }

  @Override
  void attribute(int kind, int ns, int colon, int ne, int vs, int ve, boolean amp) {
    if (kind == TAG_OTHER) return;
    int local = colon >= 0 ? colon + 1 : ns;
    int len = ne - local;
    byte c = b[local];
    // which one it is, from its length and first letter (a name per cell is read here: no string compares)
    int which = len == 1 && c == 'r' && kind != TAG_FORMULA ? 'r'
        : len == 1 && c == 't' && kind != TAG_ROW ? 't'
        : len == 1 && c == 's' && kind == TAG_CELL ? 's'
        : kind == TAG_FORMULA && len == 3 && nameIs(local, ne, "ref") ? 'f'
        : kind == TAG_FORMULA && len == 2 && nameIs(local, ne, "si") ? 'i' : 0;
    if (which == 0) return;
    if (colon >= 0) throw new Unsupported("a prefixed attribute"); // the library looks it up in any namespace
    if (amp) throw new Unsupported("an entity in an attribute");
    switch (which) {
      case 'r' -> { rStart = vs; rEnd = ve; }
      case 't' -> { tStart = vs; tEnd = ve; }
      case 'f' -> { refStart = vs; refEnd = ve; }
      case 'i' -> { siStart = vs; siEnd = ve; }
      default -> { if (digits(vs, ve) < 0) throw new Unsupported("a style index"); } // the library parses s as an int
    }
  }

  private boolean attributeIs(int s, int e, String value) {
    return s >= 0 && nameIs(s, e, value);
  }

  /** The 0-based column of a cell reference such as {@code AB12} (1 to 3 letters, 1 to 9 digits). */
  private int column(int s, int e) {
    int col = 0;
    int i = s;
    while (i < e && i - s < 4) {
      int c = b[i] | 0x20;
      if (c < 'a' || c > 'z') break;
      col = col * 26 + c - 'a' + 1;
      i++;
    }
    if (i == s || i - s > 3 || digits(i, e) < 0) throw new Unsupported("a cell reference");
    return col - 1;
  }

  /** Refuses a formula's range the library could not parse ({@code A1} or {@code A1:B2}). */
  private void checkRange(int s, int e) {
    int colon = s;
    while (colon < e && b[colon] != ':') colon++;
    column(s, colon);
    if (colon < e) column(colon + 1, e);
  }

  private int type(int s, int e) {
    if (nameIs(s, e, "s")) return T_S;
    if (nameIs(s, e, "inlineStr")) return T_INLINE;
    if (nameIs(s, e, "n")) return T_N;
    if (nameIs(s, e, "str")) return T_STR;
    if (nameIs(s, e, "b")) return T_B;
    if (nameIs(s, e, "e")) return T_E;
    throw new Unsupported("cell type");
  }

  /**
   * Not the names the library looks for anywhere in a row, whatever the nesting: inside a cell of another type than
   * {@code inlineStr} it would find them within {@code <is>}.
   */
  @Override
  boolean mayNest(int s, int e) {
    return !(nameIs(s, e, "c") || nameIs(s, e, "v") || nameIs(s, e, "f") || nameIs(s, e, "is") || nameIs(s, e, "row")
        || nameIs(s, e, "sheetData"));
  }

  /** The fields of one row, by column, with the cells the row did not have left unset. */
  private static final class CellRow extends Fields {
    private int[] stamp = new int[16];
    private int id;
    private int maxColumn;

    void begin() {
      id++;
      maxColumn = -1;
    }

    void set(int column, byte[] buf, int s, int e) {
      if (column >= stamp.length) grow(column + 1);
      bufs[column] = buf;
      starts[column] = s;
      ends[column] = e;
      stamp[column] = id;
      if (column > maxColumn) maxColumn = column;
    }

    private void grow(int n) {
      ensureFields(n);
      stamp = Arrays.copyOf(stamp, starts.length);
    }

    /**
     * Pads or cuts the row to the header's width as {@code XlsxReader.RowFields.load} does; false for a row with
     * no non-empty cell (skipped like a blank line). A non-empty cell beyond the header keeps every cell, so the
     * row is rejected as ragged.
     */
    boolean finish(int width) {
      if (width > stamp.length) grow(width);
      boolean any = false;
      for (int i = 0; i < width; i++) {
        if (stamp[i] != id) blank(i);
        else if (ends[i] > starts[i]) any = true;
      }
      count = width;
      for (int i = width; i <= maxColumn; i++) {
        if (stamp[i] == id && ends[i] > starts[i]) {
          for (int j = width; j <= maxColumn; j++) if (stamp[j] != id) blank(j);
          count = maxColumn + 1;
          return true;
        }
      }
      return any;
    }

    private void blank(int i) {
      bufs[i] = EMPTY;
      starts[i] = 0;
      ends[i] = 0;
    }
  }
}
