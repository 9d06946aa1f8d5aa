package dev.segmentlab.core.explore;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Transactions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The exploration summary the CLI prints as JSON. Component names are the JSON keys, so Jackson can serialise
 * the record as it is; {@link #toJsonMap()} gives the same shape as plain maps and lists.
 *
 * <pre>{@code
 * {"monthly": [{"month": "2010-12", "revenue": 570422.73, "orders": 1400, "customers": 885}, …],
 *  "cohorts": [{"cohort": "2010-12", "size": 885, "retention": [1.0, 0.366, …]}, …],
 *  "rules":   [{"antecedent": ["22697"], "consequent": ["22699"], "support": 0.0294, "confidence": 0.783, "lift": 18.4}, …]}
 * }</pre>
 *
 * @param monthly revenue, orders and active customers per month
 * @param cohorts size and retention per cohort
 * @param rules the top rules by lift
 */
public record ExploreReport(List<MonthlyPoint> monthly, List<CohortRow> cohorts, List<RuleRow> rules) {
  /** How many rules the report keeps. */
  public static final int REPORT_RULES = 20;

  /**
   * @param cohort month of first purchase, {@code YYYY-MM}
   * @param size customers in the cohort
   * @param retention fraction of the cohort active in month 0, 1, … after the cohort month, each in [0, 1]
   */
  public record CohortRow(String cohort, int size, List<Double> retention) {
    public CohortRow {
      retention = List.copyOf(retention);
    }
  }

  /**
   * @param antecedent stock codes
   * @param consequent stock codes
   * @param support fraction of baskets with every code, in (0, 1]
   * @param confidence in (0, 1]
   * @param lift &gt; 0
   */
  public record RuleRow(List<String> antecedent, List<String> consequent, double support, double confidence,
      double lift) {
    public RuleRow {
      antecedent = List.copyOf(antecedent);
      consequent = List.copyOf(consequent);
    }
  }

  public ExploreReport {
    monthly = List.copyOf(monthly);
    cohorts = List.copyOf(cohorts);
    rules = List.copyOf(rules);
  }

  /** The report of already computed views; keeps the first {@value #REPORT_RULES} rules. */
  public static ExploreReport of(List<MonthlyPoint> monthly, CohortTable cohorts, RuleSet rules) {
    List<CohortRow> cohortRows = new ArrayList<>();
    for (Cohort c : cohorts.cohorts()) {
      List<Double> retention = new ArrayList<>();
      for (double f : c.retention()) retention.add(f);
      cohortRows.add(new CohortRow(c.cohort(), c.size(), retention));
    }
    List<RuleRow> ruleRows = new ArrayList<>();
    for (Rule r : rules.rules().subList(0, Math.min(REPORT_RULES, rules.rules().size()))) {
      ruleRows.add(new RuleRow(r.antecedent(), r.consequent(), r.support(), r.confidence(), r.lift()));
    }
    return new ExploreReport(monthly, cohortRows, ruleRows);
  }

  /**
   * Computes the overview's monthly series, the cohorts and the rules, and assembles the report.
   *
   * @param tx the transactions
   * @param rows strictly ascending indices of the cleaned rows
   * @param nonProduct true for a normalised stock code that is not a product
   * @param customers a segment to restrict to, or {@code null} for all customers
   * @param ruleOptions rule thresholds; at most {@value #REPORT_RULES} rules are reported whatever its topN
   * @param rc its progress: receives fractions in [0, 1]; its cancellation check: polled during the work
   * @throws IllegalArgumentException if {@code rows} are not ascending valid indices
   * @throws java.util.concurrent.CancellationException if {@code cancelled} answers true
   */
  public static ExploreReport build(Transactions tx, int[] rows, Predicate<String> nonProduct, IntPredicate customers,
      AssociationRules.Options ruleOptions, RunControl rc) {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    Overview overview = OverviewBuilder.build(tx, rows, nonProduct, customers, OverviewBuilder.Options.DEFAULT,
        RunControl.of(null, p -> progress.accept(0.2 * p), cancelled));
    CohortTable cohorts = CohortBuilder.build(tx, rows, customers, RunControl.of(null, p -> progress.accept(0.2 + 0.2 * p), cancelled));
    RuleSet rules = AssociationRules.mine(tx, rows, nonProduct, customers, ruleOptions,
        RunControl.of(null, p -> progress.accept(0.4 + 0.6 * p), cancelled));
    return of(overview.monthly(), cohorts, rules);
  }

  /** The report as nested {@link LinkedHashMap}s and lists of strings and numbers, keys in the order above. */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object> m = new ArrayList<>();
    for (MonthlyPoint p : monthly) {
      m.add(map("month", p.month(), "revenue", p.revenue(), "orders", p.orders(), "customers", p.customers()));
    }
    List<Object> c = new ArrayList<>();
    for (CohortRow r : cohorts) c.add(map("cohort", r.cohort(), "size", r.size(), "retention", r.retention()));
    List<Object> rs = new ArrayList<>();
    for (RuleRow r : rules) {
      Map<String, Object> rule = map("antecedent", r.antecedent(), "consequent", r.consequent(), "support", r.support());
      rule.put("confidence", r.confidence());
      rule.put("lift", r.lift());
      rs.add(rule);
    }
    root.put("monthly", m);
    root.put("cohorts", c);
    root.put("rules", rs);
    return root;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) out.put((String) kv[i], kv[i + 1]);
    return out;
  }
}
