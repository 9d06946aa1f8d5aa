package dev.segmentlab.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HungarianTest {

  @Test
  void solvesAClassicSquareExample() {
    double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    int[] a = Hungarian.solve(cost);
    assertThat(a).containsExactly(1, 0, 2);
    assertThat(Hungarian.cost(cost, a)).isEqualTo(5);
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({"5,5", "4,6", "6,4", "1,3", "3,1", "2,2"})
  void matchesBruteForceOnRandomMatrices(int rows, int cols) {
    Random random = new Random(20240601L + 31L * rows + cols);
    for (int trial = 0; trial < 200; trial++) {
      double[][] cost = new double[rows][cols];
      for (double[] row : cost) for (int j = 0; j < cols; j++) row[j] = random.nextInt(20) - 5 + random.nextDouble();
      int[] a = Hungarian.solve(cost);
      assertValid(a, rows, cols);
      assertThat(Hungarian.cost(cost, a)).isCloseTo(bruteForce(cost), within(1e-9));
    }
  }

  @Test
  void handlesTiesAndEmptyMatrices() {
    int[] a = Hungarian.solve(new double[][] {{1, 1}, {1, 1}});
    assertValid(a, 2, 2);
    assertThat(Hungarian.solve(new double[0][])).isEmpty();
    assertThat(Hungarian.solve(new double[2][0])).containsExactly(-1, -1);
  }

  @Test
  void rejectsRaggedOrNonFinite() {
    assertThatThrownBy(() -> Hungarian.solve(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hungarian.solve(new double[][] {{1, Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertValid(int[] a, int rows, int cols) {
    assertThat(a).hasSize(rows);
    assertThat(Arrays.stream(a).filter(j -> j >= 0).count()).isEqualTo(Math.min(rows, cols));
    assertThat(Arrays.stream(a).filter(j -> j >= 0).distinct().count()).isEqualTo(Math.min(rows, cols));
    assertThat(Arrays.stream(a).allMatch(j -> j >= -1 && j < cols)).isTrue();
  }

  /** Minimum over every injective map from the smaller side to the larger. */
  private static double bruteForce(double[][] cost) {
    int rows = cost.length, cols = cost[0].length;
    if (rows > cols) {
      double[][] t = new double[cols][rows];
      for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j][i] = cost[i][j];
      return bruteForce(t);
    }
    return best(cost, 0, new boolean[cols]);
  }

  private static double best(double[][] cost, int row, boolean[] used) {
    if (row == cost.length) return 0;
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j < used.length; j++) {
      if (used[j]) continue;
      used[j] = true;
      best = Math.min(best, cost[row][j] + best(cost, row + 1, used));
      used[j] = false;
    }
    return best;
  }
}
