package dev.segmentlab.core.features;

import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.CleanedFields;
import dev.segmentlab.core.quality.OutlierDetector;
import dev.segmentlab.core.quality.OutlierReport;
import dev.segmentlab.core.quality.OutlierRule;
import dev.segmentlab.core.quality.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What happens to outliers before the customers are clustered (the treatment chosen in the Quality step):
 * <ul>
 *   <li>{@link Kind#KEEP}: nothing.</li>
 *   <li>{@link Kind#CAP}: each clustered feature is winsorised at its 1st and 99th percentiles over the customers;
 *       every customer stays.</li>
 *   <li>{@link Kind#EXCLUDE}: customers with a clustered feature outside the rule's fences (computed over the
 *       customers) are left out of clustering and get no segment.</li>
 *   <li>{@link Kind#REMOVE_ROWS}: transaction rows whose field (quantity, unit price or revenue) lies outside the
 *       rule's fences over the cleaned rows are removed before the customer features are built; in a customer
 *       table a row is a customer, so the customers outlying on that column are left out.</li>
 * </ul>
 */
public final class OutlierHandling {
  private OutlierHandling() {}

  /** The percentiles {@link Kind#CAP} caps at. */
  public static final double CAP_LOW = 0.01, CAP_HIGH = 0.99;

  public enum Kind { KEEP, CAP, EXCLUDE, REMOVE_ROWS }

  /**
   * A treatment with what it needs: the rule (exclude, remove) and the field examined (remove). Build with
   * {@link #of} so that equal treatments are equal (keep ignores the rule; cap ignores rule and field).
   */
  public record Choice(Kind kind, OutlierRule rule, String field) {
    public static final Choice KEEP = new Choice(Kind.KEEP, null, null);

    public Choice {
      Objects.requireNonNull(kind, "kind");
      if ((kind == Kind.EXCLUDE || kind == Kind.REMOVE_ROWS) && rule == null) {
        throw new IllegalArgumentException(kind + " needs a rule");
      }
      if (kind == Kind.REMOVE_ROWS && field == null) throw new IllegalArgumentException("remove needs a field");
    }

    /** The choice with only what the kind uses. */
    public static Choice of(Kind kind, OutlierRule rule, String field) {
      switch (kind) {
        case KEEP: return KEEP;
        case CAP: return new Choice(Kind.CAP, null, null);
        case EXCLUDE: return new Choice(Kind.EXCLUDE, rule, null);
        default: return new Choice(Kind.REMOVE_ROWS, rule, field);
      }
    }

    /** Whether the outcome depends on which features are clustered. */
    public boolean perFeature() { return kind == Kind.CAP || kind == Kind.EXCLUDE; }
  }

  /** How many values of one feature a treatment touched. */
  public record Touched(String feature, int below, int above, double lower, double upper) {}

  /**
   * The customers after a treatment.
   *
   * @param features the customers to cluster (capped values, or fewer customers)
   * @param customers customers capped (cap) or left out (exclude, remove in a customer table)
   * @param rows transaction rows removed (remove), else 0
   * @param touched per feature, the values beyond each bound
   * @param text one sentence for the Features step, empty for keep
   */
  public record Outcome(CustomerFeatures features, int customers, int rows, List<Touched> touched, String text) {
    public Outcome {
      touched = List.copyOf(touched);
    }
  }

  /** Removes outlying transaction rows of the choice's field (remove), else returns the rows as they are. */
  public static CleanedFields.Trimmed rows(CleanedData cleaned, Choice choice) {
    if (choice.kind() != Kind.REMOVE_ROWS || cleaned == null || !CleanedFields.FIELDS.contains(choice.field())) {
      return cleaned == null ? null : new CleanedFields.Trimmed(cleaned, 0, Double.NaN, Double.NaN);
    }
    return CleanedFields.removeOutliers(cleaned, choice.field(), choice.rule());
  }

  /**
   * Applies cap or exclude to the clustered features (remove in a customer table: exclude on its field).
   *
   * @param features the clustered features (those {@code cf} lacks are ignored)
   * @param rowsRemoved the rows {@link #rows} removed, for the sentence
   */
  public static Outcome apply(CustomerFeatures cf, Choice choice, List<String> features, int rowsRemoved) {
    switch (choice.kind()) {
      case CAP: return cap(cf, present(cf, features));
      case EXCLUDE: return exclude(cf, present(cf, features), choice.rule());
      case REMOVE_ROWS:
        if (cf.has(choice.field())) return exclude(cf, List.of(choice.field()), choice.rule());
        return new Outcome(cf, 0, rowsRemoved, List.of(), String.format(Locale.ROOT,
            "%,d transaction row%s with %s outside %s removed before the customer features were built.",
            rowsRemoved, rowsRemoved == 1 ? "" : "s", choice.field(), choice.rule()));
      default: return new Outcome(cf, 0, 0, List.of(), "");
    }
  }

  private static List<String> present(CustomerFeatures cf, List<String> features) {
    return features.stream().filter(cf::has).distinct().toList();
  }

  /** Winsorises each feature at its 1st and 99th percentiles. */
  static Outcome cap(CustomerFeatures cf, List<String> features) {
    double[][] cols = cf.columns().clone();
    boolean[] hit = new boolean[cf.size()];
    List<Touched> touched = new ArrayList<>();
    for (String f : features) {
      int fi = cf.names().indexOf(f);
      double[] v = cols[fi];
      double[] sorted = Stats.sorted(Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray());
      if (sorted.length == 0) continue;
      double lo = Stats.quantile(sorted, CAP_LOW), hi = Stats.quantile(sorted, CAP_HIGH);
      double[] c = v.clone();
      int below = 0, above = 0;
      for (int i = 0; i < c.length; i++) {
        if (c[i] < lo) { c[i] = lo; below++; hit[i] = true; }
        else if (c[i] > hi) { c[i] = hi; above++; hit[i] = true; }
      }
      cols[fi] = c;
      touched.add(new Touched(f, below, above, lo, hi));
    }
    int n = count(hit);
    CustomerFeatures out = new CustomerFeatures(cf.ids(), cf.names(), cols, cf.countries(), cf.snapshot(),
        cf.customerCodes());
    return new Outcome(out, n, 0, touched, String.format(Locale.ROOT,
        "%,d customer%s capped at the 1st/99th percentile%s.", n, n == 1 ? "" : "s", detail(touched)));
  }

  /** Leaves out the customers with any of the features outside the rule's fences. */
  static Outcome exclude(CustomerFeatures cf, List<String> features, OutlierRule rule) {
    boolean[] hit = new boolean[cf.size()];
    List<Touched> touched = new ArrayList<>();
    for (String f : features) {
      double[] v = cf.column(f);
      OutlierReport rep = OutlierDetector.detect(f, v, rule, 0);
      int below = 0, above = 0;
      for (int i = 0; i < v.length; i++) {
        if (v[i] < rep.lower()) { below++; hit[i] = true; }
        else if (v[i] > rep.upper()) { above++; hit[i] = true; }
      }
      touched.add(new Touched(f, below, above, rep.lower(), rep.upper()));
    }
    int n = count(hit);
    int keep = cf.size() - n;
    String[] ids = new String[keep];
    String[] countries = cf.countries() == null ? null : new String[keep];
    int[] codes = cf.customerCodes() == null ? null : new int[keep];
    double[][] cols = new double[cf.names().size()][keep];
    for (int i = 0, j = 0; i < cf.size(); i++) {
      if (hit[i]) continue;
      ids[j] = cf.ids()[i];
      if (countries != null) countries[j] = cf.countries()[i];
      if (codes != null) codes[j] = cf.customerCodes()[i];
      for (int f = 0; f < cols.length; f++) cols[f][j] = cf.columns()[f][i];
      j++;
    }
    CustomerFeatures out = new CustomerFeatures(ids, cf.names(), cols, countries, cf.snapshot(), codes);
    return new Outcome(out, n, 0, touched, String.format(Locale.ROOT,
        "%,d customer%s outside %s left out of clustering%s.", n, n == 1 ? "" : "s", rule, detail(touched)));
  }

  private static int count(boolean[] hit) {
    int n = 0;
    for (boolean b : hit) if (b) n++;
    return n;
  }

  /** " (monetary: 44 above 3,915.4; frequency: …)" for the features that were touched. */
  private static String detail(List<Touched> touched) {
    List<String> parts = new ArrayList<>();
    for (Touched t : touched) {
      List<String> p = new ArrayList<>();
      if (t.above() > 0) p.add(String.format(Locale.ROOT, "%,d above %,.2f", t.above(), t.upper()));
      if (t.below() > 0) p.add(String.format(Locale.ROOT, "%,d below %,.2f", t.below(), t.lower()));
      if (!p.isEmpty()) parts.add(t.feature() + ": " + String.join(", ", p));
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }
}
