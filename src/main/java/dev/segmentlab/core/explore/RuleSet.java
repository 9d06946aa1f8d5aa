package dev.segmentlab.core.explore;

import java.util.List;

/**
 * The result of {@link AssociationRules#mine}.
 *
 * @param rules the best rules by descending lift (then confidence, support, codes), at most
 *     {@link AssociationRules.Options#topN()}
 * @param baskets invoices with at least one product line among the analysed rows (the support denominator)
 * @param products distinct products in those baskets
 * @param minCount the minimum support as a basket count: ceil(minSupport × baskets), at least 1
 * @param frequentItemsets itemsets (of any size up to the maximum length) reaching {@code minCount}
 * @param rulesFound rules passing every threshold, before the top-N cut
 */
public record RuleSet(List<Rule> rules, int baskets, int products, int minCount, int frequentItemsets,
    int rulesFound) {
  public RuleSet {
    rules = List.copyOf(rules);
  }
}
