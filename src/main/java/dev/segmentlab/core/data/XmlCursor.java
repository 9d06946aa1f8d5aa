package dev.segmentlab.core.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A cursor over UTF-8 XML bytes: the lexical half of {@link SheetRowParser} (characters, entities, tags and
 * attributes), which reads the sheet's grammar on top. It checks what an XML parser would refuse in what it reads
 * (malformed UTF-8, characters XML does not allow, unknown entities, repeated attributes, unbalanced tags) and
 * decodes text as one does (entities; CR LF and a lone CR become LF). Markup it does not expect (comments, CDATA,
 * processing instructions) is {@link Unsupported}.
 *
 * <p>The bytes are followed by {@link #SLACK} bytes of {@code '<'}: every scan stops there without a bounds check
 * per byte, and no tag or text can be read across it.
 */
abstract class XmlCursor {
  /** Bytes after the end of the input that the caller fills with {@code '<'}. */
  static final int SLACK = 64;

  /** The input holds something the reader does not read exactly as fastexcel-reader does. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  /** The kind {@link #openTag} passes on for an element nested in mixed content. */
  static final int NESTED = 0;
  static final byte[] EMPTY = new byte[0];
  private static final boolean[] PLAIN = new boolean[256];
  static final boolean[] NAME = new boolean[256];
  private static final boolean[] SPACE = new boolean[256];
  /** Bytes that stand for themselves in an attribute value. */
  private static final boolean[] ATTRIBUTE = new boolean[256];

  static {
    for (int c = 0x20; c < 0x80; c++) PLAIN[c] = c != '<' && c != '&';
    PLAIN['\t'] = PLAIN['\n'] = true;
    for (int c = 0; c < 256; c++) {
      NAME[c] = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-' || c == '.' || c == ':';
    }
    SPACE[' '] = SPACE['\t'] = SPACE['\n'] = SPACE['\r'] = true;
    for (int c = 0; c < 128; c++) ATTRIBUTE[c] = PLAIN[c] && c != '"' && c != '\'';
  }

  byte[] b;
  int p;
  /** Decoded text, from 0 to {@link #outLen}; the reader sets outLen back when it no longer needs it. */
  byte[] out = new byte[1 << 12];
  int outLen;
  /** The text last read: {@code tb[ts, te)}. */
  byte[] tb;
  int ts, te;
  /** Whether the text {@link #scanText} last scanned holds an entity or a CR. */
  private boolean escaped;
  private final int[] attributeStart = new int[24], attributeEnd = new int[24];
  private final Set<String> prefixes = new HashSet<>();
  private String lastPrefix;
  /** The names of the elements open inside mixed content. */
  private final int[] openStart = new int[16], openEnd = new int[16];

  /**
   * One attribute of a tag {@link #openTag} reads: its name {@code b[ns, ne)} with the prefix's colon at {@code
   * colon} (or -1), its raw value {@code b[vs, ve)} and whether that holds an entity.
   */
  abstract void attribute(int kind, int ns, int colon, int ne, int vs, int ve, boolean amp);

  /** Whether an element named {@code b[s, e)} may be nested in mixed content ({@link #mixedContent}). */
  abstract boolean mayNest(int s, int e);

  static byte[] ascii(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  /** The namespace prefixes the attributes read so far used, other than {@code xml}. */
  final Set<String> prefixes() {
    return Set.copyOf(prefixes);
  }

  final boolean at(char c0, char c1) {
    return b[p] == c0 && b[p + 1] == c1;
  }

  final boolean at(char c0, char c1, char c2) {
    return b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2;
  }

  final boolean at(char c0, char c1, char c2, char c3) {
    return b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2 && b[p + 3] == c3;
  }

  /** At {@code </}: reads the end tag if it is {@code name}'s (ASCII), else leaves {@code p} and returns false. */
  final boolean endTag(byte[] name) {
    return endTag(name, 0, name.length);
  }

  /** At {@code </}: reads the end tag if its name is {@code name[s, e)}, else returns false. */
  final boolean endTag(byte[] name, int s, int e) {
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
   * After an element's name: reads its attributes, handing each to {@link #attribute}; returns whether the tag
   * closed itself ({@code />}). Checks what an XML parser checks of them (white space between them, no repeated
   * name, a well-formed value, known entities); notes the namespace prefixes they use.
   */
  final boolean openTag(int kind) {
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
      attribute(kind, ns, colon, ne, vs, ve, amp);
    }
  }

  /** From {@code p}, an attribute value up to its closing {@code quote}; returns whether it holds an entity. */
  private boolean attributeValue(byte quote) {
    boolean amp = false;
    while (true) {
      while (ATTRIBUTE[b[p] & 0xFF]) p++;
      byte c = b[p];
      if (c == quote) return amp;
      if (c == '<') throw new Unsupported("an attribute value");
      if (c == '&') amp = true;
      if (c < 0) p = utf8(p);
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') throw new Unsupported("a control character");
      else p++;
    }
  }

  /** Notes an attribute's prefix: {@code xml} is always bound, the others must have been bound outside. */
  private void notePrefix(int s, int e) {
    if (nameIs(s, e, "xml")) return;
    if (nameIs(s, e, "xmlns")) throw new Unsupported("a namespace declared where the reader does not follow it");
    if (lastPrefix != null && nameIs(s, e, lastPrefix)) return;
    lastPrefix = new String(b, s, e - s, StandardCharsets.UTF_8);
    prefixes.add(lastPrefix);
  }

  /** Whether {@code b[s, e)} and {@code b[s2, e2)} are the same name (a plain loop: names are a few bytes). */
  final boolean nameIs(int s, int e, int s2, int e2) {
    if (e - s != e2 - s2) return false;
    for (int i = 0; i < e - s; i++) if (b[s + i] != b[s2 + i]) return false;
    return true;
  }

  final boolean nameIs(int s, int e, String name) {
    if (e - s != name.length()) return false;
    for (int i = 0; i < name.length(); i++) if (b[s + i] != name.charAt(i)) return false;
    return true;
  }

  /** The value of 1 to 9 ASCII digits, else -1. */
  final int digits(int s, int e) {
    return digitsIn(b, s, e);
  }

  static int digitsIn(byte[] buf, int s, int e) {
    if (e == s || e - s > 9) return -1;
    int v = 0;
    for (int i = s; i < e; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  final void skipSpace() {
    while (SPACE[b[p] & 0xFF]) p++;
  }

  // ---- text

  /** After the start tag of {@code name}: reads its text, which may not hold elements, into {@link #tb}. */
  final void simpleContent(boolean emptyTag, byte[] name) {
    if (emptyTag) {
      none();
      return;
    }
    int s = p;
    p = scanText(p);
    int e = p;
    boolean escaped = this.escaped;
    if (!(b[p + 1] == '/' && endTag(name))) throw new Unsupported("an element inside <" + new String(name, StandardCharsets.US_ASCII) + ">");
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
   * After a start tag: all the element's character data, at any depth, up to its end tag {@code </name>} (what
   * fastexcel-reader's {@code getValueUntilEndElement} gives: for {@code <is>}, rich runs, phonetic runs and the
   * white space between them).
   */
  final void mixedContent(boolean emptyTag, byte[] name) {
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
          if (!endTag(name)) throw new Unsupported("an end tag");
          break;
        }
        depth--;
        if (!endTag(b, openStart[depth], openEnd[depth])) throw new Unsupported("mismatched tags");
      } else {
        int ns = ++p;
        while (NAME[b[p] & 0xFF] && b[p] != ':') p++;
        int ne = p;
        if (ne == ns || b[p] == ':' || !mayNest(ns, ne)) throw new Unsupported("an element in mixed content");
        if (!openTag(NESTED)) {
          if (depth == openStart.length) throw new Unsupported("deep nesting");
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
}
