package dev.segmentlab.core.data;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.sql.Date;
import java.sql.Timestamp;

/**
 * One typed row (database, Parquet) as UTF-8 byte fields, so that it goes through the same row builders as a CSV
 * line: the same parsing of numbers and dates, the same rejections and counts. Numbers are written as plain
 * decimals, date-times as {@code yyyy-MM-dd HH:mm:ss} (wall-clock time; an instant is taken in UTC).
 */
final class Cells extends Fields {
  private byte[] data = new byte[1024];
  private int len;

  /** Starts a row of {@code width} empty fields. */
  void begin(int width) {
    ensureFields(width);
    count = width;
    len = 0;
    Arrays.fill(starts, 0, width, 0);
    Arrays.fill(ends, 0, width, 0);
  }

  /** Sets field {@code i} from a value (null = blank). */
  void set(int i, Object v) {
    String s = text(v);
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (len + b.length > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, len + b.length));
    }
    System.arraycopy(b, 0, data, len, b.length);
    starts[i] = len;
    len += b.length;
    ends[i] = len;
  }

  /** Points every field at the current buffer (call after the last {@link #set}). */
  void finish() {
    Arrays.fill(bufs, 0, count, data);
  }

  /** The text a value is written as; "" for null. */
  static String text(Object v) {
    if (v == null) return "";
    if (v instanceof String s) return s;
    if (v instanceof BigDecimal d) return d.toPlainString();
    if (v instanceof Double d) return number(d);
    if (v instanceof Float f) return number(f.doubleValue());
    if (v instanceof Number n) return n.toString();
    if (v instanceof LocalDateTime t) return dateTime(t);
    if (v instanceof LocalDate d) return d.toString();
    if (v instanceof OffsetDateTime t) return dateTime(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    if (v instanceof ZonedDateTime t) return dateTime(LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC));
    if (v instanceof Instant t) return dateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    if (v instanceof Timestamp t) return dateTime(t.toLocalDateTime());
    if (v instanceof Date d) return d.toLocalDate().toString();
    return v.toString();
  }

  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    return Double.toString(d);
  }

  private static String dateTime(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(19).append(t.toLocalDate()).append(' ');
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    return two(sb, t.getSecond()).toString();
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
