package dev.segmentlab.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FpGrowthTest {
  /** The textbook example (Han et al.), items a..p as 0..15 (s written as p), with duplicates that count once. */
  static final int[][] SMALL = {
      {5, 0, 2, 3, 6, 8, 12, 15},  // f a c d g i m p
      {0, 1, 2, 5, 11, 12, 14},    // a b c f l m o
      {1, 5, 7, 9, 14, 14},        // b f h j o o
      {1, 2, 10, 15, 15},          // b c k p p
      {0, 5, 2, 4, 11, 15, 12, 13} // a f c e l p m n
  };

  @ParameterizedTest
  @CsvSource({"1,16", "2,3", "3,2", "3,16", "4,16", "5,16"})
  void smallFixtureAgreesWithBruteForce(int minCount, int maxLength) {
    assertThat(asMap(FpGrowth.mine(SMALL, 16, minCount, maxLength, () -> false)))
        .isEqualTo(bruteForce(SMALL, 16, minCount, maxLength));
  }

  @Test void textbookFigures() {
    Map<List<Integer>, Integer> m = asMap(FpGrowth.mine(SMALL, 16, 3, 16, () -> false));
    // f c a m p as 5 2 0 12 15: {f,c,a,m} appears 3 times, {c,p} 3 times, {b} 3 times.
    assertThat(m).containsEntry(List.of(0, 2, 5, 12), 3).containsEntry(List.of(2, 15), 3).containsEntry(List.of(1), 3);
    assertThat(m).doesNotContainKey(List.of(0, 15));
    assertThat(m.get(List.of(5))).isEqualTo(4);
  }

  @ParameterizedTest
  @CsvSource({"1,2,2", "2,3,3", "3,5,4", "4,8,30", "5,2,30", "6,12,30"})
  void randomBasketsAgreeWithBruteForce(long seed, int minCount, int maxLength) {
    int[][] baskets = randomBaskets(new Random(seed), 200, 30);
    Map<List<Integer>, Integer> expected = bruteForce(baskets, 30, minCount, maxLength);
    assertThat(expected).isNotEmpty();
    List<FpGrowth.Itemset> mined = FpGrowth.mine(baskets, 30, minCount, maxLength, () -> false);
    assertThat(mined).hasSameSizeAs(expected.keySet());
    assertThat(asMap(mined)).isEqualTo(expected);
  }

  @Test void edgeCases() {
    assertThat(FpGrowth.mine(new int[0][], 3, 1, 3, () -> false)).isEmpty();
    assertThat(FpGrowth.mine(new int[][] {{}, {}}, 3, 1, 3, () -> false)).isEmpty();
    assertThat(FpGrowth.mine(new int[][] {{0, 1}, {0, 1}}, 2, 3, 3, () -> false)).isEmpty();
    assertThat(asMap(FpGrowth.mine(SMALL, 16, 2, Integer.MAX_VALUE, () -> false))).isEqualTo(bruteForce(SMALL, 16, 2, 16));
    assertThatThrownBy(() -> FpGrowth.mine(new int[][] {{5}}, 3, 1, 3, () -> false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FpGrowth.mine(SMALL, 16, 0, 3, () -> false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FpGrowth.mine(SMALL, 16, 1, 3, () -> true)).isInstanceOf(CancellationException.class);
  }

  /** Skewed item popularity and correlated pairs, so that long itemsets exist. */
  static int[][] randomBaskets(Random rnd, int n, int items) {
    int[][] out = new int[n][];
    for (int t = 0; t < n; t++) {
      List<Integer> b = new ArrayList<>();
      int size = 1 + rnd.nextInt(10);
      for (int k = 0; k < size; k++) {
        int item = (int) Math.min(items - 1, Math.floor(-Math.log(1 - rnd.nextDouble()) * items / 5));
        b.add(item);
        if (item % 3 == 0 && item + 1 < items && rnd.nextDouble() < 0.7) b.add(item + 1);
      }
      out[t] = b.stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** Every itemset of up to maxLength items, counted by scanning all baskets; extends only frequent sets. */
  static Map<List<Integer>, Integer> bruteForce(int[][] baskets, int items, int minCount, int maxLength) {
    boolean[][] has = new boolean[baskets.length][items];
    for (int t = 0; t < baskets.length; t++) for (int i : baskets[t]) has[t][i] = true;
    Map<List<Integer>, Integer> out = new HashMap<>();
    extend(has, new ArrayList<>(), 0, items, minCount, maxLength, out);
    return out;
  }

  private static void extend(boolean[][] has, List<Integer> prefix, int from, int items, int minCount, int maxLength,
      Map<List<Integer>, Integer> out) {
    if (prefix.size() == maxLength) return;
    for (int i = from; i < items; i++) {
      prefix.add(i);
      int count = 0;
      for (boolean[] row : has) {
        boolean all = true;
        for (int p : prefix) all &= row[p];
        if (all) count++;
      }
      // Anti-monotone: a superset of an infrequent set is infrequent, so stopping here loses nothing.
      if (count >= minCount) {
        out.put(List.copyOf(prefix), count);
        extend(has, prefix, i + 1, items, minCount, maxLength, out);
      }
      prefix.remove(prefix.size() - 1);
    }
  }

  static Map<List<Integer>, Integer> asMap(List<FpGrowth.Itemset> sets) {
    Map<List<Integer>, Integer> m = new HashMap<>();
    for (FpGrowth.Itemset s : sets) {
      List<Integer> key = Arrays.stream(s.items()).boxed().toList();
      assertThat(m.put(key, s.count())).as("itemset reported twice: %s", key).isNull();
    }
    return m;
  }
}
