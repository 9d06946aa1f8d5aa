package dev.segmentlab.core.explore;

import java.util.List;

/**
 * An association rule "baskets with the antecedent also tend to hold the consequent".
 *
 * @param antecedent normalised stock codes, ascending
 * @param consequent normalised stock codes, ascending, disjoint from the antecedent
 * @param antecedentDescriptions the most frequent description of each antecedent code, same order
 * @param consequentDescriptions the most frequent description of each consequent code, same order
 * @param support fraction of baskets holding antecedent and consequent, in (0, 1]
 * @param confidence support(antecedent ∪ consequent) / support(antecedent), in (0, 1]
 * @param lift confidence / support(consequent), &gt; 0; 1 means independence
 * @param count number of baskets holding antecedent and consequent
 */
public record Rule(List<String> antecedent, List<String> consequent, List<String> antecedentDescriptions,
    List<String> consequentDescriptions, double support, double confidence, double lift, int count) {
  public Rule {
    antecedent = List.copyOf(antecedent);
    consequent = List.copyOf(consequent);
    antecedentDescriptions = List.copyOf(antecedentDescriptions);
    consequentDescriptions = List.copyOf(consequentDescriptions);
  }
}
