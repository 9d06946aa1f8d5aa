package dev.segmentlab.app.explore;

import dev.segmentlab.core.explore.Cohort;
import dev.segmentlab.core.explore.CohortTable;
import java.util.ArrayList;
import java.util.List;

/** The heatmap's cells: what each says, how strongly it is coloured and what hovering shows. Pure. */
public final class CohortCells {
  private CohortCells() {}

  /**
   * One heatmap cell.
   *
   * @param row the cohort's index (0 = first month)
   * @param month months since first purchase, 0 …
   * @param id {@code cell-<cohort>-<month>}, e.g. {@code cell-2010-12-0}
   * @param text the value written in the cell ("100%", "57k")
   * @param intensity colour strength in [0, 1]
   * @param tip counts and revenue
   */
  public record Cell(int row, int month, String id, String text, double intensity, String tip) {}

  /**
   * Cells of every cohort. Colour is the value's share of the largest value after month 0, capped at 1: month 0
   * is always 100% retention and holds each cohort's first orders, so scaling by it would wash every later month
   * out.
   */
  public static List<Cell> of(CohortTable table, CohortMetric metric) {
    List<Cell> out = new ArrayList<>();
    boolean retention = metric == CohortMetric.RETENTION;
    double maxLater = 0;
    for (Cohort c : table.cohorts()) {
      double[] v = retention ? c.retention() : c.revenue();
      for (int k = 1; k < v.length; k++) maxLater = Math.max(maxLater, v[k]);
    }
    List<String> months = table.months();
    for (int i = 0; i < table.cohorts().size(); i++) {
      Cohort c = table.cohorts().get(i);
      double[] ret = c.retention();
      double[] rev = c.revenue();
      int[] act = c.active();
      int start = months.indexOf(c.cohort());
      for (int k = 0; k < c.months(); k++) {
        String calendar = start >= 0 && start + k < months.size() ? months.get(start + k) : "";
        String tip = c.cohort() + " cohort, month " + k + (calendar.isEmpty() ? "" : " (" + calendar + ")")
            + "\n" + Formats.count(act[k]) + " of " + Formats.count(c.size()) + " customers active ("
            + Formats.percent1(ret[k]) + ")\nRevenue " + Formats.money(rev[k]);
        String text = retention ? Formats.percent(ret[k]) : Formats.compact(rev[k]);
        double v = retention ? ret[k] : rev[k];
        double intensity = maxLater <= 0 ? (k == 0 ? 1 : 0) : Math.min(1, Math.max(0, v / maxLater));
        out.add(new Cell(i, k, "cell-" + c.cohort() + "-" + k, text, intensity, tip));
      }
    }
    return out;
  }
}
