package dev.segmentlab.core.explore;

import java.time.LocalDate;

/**
 * Calendar buckets of local epoch seconds ({@link dev.segmentlab.core.data.Transactions#invoiceDate()}).
 * Month indices are {@code year * 12 + (month - 1)} so consecutive months differ by one.
 */
final class Calendar {
  static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  private static final long SECONDS_PER_DAY = 86_400L;

  // Rows of one invoice share a day, so caching the last day avoids most LocalDate work on a 400k-row pass.
  private long lastDay = Long.MIN_VALUE;
  private int lastMonth;

  int month(long localEpochSeconds) {
    long day = Math.floorDiv(localEpochSeconds, SECONDS_PER_DAY);
    if (day != lastDay) {
      LocalDate d = LocalDate.ofEpochDay(day);
      lastMonth = d.getYear() * 12 + d.getMonthValue() - 1;
      lastDay = day;
    }
    return lastMonth;
  }

  /** 0 = Monday … 6 = Sunday. */
  static int weekday(long localEpochSeconds) {
    long day = Math.floorDiv(localEpochSeconds, SECONDS_PER_DAY);
    // 1970-01-01 was a Thursday (index 3).
    return (int) Math.floorMod(day + 3, 7L);
  }

  /** 0 … 23. */
  static int hour(long localEpochSeconds) {
    return (int) (Math.floorMod(localEpochSeconds, SECONDS_PER_DAY) / 3600);
  }

  /** {@code YYYY-MM} of a month index. */
  static String label(int monthIndex) {
    int year = Math.floorDiv(monthIndex, 12);
    int month = Math.floorMod(monthIndex, 12) + 1;
    return String.format("%04d-%02d", year, month);
  }
}
