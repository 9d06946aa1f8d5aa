package dev.segmentlab.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ComparisonTest {
  @Test
  void ariAndNmiMatchScikitLearn() {
    // scikit-learn 1.2.1: adjusted_rand_score = 0.09090909090909091, normalized_mutual_info_score = 0.39464837163589433
    int[] a = {0, 0, 0, 1, 1, 1, 2, 2, 2, 2};
    int[] b = {0, 0, 1, 1, 1, 2, 2, 2, 0, 0};
    Comparison c = Comparison.of(a, 3, b, 3);
    assertThat(c.ari()).isCloseTo(0.09090909090909091, within(1e-12));
    assertThat(c.nmi()).isCloseTo(0.39464837163589433, within(1e-12));
    assertThat(c.contingency()).isEqualTo(new int[][] {{2, 1, 0}, {0, 2, 1}, {2, 0, 2}});
  }

  @Test
  void aSolutionComparedWithItselfIsTheDiagonal() {
    int[] a = {2, 0, 1, 1, 0, 2, 2, 0};
    Comparison c = Comparison.of(a, 3, a, 3);
    assertThat(c.ari()).isEqualTo(1.0);
    assertThat(c.nmi()).isCloseTo(1.0, within(1e-12));
    assertThat(c.contingency()).isEqualTo(new int[][] {{3, 0, 0}, {0, 2, 0}, {0, 0, 3}});
    assertThat(c.moved()).isEmpty();
  }

  @Test
  void renumberingMovesNoOneAndCustomersAreMatchedById() {
    String[] idsA = {"c1", "c2", "c3", "c4", "c5"};
    String[] idsB = {"c5", "c4", "c3", "c2", "x9"};
    Comparison c = Comparison.of(idsA, new int[] {0, 0, 1, 1, 1}, 2, idsB, new int[] {0, 0, 1, 1, 0}, 2);
    // matched: c2 (A0, B1), c3 (A1, B1), c4 (A1, B0), c5 (A1, B0)
    assertThat(c.matched()).isEqualTo(4);
    assertThat(c.onlyInA()).isEqualTo(1);
    assertThat(c.onlyInB()).isEqualTo(1);
    assertThat(c.contingency()).isEqualTo(new int[][] {{0, 1}, {2, 1}});
    assertThat(c.moved()).containsExactly(new Comparison.Move("c3", 1, 1));
    assertThatThrownBy(() -> Comparison.of(new String[] {"a"}, new int[] {0}, 1, new String[] {"b"}, new int[] {0}, 1))
        .hasMessageContaining("no customer in common");
  }
}
