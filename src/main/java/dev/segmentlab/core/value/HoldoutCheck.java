package dev.segmentlab.core.value;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;

/**
 * Does the purchase model predict? Fits BG/NBD on all but the last N weeks (the calibration period), predicts each
 * customer's purchase days in those weeks, and compares with what they did, grouped by the number of repeat
 * purchases in the calibration period (0, 1, …, 6, 7+), as {@code lifetimes}' {@code
 * plot_calibration_purchases_vs_holdout_purchases}.
 */
public final class HoldoutCheck {
  private HoldoutCheck() {}

  /** Calibration repeat purchases ≥ this are one group. */
  public static final int TOP_GROUP = 7;

  /**
   * @param label {@code 0} … {@code 6}, {@code 7+}
   * @param customers customers in the group
   * @param predicted mean predicted purchase days in the holdout weeks
   * @param actual mean actual purchase days in the holdout weeks
   */
  public record Group(String label, int customers, double predicted, double actual) {}

  /**
   * @param calibrationEnd the last day of the calibration period
   * @param end the last day of the holdout period
   * @param params the BG/NBD parameters fitted on the calibration period
   * @param predicted Σ predicted purchase days in the holdout weeks
   * @param actual Σ actual purchase days in the holdout weeks (of the calibration customers)
   */
  public record Result(LocalDate calibrationEnd, LocalDate end, int weeks, int customers, BgNbd.Params params,
      double logLikelihood, double predicted, double actual, List<Group> groups) {
    public Result {
      groups = List.copyOf(groups);
    }

    /** Predicted ÷ actual − 1. */
    public double relativeError() { return predicted / actual - 1; }

    /** The error in words, for the analyst. */
    public String summary() {
      return String.format(Locale.ROOT, "Fitted on the data up to %s and asked about the last %d weeks, the model "
          + "predicted %,.0f purchase days for these %,d customers; they made %,d (%s%.0f %%, %s).", calibrationEnd,
          weeks, predicted, customers, Math.round(actual), relativeError() >= 0 ? "+" : "−",
          Math.abs(100 * relativeError()), Math.abs(relativeError()) < 0.1 ? "close" : relativeError() > 0 ? "too many" : "too few");
    }
  }

  /**
   * @throws IllegalArgumentException when the calibration period would be empty or too short to fit
   */
  public static Result run(PurchaseDays days, int weeks) {
    LocalDate end = days.lastDay();
    LocalDate calEnd = end.minusDays(7L * weeks);
    PurchaseSummary cal = days.summary(calEnd);
    if (cal.size() < 10) {
      throw new IllegalArgumentException("Too few customers (" + cal.size() + ") buy before " + calEnd + " to hold out "
          + weeks + " weeks; hold out fewer weeks.");
    }
    BgNbd.Fit fit = BgNbd.fit(cal.frequency(), cal.recency(), cal.age(), false);
    Map<String, Integer> row = indexOf(days);
    double horizon = 7.0 * weeks;
    int[] n = new int[TOP_GROUP + 1];
    double[] pred = new double[TOP_GROUP + 1], act = new double[TOP_GROUP + 1];
    double totalPred = 0, totalAct = 0;
    for (int i = 0; i < cal.size(); i++) {
      double x = cal.frequency()[i];
      double p = BgNbd.expectedPurchases(fit.params(), horizon, x, cal.recency()[i], cal.age()[i]);
      int a = days.purchaseDays(row.get(cal.ids()[i]), calEnd, end);
      int g = (int) Math.min(x, TOP_GROUP);
      n[g]++;
      pred[g] += p;
      act[g] += a;
      totalPred += p;
      totalAct += a;
    }
    List<Group> groups = new ArrayList<>();
    for (int g = 0; g <= TOP_GROUP; g++) {
      if (n[g] == 0) continue;
      groups.add(new Group(g == TOP_GROUP ? TOP_GROUP + "+" : Integer.toString(g), n[g], pred[g] / n[g], act[g] / n[g]));
    }
    return new Result(calEnd, end, weeks, cal.size(), fit.params(), fit.logLikelihood(), totalPred, totalAct, groups);
  }

  private static Map<String, Integer> indexOf(PurchaseDays days) {
    Map<String, Integer> m = new HashMap<>(days.customers() * 2);
    for (int i = 0; i < days.customers(); i++) m.put(days.id(i), i);
    return m;
  }
}
