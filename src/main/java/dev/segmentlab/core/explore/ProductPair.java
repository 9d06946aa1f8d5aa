package dev.segmentlab.core.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two products bought together, one row per unordered pair (A + B), with the confidence of both directions: the
 * two mirrored rules A → B and B → A share support and lift, so listing both repeats the same pair.
 *
 * @param first the stock code that sorts first
 * @param second the other stock code
 * @param firstDescription the most frequent description of {@code first}
 * @param secondDescription likewise for {@code second}
 * @param support fraction of baskets holding both, in (0, 1]
 * @param firstThenSecond confidence of "bought first → also second": support / support(first)
 * @param secondThenFirst confidence of "bought second → also first"
 * @param lift support / (support(first) × support(second)); 1 means independence
 * @param count baskets holding both
 */
public record ProductPair(String first, String second, String firstDescription, String secondDescription,
    double support, double firstThenSecond, double secondThenFirst, double lift, int count) {

  /** The stronger of the two confidences. */
  public double confidence() { return Math.max(firstThenSecond, secondThenFirst); }

  /**
   * The pairs of the two-item rules among {@code rules} (three-item rules are left out), strongest lift first
   * (then support, then codes).
   *
   * @param limit at most this many pairs
   */
  public static List<ProductPair> of(List<Rule> rules, int limit) {
    Map<String, ProductPair> pairs = new LinkedHashMap<>();
    for (Rule r : rules) {
      if (r.antecedent().size() != 1 || r.consequent().size() != 1) continue;
      String a = r.antecedent().get(0), b = r.consequent().get(0);
      // support(b) = confidence(a → b) / lift, so confidence(b → a) = support / support(b)
      double reverse = r.support() * r.lift() / r.confidence();
      boolean aFirst = a.compareTo(b) <= 0;
      ProductPair p = aFirst
          ? new ProductPair(a, b, r.antecedentDescriptions().get(0), r.consequentDescriptions().get(0), r.support(),
              r.confidence(), reverse, r.lift(), r.count())
          : new ProductPair(b, a, r.consequentDescriptions().get(0), r.antecedentDescriptions().get(0), r.support(),
              reverse, r.confidence(), r.lift(), r.count());
      pairs.putIfAbsent(p.first() + "\u0000" + p.second(), p);
    }
    List<ProductPair> out = new ArrayList<>(pairs.values());
    out.sort(Comparator.comparingDouble(ProductPair::lift).reversed()
        .thenComparing(Comparator.comparingDouble(ProductPair::support).reversed())
        .thenComparing(ProductPair::first).thenComparing(ProductPair::second));
    return List.copyOf(out.subList(0, Math.min(limit, out.size())));
  }
}
