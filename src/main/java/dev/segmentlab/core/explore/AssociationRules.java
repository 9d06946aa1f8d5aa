package dev.segmentlab.core.explore;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Transactions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Association rules between products bought in the same invoice ("market basket analysis"). Each invoice is a
 * set of normalised stock codes, non-product codes excluded; frequent itemsets come from {@link FpGrowth} and
 * every split of a frequent itemset into antecedent ⇒ consequent is scored by support, confidence and lift.
 */
public final class AssociationRules {
  /** The largest {@link Options#maxLength()}: an itemset of length k yields 2^k − 2 rules. */
  public static final int MAX_LENGTH_LIMIT = 8;

  /**
   * @param minSupport minimum fraction of baskets holding the whole rule, in (0, 1]
   * @param minConfidence minimum confidence, in [0, 1]
   * @param minLift minimum lift, ≥ 0 (1 keeps only positive associations)
   * @param maxLength largest itemset (antecedent + consequent) size, in [2, {@value #MAX_LENGTH_LIMIT}]
   * @param topN how many rules to keep, ≥ 1
   */
  public record Options(double minSupport, double minConfidence, double minLift, int maxLength, int topN) {
    /** Support 1%, any confidence, lift ≥ 1, itemsets of up to 3 products, top 20 rules. */
    public static final Options DEFAULT = new Options(0.01, 0.0, 1.0, 3, 20);

    public Options {
      if (!(minSupport > 0 && minSupport <= 1)) throw new IllegalArgumentException("minSupport must be in (0, 1], was " + minSupport);
      if (!(minConfidence >= 0 && minConfidence <= 1)) throw new IllegalArgumentException("minConfidence must be in [0, 1], was " + minConfidence);
      if (!(minLift >= 0 && Double.isFinite(minLift))) throw new IllegalArgumentException("minLift must be finite and >= 0, was " + minLift);
      if (maxLength < 2 || maxLength > MAX_LENGTH_LIMIT) throw new IllegalArgumentException("maxLength must be in [2, " + MAX_LENGTH_LIMIT + "], was " + maxLength);
      if (topN < 1) throw new IllegalArgumentException("topN must be >= 1, was " + topN);
    }

    public Options withMinSupport(double v) { return new Options(v, minConfidence, minLift, maxLength, topN); }
    public Options withMinConfidence(double v) { return new Options(minSupport, v, minLift, maxLength, topN); }
    public Options withMinLift(double v) { return new Options(minSupport, minConfidence, v, maxLength, topN); }
    public Options withMaxLength(int v) { return new Options(minSupport, minConfidence, minLift, v, topN); }
    public Options withTopN(int v) { return new Options(minSupport, minConfidence, minLift, maxLength, v); }
  }

  private AssociationRules() {}

  /** {@link #mine(Transactions, int[], Predicate, IntPredicate, Options, RunControl)} over all customers. */
  public static RuleSet mine(Transactions tx, int[] rows, Predicate<String> nonProduct, Options options) {
    return mine(tx, rows, nonProduct, null, options, RunControl.none());
  }

  /**
   * Mines association rules over the invoices of {@code rows}.
   *
   * @param tx the transactions
   * @param rows strictly ascending indices of the rows to use (the cleaned rows)
   * @param nonProduct true for a normalised (trimmed, upper-case) stock code that is not a product
   * @param customers restrict baskets to these customers (a segment), or {@code null} for all; supports are then
   *     fractions of the segment's baskets. Descriptions always come from all of {@code rows}.
   * @param options thresholds, maximum length and how many rules to return
   * @param rc its progress: receives fractions in [0, 1]; its cancellation check: polled during the work
   * @throws IllegalArgumentException if {@code rows} are not ascending valid indices
   * @throws java.util.concurrent.CancellationException if {@code cancelled} answers true
   */
  public static RuleSet mine(Transactions tx, int[] rows, Predicate<String> nonProduct, IntPredicate customers,
      Options options, RunControl rc) {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    Progress.checkRows(rows, tx.size());
    Progress.report(progress, 0.0);
    StockCodes codes = StockCodes.of(tx.stockCode(), nonProduct);
    int[] sel = CustomerFilter.select(tx.customer(), rows, customers);
    Baskets baskets = Baskets.of(tx, sel, codes, cancelled);
    int n = baskets.items.length;
    // The epsilon keeps 0.01 × 1800 = 18.000000000000004 from demanding 19 baskets.
    int minCount = Math.max(1, (int) Math.ceil(options.minSupport() * n - 1e-9));
    Progress.report(progress, 0.1);
    List<FpGrowth.Itemset> itemsets = FpGrowth.mine(baskets.items, codes.products.length, minCount,
        options.maxLength(), cancelled);
    Progress.report(progress, 0.7);
    List<Candidate> candidates = candidates(itemsets, n, options, codes.products, cancelled);
    Progress.report(progress, 0.9);
    String[] descriptions = codes.descriptions(tx, rows);
    Comparator<Candidate> order = Comparator.comparingDouble(Candidate::lift).reversed()
        .thenComparing(Comparator.comparingDouble(Candidate::confidence).reversed())
        .thenComparing(Comparator.comparingDouble(Candidate::support).reversed())
        .thenComparing((a, b) -> compareCodes(a.antecedent, b.antecedent, codes.products))
        .thenComparing((a, b) -> compareCodes(a.consequent, b.consequent, codes.products));
    candidates.sort(order);
    List<Rule> rules = new ArrayList<>();
    for (Candidate c : candidates.subList(0, Math.min(options.topN(), candidates.size()))) {
      rules.add(new Rule(names(c.antecedent, codes.products), names(c.consequent, codes.products),
          names(c.antecedent, descriptions), names(c.consequent, descriptions), c.support, c.confidence, c.lift, c.count));
    }
    Progress.report(progress, 1.0);
    return new RuleSet(rules, n, distinctProducts(baskets), minCount, itemsets.size(), candidates.size());
  }

  /** A scored rule over product ids, before the top-N cut. */
  private record Candidate(int[] antecedent, int[] consequent, int count, double support, double confidence,
      double lift) {}

  private static List<Candidate> candidates(List<FpGrowth.Itemset> itemsets, int baskets, Options options,
      String[] products, BooleanSupplier cancelled) {
    Map<Key, Integer> countOf = new HashMap<>(itemsets.size() * 2);
    for (FpGrowth.Itemset s : itemsets) countOf.put(new Key(s.items()), s.count());
    List<Candidate> out = new ArrayList<>();
    for (FpGrowth.Itemset s : itemsets) {
      if (s.size() < 2) continue;
      Progress.check(cancelled);
      int[] items = s.items();
      int k = items.length;
      for (int mask = 1; mask < (1 << k) - 1; mask++) {
        int[] a = subset(items, mask);
        int[] c = subset(items, ~mask & ((1 << k) - 1));
        // Every subset of a frequent itemset is frequent (anti-monotonicity), so both lookups succeed.
        int countA = countOf.get(new Key(a));
        int countC = countOf.get(new Key(c));
        double support = (double) s.count() / baskets;
        double confidence = (double) s.count() / countA;
        // count·N / (countA·countC) is symmetric in A and C, so A ⇒ C and C ⇒ A get bit-identical lifts and the
        // tie-break by confidence decides their order, not rounding noise.
        double lift = (double) s.count() * baskets / ((double) countA * countC);
        if (confidence >= options.minConfidence() && lift >= options.minLift()) {
          out.add(new Candidate(byCode(a, products), byCode(c, products), s.count(), support, confidence, lift));
        }
      }
    }
    return out;
  }

  private static int[] subset(int[] items, int mask) {
    int[] out = new int[Integer.bitCount(mask)];
    int n = 0;
    for (int i = 0; i < items.length; i++) if ((mask & (1 << i)) != 0) out[n++] = items[i];
    return out;
  }

  private static int compareCodes(int[] a, int[] b, String[] products) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int c = products[a[i]].compareTo(products[b[i]]);
      if (c != 0) return c;
    }
    return Integer.compare(a.length, b.length);
  }

  /** Product ids reordered by their stock code, so rules list codes alphabetically. */
  private static int[] byCode(int[] ids, String[] products) {
    if (ids.length == 1) return ids;
    return Arrays.stream(ids).boxed().sorted(Comparator.comparing(i -> products[i])).mapToInt(Integer::intValue).toArray();
  }

  private static List<String> names(int[] ids, String[] names) {
    String[] out = new String[ids.length];
    for (int i = 0; i < ids.length; i++) out[i] = names[ids[i]];
    return List.of(out);
  }

  private static int distinctProducts(Baskets baskets) {
    boolean[] seen = new boolean[baskets.codes.products.length];
    int n = 0;
    for (int[] b : baskets.items) {
      for (int p : b) {
        if (!seen[p]) { seen[p] = true; n++; }
      }
    }
    return n;
  }

  /** An itemset as a hash key. */
  private static final class Key {
    private final int[] items;
    private final int hash;

    Key(int[] items) {
      this.items = items;
      this.hash = Arrays.hashCode(items);
    }

    @Override public boolean equals(Object o) { return o instanceof Key k && Arrays.equals(items, k.items); }

    @Override public int hashCode() { return hash; }
  }
}
