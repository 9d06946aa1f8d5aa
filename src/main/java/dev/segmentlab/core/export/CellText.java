package dev.segmentlab.core.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Cell formatting shared by the CSV and XLSX exporters. */
final class CellText {
  private CellText() {}

  /**
   * Neutralises text that a spreadsheet would run as a formula when it opens the file (OWASP "CSV injection"):
   * a value starting with {@code = + - @}, tab or carriage return gets a leading apostrophe, which Excel and
   * LibreOffice read as "this is text". Only text cells go through here; numbers (negative ones included) are
   * written as numbers and never need it.
   *
   * @return the value, prefixed with {@code '} when it starts with a trigger character; {@code null} stays null
   */
  static String escapeFormula(String value) {
    if (value == null || value.isEmpty()) return value;
    switch (value.charAt(0)) {
      case '=': case '+': case '-': case '@': case '\t': case '\r':
        return "'" + value;
      default:
        return value;
    }
  }

  /**
   * The shortest plain decimal that reads back as the same double, with a {@code .} whatever the locale and
   * without exponent or needless zeros: 4310.0 → {@code 4310}, 77183.6 → {@code 77183.6}, 1e-7 →
   * {@code 0.0000001}. Blank ({@code ""}) for NaN; infinities are spelled as Java reads them back.
   */
  static String number(double d) {
    if (Double.isNaN(d)) return "";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    // Fast path for the common whole-number case (counts, rounded money): no string parsing at all.
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    String s = Double.toString(d);
    if (s.indexOf('E') < 0) return s; // plain already; Double.toString adds no trailing zeros past the first
    return new BigDecimal(s).stripTrailingZeros().toPlainString();
  }

  /** ISO date {@code yyyy-MM-dd} of an epoch day; blank for {@link SheetData#MISSING}. */
  static String date(long epochDay) {
    return epochDay == SheetData.MISSING ? "" : LocalDate.ofEpochDay(epochDay).toString();
  }

  /**
   * ISO date-time {@code yyyy-MM-ddTHH:mm:ss} of local epoch seconds, always with seconds (unlike
   * {@link LocalDateTime#toString()}, which drops them when zero, so a column would mix two shapes).
   */
  static String dateTime(long localEpochSeconds) {
    if (localEpochSeconds == SheetData.MISSING) return "";
    LocalDateTime t = LocalDateTime.ofEpochSecond(localEpochSeconds, 0, ZoneOffset.UTC);
    StringBuilder sb = new StringBuilder(19).append(t.toLocalDate()).append('T');
    pad2(sb, t.getHour()).append(':');
    pad2(sb, t.getMinute()).append(':');
    return pad2(sb, t.getSecond()).toString();
  }

  private static StringBuilder pad2(StringBuilder sb, int v) {
    if (v < 10) sb.append('0');
    return sb.append(v);
  }

  /** The cell as CSV-ready text (before quoting), or {@code ""} when blank. */
  static String format(SheetData.Column c, int row, boolean escapeFormulas) {
    switch (c.type()) {
      case TEXT: {
        String s = c.text(row);
        if (s == null) return "";
        return escapeFormulas ? escapeFormula(s) : s;
      }
      case INTEGER: {
        long v = c.longAt(row);
        return v == SheetData.MISSING ? "" : Long.toString(v);
      }
      case NUMBER:
      case PERCENT:
        return number(c.doubleAt(row));
      case DATE:
        return date(c.longAt(row));
      case DATETIME:
        return dateTime(c.longAt(row));
      default:
        throw new AssertionError(c.type());
    }
  }
}
