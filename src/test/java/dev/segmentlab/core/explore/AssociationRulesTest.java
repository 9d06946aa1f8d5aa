package dev.segmentlab.core.explore;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.data.Transactions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class AssociationRulesTest {
  private static final AssociationRules.Options ANY = new AssociationRules.Options(0.25, 0.0, 0.0, 3, 100);

  /**
   * In comments A, B, C, D stand for the codes 10A, 20B, 30C, 40D (the bare letters B and D are non-product
   * codes). Seven invoices: T1 {A,B}, T2 {A,B}, T3 {A,B,C}, T4 {C,D,POST}, T5 {C,"40d "}, T6 {D}, T7 {A,POST};
   * T8 holds only postage and is no basket. Customer X owns T1–T3, Y owns T4–T8.
   * Counts: A 4, B 3, C 3, D 3, AB 3, CD 2, AC 1, BC 1, ABC 1.
   */
  static Transactions fixture() {
    String d = "2011-05-02T10:00";
    return new TxBuilder()
        .line("T1", "10A", "APPLE", 1, d, 1, "X", "UK").line("T1", "20B", "BANANA", 1, d, 1, "X", "UK")
        .line("T2", "10A", "APPLE", 1, d, 1, "X", "UK").line("T2", "20B", "BANANA", 1, d, 1, "X", "UK")
        .line("T2", "10A", "APPLE MUG", 1, d, 1, "X", "UK")
        .line("T3", "10A", "APPLE", 1, d, 1, "X", "UK").line("T3", "20B", "BANANA", 1, d, 1, "X", "UK")
        .line("T3", "30C", "CHERRY", 1, d, 1, "X", "UK")
        .line("T4", "30C", "CHERRY", 1, d, 1, "Y", "UK").line("T4", "40D", "DATE", 1, d, 1, "Y", "UK")
        .line("T4", "POST", "POSTAGE", 1, d, 1, "Y", "UK")
        .line("T5", "30C", "CHERRY", 1, d, 1, "Y", "UK").line("T5", "40d ", "DATE", 1, d, 1, "Y", "UK")
        .line("T6", "40D", "DATE", 1, d, 1, "Y", "UK")
        .line("T7", "10A", "APPLE", 1, d, 1, "Y", "UK").line("T7", "POST", "POSTAGE", 1, d, 1, "Y", "UK")
        .line("T8", "POST", "POSTAGE", 1, d, 1, "Y", "UK")
        .build();
  }

  @Test void supportConfidenceAndLiftByHand() {
    Transactions tx = fixture();
    RuleSet rs = AssociationRules.mine(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT, ANY);
    assertThat(rs.baskets()).isEqualTo(7);
    assertThat(rs.products()).isEqualTo(4);
    assertThat(rs.minCount()).isEqualTo(2); // ceil(0.25 × 7)
    assertThat(rs.frequentItemsets()).isEqualTo(6); // A B C D AB CD
    List<Rule> r = rs.rules();
    assertThat(r).extracting(x -> x.antecedent() + "=>" + x.consequent())
        .containsExactly("[20B]=>[10A]", "[10A]=>[20B]", "[30C]=>[40D]", "[40D]=>[30C]");
    // B ⇒ A: 3 of 7 baskets; all 3 B baskets hold A; A is in 4 of 7, so lift = 1 / (4/7).
    assertRule(r.get(0), 3, 3.0 / 7, 1.0, 7.0 / 4);
    // A ⇒ B: 3 of the 4 A baskets hold B; B is in 3 of 7: lift = (3/4) / (3/7).
    assertRule(r.get(1), 3, 3.0 / 7, 0.75, 7.0 / 4);
    // C ⇒ D: 2 of the 3 C baskets hold D (one as "40d "); D is in 3 of 7.
    assertRule(r.get(2), 2, 2.0 / 7, 2.0 / 3, (2.0 / 3) / (3.0 / 7));
    assertRule(r.get(3), 2, 2.0 / 7, 2.0 / 3, (2.0 / 3) / (3.0 / 7));
    // The most frequent description wins: APPLE (×5) over APPLE MUG (×1).
    assertThat(r.get(0).consequentDescriptions()).containsExactly("APPLE");
    assertThat(r.get(0).antecedentDescriptions()).containsExactly("BANANA");
  }

  @Test void thresholdsFilterAndTopNCuts() {
    Transactions tx = fixture();
    int[] all = TxBuilder.all(tx);
    assertThat(AssociationRules.mine(tx, all, TxBuilder.NON_PRODUCT, ANY.withMinConfidence(0.8)).rules())
        .extracting(Rule::antecedent).containsExactly(List.of("20B"));
    RuleSet lifted = AssociationRules.mine(tx, all, TxBuilder.NON_PRODUCT, ANY.withMinLift(1.6));
    assertThat(lifted.rules()).hasSize(2);
    assertThat(lifted.rulesFound()).isEqualTo(2);
    RuleSet top = AssociationRules.mine(tx, all, TxBuilder.NON_PRODUCT, ANY.withTopN(1));
    assertThat(top.rules()).hasSize(1);
    assertThat(top.rulesFound()).isEqualTo(4);
    // 0.4 × 7 = 2.8 → 3 baskets: only A,B survives.
    assertThat(AssociationRules.mine(tx, all, TxBuilder.NON_PRODUCT, ANY.withMinSupport(0.4)).rules()).hasSize(2);
  }

  @Test void longerItemsetsOnlyUpToMaxLength() {
    Transactions tx = fixture();
    int[] all = TxBuilder.all(tx);
    AssociationRules.Options low = ANY.withMinSupport(0.1).withMaxLength(2);
    assertThat(AssociationRules.mine(tx, all, TxBuilder.NON_PRODUCT, low).rules())
        .allMatch(r -> r.antecedent().size() + r.consequent().size() == 2);
    RuleSet three = AssociationRules.mine(tx, all, TxBuilder.NON_PRODUCT, low.withMaxLength(3));
    Rule abToC = three.rules().stream()
        .filter(r -> r.antecedent().equals(List.of("10A", "20B")) && r.consequent().equals(List.of("30C")))
        .findFirst().orElseThrow();
    // ABC in 1 of 7; AB in 3; C in 3.
    assertRule(abToC, 1, 1.0 / 7, 1.0 / 3, (1.0 / 3) / (3.0 / 7));
    // Itemsets: 4 singles, AB AC BC CD, ABC.
    assertThat(three.frequentItemsets()).isEqualTo(9);
  }

  @Test void segmentRestrictsBasketsAndSupportDenominator() {
    Transactions tx = fixture();
    RuleSet y = AssociationRules.mine(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT,
        CustomerFilter.ofIds(tx.customer(), Set.of("Y")), ANY.withMinSupport(0.5), RunControl.none());
    // Y's baskets: T4 {C,D}, T5 {C,D}, T6 {D}, T7 {A}.
    assertThat(y.baskets()).isEqualTo(4);
    assertThat(y.rules()).extracting(x -> x.antecedent() + "=>" + x.consequent()).containsExactly("[30C]=>[40D]", "[40D]=>[30C]");
    assertRule(y.rules().get(0), 2, 0.5, 1.0, 4.0 / 3);
    assertRule(y.rules().get(1), 2, 0.5, 2.0 / 3, 4.0 / 3);
  }

  @Test void optionsAreValidated() {
    assertThatThrownBy(() -> new AssociationRules.Options(0, 0, 0, 3, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AssociationRules.Options(0.1, 1.5, 0, 3, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AssociationRules.Options(0.1, 0, -1, 3, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AssociationRules.Options(0.1, 0, 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AssociationRules.Options(0.1, 0, 0, 9, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AssociationRules.Options(0.1, 0, 0, 3, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test void cancellationThrows() {
    Transactions tx = fixture();
    assertThatThrownBy(() -> AssociationRules.mine(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT, null, ANY,
        RunControl.of(null, p -> {}, () -> true))).isInstanceOf(CancellationException.class);
  }

  private static void assertRule(Rule r, int count, double support, double confidence, double lift) {
    assertThat(r.count()).isEqualTo(count);
    assertThat(r.support()).isCloseTo(support, within(1e-12));
    assertThat(r.confidence()).isCloseTo(confidence, within(1e-12));
    assertThat(r.lift()).isCloseTo(lift, within(1e-12));
  }
}
