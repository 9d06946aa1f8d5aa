package dev.segmentlab.core.value;

import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.quality.CleanedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Customer value as clustering features and export columns: {@value #CLV} (the discounted value of the next 12
 * months, in the data's money) and {@value #P_ALIVE} (0..1), from the BG/NBD + Gamma-Gamma fit of
 * {@link ValueAnalysis#shared}. They are added on request only (fitting costs about 0.4 s CPU on Online Retail),
 * and only for transactions.
 */
public final class ValueFeatures {
  /** Feature key of the 12-month CLV. */
  public static final String CLV = "clv";
  /** Feature key of P(alive). */
  public static final String P_ALIVE = "p_alive";
  /** Both keys, in column order. */
  public static final List<String> KEYS = List.of(CLV, P_ALIVE);

  private ValueFeatures() {}

  /** Whether any of {@code features} is a value feature. */
  public static boolean wanted(List<String> features) {
    return features.stream().anyMatch(KEYS::contains);
  }

  /**
   * {@code cf} with {@value #CLV} and {@value #P_ALIVE} appended (same ids, same order), unless it has them.
   * A customer the value model does not know (none in practice: both come from the same cleaned rows) gets 0.
   *
   * @param cleaned the rows {@code cf} was built from
   * @throws IllegalArgumentException when the models cannot be fitted (e.g. no repeat customer), with the reason
   */
  public static CustomerFeatures add(CustomerFeatures cf, CleanedData cleaned) {
    if (cf.has(CLV) && cf.has(P_ALIVE)) return cf;
    ValueAnalysis v;
    try {
      v = ValueAnalysis.shared(cleaned, ValueOptions.defaults());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CLV and P(alive) cannot be computed on this data: " + e.getMessage(), e);
    }
    double[][] cols = columns(v, cf.ids());
    List<String> names = new ArrayList<>(cf.names());
    List<double[]> columns = new ArrayList<>(List.of(cf.columns()));
    for (int j = 0; j < KEYS.size(); j++) {
      if (cf.has(KEYS.get(j))) continue;
      names.add(KEYS.get(j));
      columns.add(cols[j]);
    }
    return new CustomerFeatures(cf.ids(), names, columns.toArray(new double[0][]), cf.countries(), cf.snapshot(),
        cf.customerCodes());
  }

  /**
   * {@code cf} with the value features when {@code features} asks for one that {@code cf} lacks; otherwise
   * {@code cf} itself.
   *
   * @param cleaned the rows {@code cf} was built from, or null (customer table: nothing is added)
   * @throws IllegalArgumentException when a value feature is asked for a customer table, or the fit fails
   */
  public static CustomerFeatures ensure(CustomerFeatures cf, CleanedData cleaned, List<String> features) {
    if (features.stream().noneMatch(f -> KEYS.contains(f) && !cf.has(f))) return cf;
    if (cleaned == null) {
      throw new IllegalArgumentException("The features clv and p_alive need transactions (dates and amounts); this is a customer table.");
    }
    return add(cf, cleaned);
  }

  /** {@code [0]} = CLV, {@code [1]} = P(alive) for each id (0 for an id the analysis lacks). */
  static double[][] columns(ValueAnalysis v, String[] ids) {
    Map<String, Integer> row = v.summary().index();
    double[] clv = new double[ids.length], alive = new double[ids.length];
    for (int i = 0; i < ids.length; i++) {
      Integer j = row.get(ids[i]);
      if (j == null) continue;
      clv[i] = v.values().clv()[j];
      alive[i] = v.values().pAlive()[j];
    }
    return new double[][] {clv, alive};
  }
}
