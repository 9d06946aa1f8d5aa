package dev.segmentlab.core.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Parses whole {@code <row>} elements of a worksheet's XML, straight from its UTF-8 bytes, into a
 * {@link TransactionChunk}: the byte-level half of {@link SheetScanner} (see there for why it exists).
 *
 * <p>Each cell gets exactly the text fastexcel-reader 0.20.2 gives it (what {@code XlsxReader.text(Cell)} reads):
 * a shared string, the whole character data of {@code <is>} (rich runs and phonetic runs alike), the last
 * {@code <v>} of a number, boolean or formula string, "" for an error or an empty cell; a cell without {@code r}
 * takes the column after the previous cell; a row without {@code r} is numbered by how many rows came before it.
 * Text is entity-decoded and line ends are normalised as an XML parser does. It accepts only the plain structure
 * spreadsheet writers produce; for anything else (a prefixed element name, a comment, CDATA, a processing
 * instruction, an unknown entity, cell type {@code d}, a number {@code BigDecimal} would refuse, bytes that are
 * not UTF-8 ...) it throws {@link Unsupported} and the whole sheet is read with the library instead.
 *
 * <p>A block's bytes are followed by {@link #SLACK} bytes of {@code '<'}: every scan stops there without a bounds
 * check per byte. Not thread-safe: one per block.
 */
final class SheetRowParser {
  /** Bytes after a block's end that the caller fills with {@code '<'}. */
  static final int SLACK = 64;

  /** The sheet holds something this parser does not read exactly as the library does. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

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
  private static final int TAG_ROW = 0, TAG_CELL = 1, TAG_FORMULA = 2, TAG_OTHER = 3;
  private static final byte[] EMPTY = new byte[0];
  private static final boolean[] PLAIN = new boolean[256];
  private static final boolean[] NAME = new boolean[256];
  private static final boolean[] SPACE = new boolean[256];

  static {
    for (int c = 0x20; c < 0x80; c++) PLAIN[c] = c != '<' && c != '&';
    PLAIN['\t'] = PLAIN['\n'] = true;
    for (int c = 0; c < 256; c++) {
      NAME[c] = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-' || c == '.' || c == ':';
    }
    SPACE[' '] = SPACE['\t'] = SPACE['\n'] = SPACE['\r'] = true;
  }

  private final SharedStrings strings;
  private final int width;
  private final BooleanSupplier cancelled;
  private final CellRow row = new CellRow();
  private byte[] b;
  private int p;
  private byte[] out = new byte[1 << 12];
  private int outLen;
  /** The text last read: {@code tb[ts, te)}. */
  private byte[] tb;
  private int ts, te;
  /** Whether the text {@link #scanText} last scanned holds an entity or a CR. */
  private boolean escaped;
  /** The attributes of the tag last opened that matter. */
  private int rStart, rEnd, tStart, tEnd, refStart, refEnd, siStart, siEnd;
  private boolean arrayFormula, bareError;
  private final int[] attributeStart = new int[24], attributeEnd = new int[24];
  private final Set<String> prefixes = new HashSet<>();
  private String lastPrefix;
  /** The names of the elements open inside {@code <is>}. */
  private final int[] openStart = new int[16], openEnd = new int[16];

  SheetRowParser(SharedStrings strings, int width, BooleanSupplier cancelled) {
    this.strings = strings;
    this.width = width;
    this.cancelled = cancelled;
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
        if ((rows & 0xFFF) == 0 && cancelled.getAsBoolean()) throw new CancellationException("Load cancelled");
      } else if (at('<', '/', 's', 'h') && endTag("sheetData")) {
        sawEnd = true;
        break;
      } else {
        throw new Unsupported("something other than a row in sheetData");
      }
    }
    return new Block(chunk, rows, numbered, unnumbered, sawEnd, arrayFormula, bareError, Set.copyOf(prefixes));
  }

  /** After {@code <row}: reads the row's cells into {@link #row}; returns its {@code r} number or -1. */
  private int row() {
    boolean empty = openTag(TAG_ROW);
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
      } else if (at('<', '/', 'r', 'o') && endTag("row")) {
        return number;
      } else {
        throw new Unsupported("something other than a cell in a row");
      }
    }
  }

  /** After {@code <c}: reads one cell; returns its column. */
  private int cell(int nextColumn) {
    boolean empty = openTag(TAG_CELL);
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
        simpleContent(openTag(TAG_OTHER), "v");
        check(type, tb, ts, te);
        if (type != T_S || vb == null) {
          vb = tb;
          vs = ts;
          ve = te;
        }
      } else if (at('<', 'f') && !NAME[b[p + 2] & 0xFF]) {
        p += 2;
        boolean emptyTag = openTag(TAG_FORMULA);
        boolean shared = attributeIs(tStart, tEnd, "shared"), array = attributeIs(tStart, tEnd, "array");
        // what the library parses of a formula's attributes, and would fail on
        if ((shared || array) && refStart >= 0) checkRange(refStart, refEnd);
        if (siStart >= 0 ? digits(siStart, siEnd) < 0 : shared) throw new Unsupported("a shared formula index");
        arrayFormula |= array && refStart >= 0;
        simpleContent(emptyTag, "f");
        formula = true;
        formulaText = te > ts;
        sharedChild = shared && refStart < 0;
      } else if (at('<', 'i', 's') && !NAME[b[p + 3] & 0xFF]) {
        p += 3;
        mixedContent(openTag(TAG_OTHER));
        ib = tb;
        is = ts;
        ie = te;
      } else if (at('<', '/', 'c') && endTag("c")) {
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

  private boolean at(char c0, char c1) {
    return b[p] == c0 && b[p + 1] == c1;
  }

  private boolean at(char c0, char c1, char c2) {
    return b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2;
  }

  private boolean at(char c0, char c1, char c2, char c3) {
    return b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2 && b[p + 3] == c3;
  }

  /** At {@code </}: reads the end tag if it is {@code name}'s, else leaves {@code p} and returns false. */
  private boolean endTag(String name) {
    int q = p + 2;
    for (int i = 0; i < name.length(); i++, q++) if (b[q] != name.charAt(i)) return false;
    return closeEndTag(q);
  }

  /** At {@code </}: reads the end tag if its name is {@code name[s, e)}, else returns false. */
  private boolean endTag(byte[] name, int s, int e) {
    int q = p + 2;
    for (int i = s; i < e; i++, q++) if (b[q] != name[i]) return false;
    return closeEndTag(q);
  }

  /** After an end tag's name at {@code q}: white space and {@code >}; false if the name went on. */
  private boolean closeEndTag(int q) {
    if (NAME[b[q] & 0xFF]) return false;
    while (SPACE[b[q] & 0xFF]) q++;
    if (b[q] != '>') throw new Unsupported("an end tag");
    p = q + 1;
    return true;
  }

  /**
   * After an element's name: reads its attributes, noting those that matter for {@code kind}; returns whether the
   * tag closed itself ({@code />}). Checks what an XML parser checks of them (white space between them, no repeated
   * name, a well-formed value, known entities); notes the namespace prefixes they use.
   */
  private boolean openTag(int kind) {
    rStart = tStart = refStart = siStart = -1;
    int attributes = 0;
    while (true) {
      boolean spaced = SPACE[b[p] & 0xFF];
      skipSpace();
      byte c = b[p];
      if (c == '>') {
        p++;
        return false;
      }
      if (c == '/') {
        if (b[p + 1] != '>') throw new Unsupported("a tag");
        p += 2;
        return true;
      }
      if (!spaced) throw new Unsupported("an attribute without white space before it");
      int ns = p, colon = -1;
      for (; NAME[b[p] & 0xFF]; p++) {
        if (b[p] != ':') continue;
        if (colon >= 0) throw new Unsupported("an attribute name");
        colon = p;
      }
      int ne = p;
      if (ne == ns || colon == ns || colon == ne - 1) throw new Unsupported("an attribute name");
      if (attributes == attributeStart.length) throw new Unsupported("too many attributes");
      for (int i = 0; i < attributes; i++) {
        if (nameIs(attributeStart[i], attributeEnd[i], ns, ne)) throw new Unsupported("a repeated attribute");
      }
      attributeStart[attributes] = ns;
      attributeEnd[attributes++] = ne;
      if (colon >= 0) notePrefix(ns, colon);
      skipSpace();
      if (b[p] != '=') throw new Unsupported("an attribute");
      p++;
      skipSpace();
      byte quote = b[p];
      if (quote != '"' && quote != '\'') throw new Unsupported("an attribute value");
      int vs = ++p;
      boolean amp = attributeValue(quote);
      int ve = p++;
      if (amp) {
        int mark = outLen;
        append(vs, ve); // only to check its entities
        outLen = mark;
      }
      if (kind != TAG_OTHER) noteAttribute(kind, ns, colon, ne, vs, ve, amp);
    }
  }

  /** From {@code p}, an attribute value up to its closing {@code quote}; returns whether it holds an entity. */
  private boolean attributeValue(byte quote) {
    boolean amp = false;
    while (true) {
      byte c = b[p];
      if (c == quote) return amp;
      if (c == '<') throw new Unsupported("an attribute value");
      if (c == '&') amp = true;
      if (c < 0) p = utf8(p);
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') throw new Unsupported("a control character");
      else p++;
    }
  }

  /** Notes an attribute's prefix: {@code xml} is always bound, the others must be bound before sheetData. */
  private void notePrefix(int s, int e) {
    if (nameIs(s, e, "xml")) return;
    if (nameIs(s, e, "xmlns")) throw new Unsupported("a namespace declared inside sheetData");
    if (lastPrefix != null && nameIs(s, e, lastPrefix)) return;
    lastPrefix = new String(b, s, e - s, StandardCharsets.UTF_8);
    prefixes.add(lastPrefix);
  }

  private void noteAttribute(int kind, int ns, int colon, int ne, int vs, int ve, boolean amp) {
    int local = colon >= 0 ? colon + 1 : ns;
    boolean matters = kind == TAG_FORMULA
        ? nameIs(local, ne, "t") || nameIs(local, ne, "ref") || nameIs(local, ne, "si")
        : nameIs(local, ne, "r") || (kind == TAG_CELL && (nameIs(local, ne, "t") || nameIs(local, ne, "s")));
    if (!matters) return;
    if (colon >= 0) throw new Unsupported("a prefixed attribute"); // the library looks it up in any namespace
    if (amp) throw new Unsupported("an entity in an attribute");
    if (nameIs(ns, ne, "r")) {
      rStart = vs;
      rEnd = ve;
    } else if (nameIs(ns, ne, "t")) {
      tStart = vs;
      tEnd = ve;
    } else if (nameIs(ns, ne, "ref")) {
      refStart = vs;
      refEnd = ve;
    } else if (nameIs(ns, ne, "si")) {
      siStart = vs;
      siEnd = ve;
    } else if (digits(vs, ve) < 0) {
      throw new Unsupported("a style index"); // s: the library parses it as an int
    }
  }

  private boolean nameIs(int s, int e, int s2, int e2) {
    return e - s == e2 - s2 && Arrays.equals(b, s, e, b, s2, e2);
  }

  private boolean nameIs(int s, int e, String name) {
    if (e - s != name.length()) return false;
    for (int i = 0; i < name.length(); i++) if (b[s + i] != name.charAt(i)) return false;
    return true;
  }

  private boolean attributeIs(int s, int e, String value) {
    return s >= 0 && nameIs(s, e, value);
  }

  /** The value of 1 to 9 ASCII digits, else -1. */
  private int digits(int s, int e) {
    return digitsIn(b, s, e);
  }

  private static int digitsIn(byte[] buf, int s, int e) {
    if (e == s || e - s > 9) return -1;
    int v = 0;
    for (int i = s; i < e; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
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

  private void skipSpace() {
    while (SPACE[b[p] & 0xFF]) p++;
  }

  // ---- text

  /** After the start tag of {@code name}: reads its text, which may not hold elements, into {@link #tb}. */
  private void simpleContent(boolean emptyTag, String name) {
    if (emptyTag) {
      none();
      return;
    }
    int s = p;
    p = scanText(p);
    int e = p;
    boolean escaped = this.escaped;
    if (!(b[p + 1] == '/' && endTag(name))) throw new Unsupported("an element inside <" + name + ">");
    text(s, e, escaped);
  }

  private void none() {
    tb = EMPTY;
    ts = te = 0;
  }

  /** Sets {@link #tb} to {@code b[s, e)}, decoded into {@link #out} when it holds an entity or a CR. */
  private void text(int s, int e, boolean escaped) {
    if (!escaped) {
      tb = b;
      ts = s;
      te = e;
      return;
    }
    int start = outLen;
    append(s, e);
    tb = out;
    ts = start;
    te = outLen;
  }

  /**
   * After {@code <is>}'s start tag: all its character data, at any depth (what the library's
   * {@code getValueUntilEndElement} gives: rich runs, phonetic runs and the white space between them).
   */
  private void mixedContent(boolean emptyTag) {
    if (emptyTag) {
      none();
      return;
    }
    int depth = 0;
    int firstStart = -1, firstEnd = -1;
    boolean firstEscaped = false;
    int gathered = -1; // where in out the pieces were gathered once a second one appeared
    while (true) {
      int s = p;
      p = scanText(p);
      if (p > s) {
        if (firstStart < 0) {
          firstStart = s;
          firstEnd = p;
          firstEscaped = escaped;
        } else {
          if (gathered < 0) {
            gathered = outLen;
            append(firstStart, firstEnd);
          }
          append(s, p);
        }
      }
      if (b[p + 1] == '/') {
        if (depth == 0) {
          if (!endTag("is")) throw new Unsupported("an end tag in <is>");
          break;
        }
        depth--;
        if (!endTag(b, openStart[depth], openEnd[depth])) throw new Unsupported("mismatched tags in <is>");
      } else {
        int ns = ++p;
        while (NAME[b[p] & 0xFF] && b[p] != ':') p++;
        int ne = p;
        if (ne == ns || b[p] == ':' || sought(ns, ne)) throw new Unsupported("an element in <is>");
        if (!openTag(TAG_OTHER)) {
          if (depth == openStart.length) throw new Unsupported("deep nesting in <is>");
          openStart[depth] = ns;
          openEnd[depth] = ne;
          depth++;
        }
      }
    }
    if (gathered >= 0) {
      tb = out;
      ts = gathered;
      te = outLen;
    } else if (firstStart < 0) {
      none();
    } else {
      text(firstStart, firstEnd, firstEscaped);
    }
  }

  /**
   * Names the library looks for anywhere in a row, whatever the nesting: inside a cell of another type than
   * {@code inlineStr} it would find them within {@code <is>}.
   */
  private boolean sought(int s, int e) {
    return nameIs(s, e, "c") || nameIs(s, e, "v") || nameIs(s, e, "f") || nameIs(s, e, "is") || nameIs(s, e, "row")
        || nameIs(s, e, "sheetData");
  }

  /**
   * From {@code q}, character data up to the next {@code <}: returns its position and sets {@link #escaped}.
   * Refuses what is not XML character data in UTF-8 (control characters, malformed sequences, U+FFFE and U+FFFF)
   * and markup other than an element ({@code <!}, {@code <?}).
   */
  private int scanText(int q) {
    byte[] b = this.b;
    boolean esc = false;
    while (true) {
      byte c = b[q];
      if (PLAIN[c & 0xFF]) {
        q++;
      } else if (c == '<') {
        byte n = b[q + 1];
        if (n == '!' || n == '?') throw new Unsupported("a comment, CDATA or processing instruction");
        escaped = esc;
        return q;
      } else if (c == '&' || c == '\r') {
        esc = true;
        q++;
      } else if (c < 0) {
        q = utf8(q);
      } else {
        throw new Unsupported("a control character");
      }
    }
  }

  private int utf8(int q) {
    int c = b[q] & 0xFF;
    if (c >= 0xC2 && c <= 0xDF) {
      continuation(q + 1);
      return q + 2;
    }
    int c1 = b[q + 1] & 0xFF;
    if (c >= 0xE0 && c <= 0xEF) {
      int lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (c1 < lo || c1 > hi) throw new Unsupported("not UTF-8");
      continuation(q + 2);
      if (c == 0xEF && c1 == 0xBF && (b[q + 2] & 0xFF) >= 0xBE) throw new Unsupported("U+FFFE or U+FFFF");
      return q + 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      int lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (c1 < lo || c1 > hi) throw new Unsupported("not UTF-8");
      continuation(q + 2);
      continuation(q + 3);
      return q + 4;
    }
    throw new Unsupported("not UTF-8");
  }

  private void continuation(int q) {
    if ((b[q] & 0xC0) != 0x80) throw new Unsupported("not UTF-8");
  }

  /**
   * Appends {@code b[s, e)} to {@link #out}, decoding entities and turning CR LF and a lone CR into LF. Never
   * longer than its source: no entity is shorter than the UTF-8 of its character.
   */
  private void append(int s, int e) {
    if (out.length - outLen < e - s) out = Arrays.copyOf(out, Math.max(out.length * 2, outLen + e - s));
    for (int i = s; i < e; i++) {
      byte c = b[i];
      if (c == '\r') {
        out[outLen++] = '\n';
        if (i + 1 < e && b[i + 1] == '\n') i++;
      } else if (c == '&') {
        int semi = i + 1;
        while (semi < e && b[semi] != ';') semi++;
        if (semi == e) throw new Unsupported("an entity");
        putCodePoint(entity(i + 1, semi));
        i = semi;
      } else {
        out[outLen++] = c;
      }
    }
  }

  /** The character of the entity named {@code b[s, e)}: the five XML predefines or a character reference. */
  private int entity(int s, int e) {
    if (nameIs(s, e, "amp")) return '&';
    if (nameIs(s, e, "lt")) return '<';
    if (nameIs(s, e, "gt")) return '>';
    if (nameIs(s, e, "quot")) return '"';
    if (nameIs(s, e, "apos")) return '\'';
    if (e - s < 2 || b[s] != '#') throw new Unsupported("an entity other than the XML ones");
    boolean hex = b[s + 1] == 'x';
    int i = hex ? s + 2 : s + 1;
    if (i == e || e - i > 7) throw new Unsupported("a character reference");
    int cp = 0;
    for (; i < e; i++) {
      int c = b[i], d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
      else throw new Unsupported("a character reference");
      cp = cp * (hex ? 16 : 10) + d;
    }
    boolean xmlChar = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    if (!xmlChar) throw new Unsupported("a character reference to a character XML does not allow");
    return cp;
  }

  private void putCodePoint(int cp) {
    if (cp < 0x80) {
      out[outLen++] = (byte) cp;
    } else if (cp < 0x800) {
      out[outLen++] = (byte) (0xC0 | cp >> 6);
      out[outLen++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out[outLen++] = (byte) (0xE0 | cp >> 12);
      out[outLen++] = (byte) (0x80 | (cp >> 6 & 0x3F));
      out[outLen++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      out[outLen++] = (byte) (0xF0 | cp >> 18);
      out[outLen++] = (byte) (0x80 | (cp >> 12 & 0x3F));
      out[outLen++] = (byte) (0x80 | (cp >> 6 & 0x3F));
      out[outLen++] = (byte) (0x80 | (cp & 0x3F));
    }
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
