package dev.segmentlab.core.explore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of each month the data covers: the first and last months of a file are often partial (Online
 * Retail ends on 9 December 2011), and a partial month's bar must not read as a collapse. Shared by the report
 * and the Explore step.
 *
 * @param month {@code YYYY-MM}
 * @param days the days of the month from the first to the last date of the data (1..length)
 * @param length the days of the month (28..31)
 */
public record MonthCoverage(String month, int days, int length) {
  /** Whether the data covers only part of the month. */
  public boolean partial() { return days < length; }

  /** "partial: 9 days", or "" for a whole month. */
  public String label() { return partial() ? "partial: " + days + (days == 1 ? " day" : " days") : ""; }

  /**
   * One coverage per month of {@code monthly}: months between the first and the last are whole.
   *
   * @param firstDate the data's first invoice date, {@code yyyy-MM-dd…} ({@link KeyFigures#firstDate()}); ""
   *     or null when unknown (every month is then taken as whole)
   * @param lastDate the last invoice date, likewise
   */
  public static List<MonthCoverage> of(List<MonthlyPoint> monthly, String firstDate, String lastDate) {
    LocalDate first = date(firstDate), last = date(lastDate);
    List<MonthCoverage> out = new ArrayList<>(monthly.size());
    for (MonthlyPoint p : monthly) {
      LocalDate start = LocalDate.parse(p.month() + "-01");
      int length = start.lengthOfMonth();
      int from = 1, to = length;
      if (first != null && first.getYear() == start.getYear() && first.getMonth() == start.getMonth()) {
        from = first.getDayOfMonth();
      }
      if (last != null && last.getYear() == start.getYear() && last.getMonth() == start.getMonth()) {
        to = last.getDayOfMonth();
      }
      out.add(new MonthCoverage(p.month(), Math.max(1, to - from + 1), length));
    }
    return out;
  }

  private static LocalDate date(String iso) {
    return iso == null || iso.length() < 10 ? null : LocalDate.parse(iso.substring(0, 10));
  }
}
