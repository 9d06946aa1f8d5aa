package dev.segmentlab.core.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two segmentations of the same customers side by side: the contingency table (customers in segment a of A and
 * segment b of B), the adjusted Rand index and the normalised mutual information (both as scikit-learn defines
 * them: {@code adjusted_rand_score}, {@code normalized_mutual_info_score} with the arithmetic mean), and who moved.
 * Customers are matched by id; those in only one of the two are counted, not compared. Immutable.
 *
 * @param ids the customers in both, in A's order
 * @param a each matched customer's segment in A
 * @param b each matched customer's segment in B
 * @param contingency {@code kA × kB} counts
 * @param ari adjusted Rand index, 1 for identical partitions, about 0 for independent ones
 * @param nmi normalised mutual information in [0, 1], 1 for identical partitions
 * @param onlyInA customers of A missing from B
 * @param onlyInB customers of B missing from A
 */
public record Comparison(List<String> ids, int[] a, int[] b, int[][] contingency, double ari, double nmi,
    int onlyInA, int onlyInB) {

  public Comparison {
    ids = List.copyOf(ids);
    a = a.clone();
    b = b.clone();
    int[][] c = new int[contingency.length][];
    for (int i = 0; i < c.length; i++) c[i] = contingency[i].clone();
    contingency = c;
  }

  @Override public int[] a() { return a.clone(); }
  @Override public int[] b() { return b.clone(); }

  @Override public int[][] contingency() {
    int[][] c = new int[contingency.length][];
    for (int i = 0; i < c.length; i++) c[i] = contingency[i].clone();
    return c;
  }

  /** Customers compared. */
  public int matched() { return a.length; }

  /**
   * Compares two labellings, customers matched by id.
   *
   * @param idsA customer ids of A, unique
   * @param labelsA A's segment per customer, 0..kA-1
   * @param kA A's number of segments (≥ 1; empty segments keep their row)
   * @throws IllegalArgumentException when lengths differ, a label is out of range or no customer is in both
   */
  public static Comparison of(String[] idsA, int[] labelsA, int kA, String[] idsB, int[] labelsB, int kB) {
    Objects.requireNonNull(idsA, "idsA");
    Objects.requireNonNull(idsB, "idsB");
    if (idsA.length != labelsA.length || idsB.length != labelsB.length) {
      throw new IllegalArgumentException("one label per customer is needed");
    }
    Map<String, Integer> rowOfB = new HashMap<>(idsB.length * 2);
    for (int i = 0; i < idsB.length; i++) rowOfB.put(idsB[i], i);
    List<String> ids = new ArrayList<>();
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < idsA.length; i++) {
      Integer j = rowOfB.get(idsA[i]);
      if (j == null) continue;
      ids.add(idsA[i]);
      pairs.add(new int[] {check(labelsA[i], kA, "A"), check(labelsB[j], kB, "B")});
    }
    if (ids.isEmpty()) throw new IllegalArgumentException("the two segmentations have no customer in common");
    int n = ids.size();
    int[] a = new int[n], b = new int[n];
    int[][] table = new int[kA][kB];
    for (int i = 0; i < n; i++) {
      a[i] = pairs.get(i)[0];
      b[i] = pairs.get(i)[1];
      table[a[i]][b[i]]++;
    }
    return new Comparison(ids, a, b, table, ari(table, n), nmi(table, n), idsA.length - n, idsB.length - n);
  }

  /** The same customers in the same order: labels compared position by position. */
  public static Comparison of(int[] labelsA, int kA, int[] labelsB, int kB) {
    String[] ids = new String[labelsA.length];
    for (int i = 0; i < ids.length; i++) ids[i] = Integer.toString(i);
    return of(ids, labelsA, kA, ids.clone(), labelsB, kB);
  }

  /**
   * A customer in different segments.
   *
   * @param id customer id
   * @param from segment in A
   * @param to segment in B
   */
  public record Move(String id, int from, int to) {}

  /**
   * The customers whose segment in B is not the one most of their A segment went to (so that renumbering alone
   * moves no one), in A's order.
   */
  public List<Move> moved() {
    int kA = contingency.length;
    int[] main = new int[kA];
    for (int s = 0; s < kA; s++) {
      int best = 0;
      for (int t = 1; t < contingency[s].length; t++) if (contingency[s][t] > contingency[s][best]) best = t;
      main[s] = best;
    }
    List<Move> out = new ArrayList<>();
    for (int i = 0; i < a.length; i++) if (b[i] != main[a[i]]) out.add(new Move(ids.get(i), a[i], b[i]));
    return out;
  }

  private static int check(int label, int k, String which) {
    if (label < 0 || label >= k) throw new IllegalArgumentException("segment " + label + " of " + which + " is not in 0.." + (k - 1));
    return label;
  }

  private static double choose2(double v) {
    return v * (v - 1) / 2;
  }

  static double ari(int[][] t, int n) {
    double sumCells = 0, sumRows = 0, sumCols = 0;
    int kB = t.length == 0 ? 0 : t[0].length;
    double[] cols = new double[kB];
    for (int[] row : t) {
      double r = 0;
      for (int j = 0; j < kB; j++) {
        sumCells += choose2(row[j]);
        r += row[j];
        cols[j] += row[j];
      }
      sumRows += choose2(r);
    }
    for (double c : cols) sumCols += choose2(c);
    double expected = sumRows * sumCols / choose2(n);
    double max = (sumRows + sumCols) / 2;
    if (max == expected) return 1.0; // both trivial (one cluster, or all singletons): scikit-learn's convention
    return (sumCells - expected) / (max - expected);
  }

  static double nmi(int[][] t, int n) {
    int kB = t.length == 0 ? 0 : t[0].length;
    double[] rows = new double[t.length], cols = new double[kB];
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < kB; j++) {
        rows[i] += t[i][j];
        cols[j] += t[i][j];
      }
    }
    double hA = entropy(rows, n), hB = entropy(cols, n);
    double mi = 0;
    for (int i = 0; i < t.length; i++) {
      for (int j = 0; j < kB; j++) {
        if (t[i][j] == 0) continue;
        double p = (double) t[i][j] / n;
        mi += p * Math.log(p * n * n / (rows[i] * cols[j]));
      }
    }
    if (hA == 0 && hB == 0) return 1.0; // both a single cluster: scikit-learn's convention
    double norm = (hA + hB) / 2;
    return norm == 0 ? 0 : Math.max(0, Math.min(1, mi / norm));
  }

  private static double entropy(double[] counts, int n) {
    double h = 0;
    for (double c : counts) if (c > 0) h -= c / n * Math.log(c / n);
    return h;
  }
}
