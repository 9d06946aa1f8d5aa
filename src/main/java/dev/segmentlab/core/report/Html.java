package dev.segmentlab.core.report;

/** Escaping for HTML/XHTML text and attribute values. */
final class Html {
  private Html() {}

  static String esc(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // XML 1.0 forbids most control characters; a stray one in a product name must not break the PDF
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') sb.append(' ');
          else sb.append(c);
        }
      }
    }
    return sb.toString();
  }
}
