package dev.segmentlab.core.data;

import java.nio.charset.StandardCharsets;

/**
 * Parsing of numbers and dates straight from bytes, without a String per cell. Dates are first parsed into
 * packed components, because whether {@code 01/12/2010} is the 1st of December or the 12th of January can
 * only be decided once the whole column has been seen (a day field above 12 settles it).
 */
final class FieldValues {
  private FieldValues() {}

  static final long NO_DATE = -1L;
  /** Result of {@link #toEpochSeconds} for a day that does not exist. */
  static final long INVALID_EPOCH = Long.MIN_VALUE;
  static final int KIND_ISO = 0;       // year first: yyyy-MM-dd
  static final int KIND_YEAR_LAST = 1; // a/b/yyyy, order decided later
  static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /**
   * Parses a decimal number ({@code -12}, {@code 2.55}, {@code 1e3}, surrounding spaces allowed).
   * With {@code commaDecimal} a single {@code ,} is read as the decimal point. Returns NaN when the text is
   * not a number or is blank.
   */
  static double parseDouble(byte[] b, int s, int e, boolean commaDecimal) {
    while (s < e && b[s] == ' ') s++;
    while (e > s && b[e - 1] == ' ') e--;
    if (s == e) return Double.NaN;
    int p = s;
    boolean neg = false;
    if (b[p] == '-' || b[p] == '+') { neg = b[p] == '-'; p++; }
    long mant = 0;
    int digits = 0;
    int fracDigits = 0;
    boolean dot = false;
    boolean any = false;
    for (; p < e; p++) {
      byte c = b[p];
      if (c >= '0' && c <= '9') {
        any = true;
        if (digits < 18) {
          mant = mant * 10 + (c - '0');
          if (mant != 0) digits++;
          if (dot) fracDigits++;
        } else if (!dot) {
          return slow(b, s, e, commaDecimal);
        }
      } else if ((c == '.' || (commaDecimal && c == ',')) && !dot) {
        dot = true;
      } else if (c == 'e' || c == 'E') {
        return slow(b, s, e, commaDecimal);
      } else {
        return Double.NaN;
      }
    }
    if (!any) return Double.NaN;
    double v = fracDigits <= 22 ? mant / POW10[fracDigits] : slow(b, s, e, commaDecimal);
    return neg ? -v : v;
  }

  private static double slow(byte[] b, int s, int e, boolean commaDecimal) {
    String t = new String(b, s, e - s, StandardCharsets.ISO_8859_1).trim();
    if (commaDecimal) t = t.replace(',', '.');
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException ex) {
      return Double.NaN;
    }
  }

  /**
   * Parses {@code yyyy-MM-dd[ T]H:mm[:ss]} or {@code a/b/yyyy[ H:mm[:ss]][ AM|PM]} (also with {@code .} or
   * {@code -}) into packed components; {@link #NO_DATE} when it is neither.
   * Layout, high to low bits: kind(1) hasSeconds(1) year(15) p1(5) p2(5) hour(5) minute(6) second(6).
   */
  static long parseDatePacked(byte[] b, int s, int e) {
    while (s < e && b[s] == ' ') s++;
    while (e > s && b[e - 1] == ' ') e--;
    int p = s;
    int a = 0, na = 0;
    while (p < e && b[p] >= '0' && b[p] <= '9') { a = a * 10 + (b[p] - '0'); p++; na++; }
    if (na == 0 || na > 4 || p >= e) return NO_DATE;
    byte sep = b[p];
    if (sep != '-' && sep != '/' && sep != '.') return NO_DATE;
    p++;
    int bb = 0, nb = 0;
    while (p < e && b[p] >= '0' && b[p] <= '9') { bb = bb * 10 + (b[p] - '0'); p++; nb++; }
    if (nb == 0 || nb > 2 || p >= e || b[p] != sep) return NO_DATE;
    p++;
    int c = 0, nc = 0;
    while (p < e && b[p] >= '0' && b[p] <= '9') { c = c * 10 + (b[p] - '0'); p++; nc++; }
    if (nc == 0 || nc > 4) return NO_DATE;
    int kind;
    int year, p1, p2;
    if (na == 4) {
      if (nc > 2) return NO_DATE;
      kind = KIND_ISO; year = a; p1 = bb; p2 = c;
    } else {
      if (na > 2 || (nc != 4 && nc != 2)) return NO_DATE;
      kind = KIND_YEAR_LAST; year = nc == 2 ? 2000 + c : c; p1 = a; p2 = bb;
    }
    int h = 0, m = 0, sec = 0;
    boolean hasSec = false;
    if (p < e) {
      if (b[p] != ' ' && b[p] != 'T') return NO_DATE;
      while (p < e && (b[p] == ' ' || b[p] == 'T')) p++;
      int nh = 0;
      while (p < e && b[p] >= '0' && b[p] <= '9') { h = h * 10 + (b[p] - '0'); p++; nh++; }
      if (nh == 0 || nh > 2 || p >= e || b[p] != ':') return NO_DATE;
      p++;
      int nm = 0;
      while (p < e && b[p] >= '0' && b[p] <= '9') { m = m * 10 + (b[p] - '0'); p++; nm++; }
      if (nm != 2) return NO_DATE;
      if (p < e && b[p] == ':') {
        p++;
        int ns = 0;
        while (p < e && b[p] >= '0' && b[p] <= '9') { sec = sec * 10 + (b[p] - '0'); p++; ns++; }
        if (ns != 2) return NO_DATE;
        hasSec = true;
        if (p < e && b[p] == '.') { p++; while (p < e && b[p] >= '0' && b[p] <= '9') p++; }
      }
      while (p < e && b[p] == ' ') p++;
      if (p < e) {
        if (e - p != 2 || (b[p + 1] != 'M' && b[p + 1] != 'm')) return NO_DATE;
        byte ap = b[p];
        if (h < 1 || h > 12) return NO_DATE;
        if (ap == 'P' || ap == 'p') { if (h != 12) h += 12; }
        else if (ap == 'A' || ap == 'a') { if (h == 12) h = 0; }
        else return NO_DATE;
        p = e;
      }
    }
    if (h > 23 || m > 59 || sec > 59 || p1 < 1 || p2 < 1 || p1 > 31 || p2 > 31 || year < 1 || year > 9999) {
      return NO_DATE;
    }
    return ((long) kind << 43) | ((hasSec ? 1L : 0L) << 42) | ((long) year << 27) | ((long) p1 << 22)
        | ((long) p2 << 17) | ((long) h << 12) | ((long) m << 6) | sec;
  }

  private static final long SERIAL_TAG = 1L << 62;
  private static final long SERIAL_BIAS = 1L << 40;

  /** Marks absolute epoch seconds (from an Excel serial) so they pass through the packed-date column. */
  static long tagSerial(long epochSeconds) { return SERIAL_TAG | (epochSeconds + SERIAL_BIAS); }

  static boolean isSerial(long packed) { return (packed & SERIAL_TAG) != 0; }

  static int kind(long packed) { return (int) (packed >>> 43) & 1; }
  static boolean hasSeconds(long packed) { return ((packed >>> 42) & 1) != 0; }
  static int p1(long packed) { return (int) (packed >>> 22) & 31; }
  static int p2(long packed) { return (int) (packed >>> 17) & 31; }

  /**
   * Local epoch seconds of a packed date, with {@code dayFirst} deciding a year-last date's order;
   * {@link #INVALID_EPOCH} when the day does not exist (31 February).
   */
  static long toEpochSeconds(long packed, boolean dayFirst) {
    if (isSerial(packed)) return (packed & ~SERIAL_TAG) - SERIAL_BIAS;
    int year = (int) (packed >>> 27) & 0x7FFF;
    int p1 = p1(packed), p2 = p2(packed);
    int month, day;
    if (kind(packed) == KIND_ISO) { month = p1; day = p2; }
    else if (dayFirst) { day = p1; month = p2; }
    else { month = p1; day = p2; }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return INVALID_EPOCH;
    int h = (int) (packed >>> 12) & 31, m = (int) (packed >>> 6) & 63, s = (int) packed & 63;
    return daysFromCivil(year, month, day) * 86_400L + h * 3600L + m * 60L + s;
  }

  static int daysInMonth(int y, int m) {
    switch (m) {
      case 2: return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
  static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /** Local epoch seconds of an Excel serial date (1900 date system), rounded to the second. */
  static long fromExcelSerial(double serial) {
    long secs = Math.round(serial * 86_400d);
    // Excel day 0 is 1899-12-30 once the fictitious 1900-02-29 is accounted for (serials >= 61)
    return secs + daysFromCivil(1899, 12, 30) * 86_400L;
  }
}
