package dev.segmentlab.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductPairTest {
  @Test
  void mirroredRulesBecomeOneRowAndTriplesAreLeftOut() {
    // 100 baskets: A in 20, B in 10, both in 8 → A→B 0.4, B→A 0.8, lift 0.08 / (0.2 × 0.1) = 4
    Rule ab = new Rule(List.of("A"), List.of("B"), List.of("apple"), List.of("bread"), 0.08, 0.4, 4, 8);
    Rule ba = new Rule(List.of("B"), List.of("A"), List.of("bread"), List.of("apple"), 0.08, 0.8, 4, 8);
    Rule triple = new Rule(List.of("A", "B"), List.of("C"), List.of("apple", "bread"), List.of("cheese"), 0.05, 0.6, 6, 5);
    Rule cd = new Rule(List.of("D"), List.of("C"), List.of("dates"), List.of("cheese"), 0.05, 0.5, 2, 5);
    List<ProductPair> pairs = ProductPair.of(List.of(ba, triple, ab, cd), 10);
    assertThat(pairs).hasSize(2);
    ProductPair p = pairs.get(0);
    assertThat(List.of(p.first(), p.second(), p.firstDescription(), p.secondDescription()))
        .containsExactly("A", "B", "apple", "bread");
    assertThat(p.firstThenSecond()).isCloseTo(0.4, within(1e-12));
    assertThat(p.secondThenFirst()).isCloseTo(0.8, within(1e-12));
    assertThat(p.confidence()).isCloseTo(0.8, within(1e-12));
    assertThat(p.lift()).isEqualTo(4);
    // only D → C passed the thresholds: C → D is derived (support 0.05, support(C) = 0.5 / 2 = 0.25 → 0.2)
    ProductPair q = pairs.get(1);
    assertThat(List.of(q.first(), q.second())).containsExactly("C", "D");
    assertThat(q.firstThenSecond()).isCloseTo(0.2, within(1e-12));
    assertThat(q.secondThenFirst()).isCloseTo(0.5, within(1e-12));
    assertThat(ProductPair.of(List.of(ab, ba, cd), 1)).hasSize(1);
  }
}
