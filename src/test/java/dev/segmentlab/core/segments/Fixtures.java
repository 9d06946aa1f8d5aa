package dev.segmentlab.core.segments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Hand-made inputs shared by the segment tests. */
final class Fixtures {
  private Fixtures() {}

  /** Z-scores per column (population sd), as the feature step would hand to k-means. */
  static double[][] standardize(double[][] x) {
    int n = x.length, d = x[0].length;
    double[][] z = new double[n][d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (double[] row : x) mean += row[j];
      mean /= n;
      double var = 0;
      for (double[] row : x) var += (row[j] - mean) * (row[j] - mean);
      double sd = Math.sqrt(var / n);
      for (int i = 0; i < n; i++) z[i][j] = sd == 0 ? 0 : (x[i][j] - mean) / sd;
    }
    return z;
  }

  /** Mean of the rows of {@code x} per label: the centroids k-means would report. */
  static double[][] centroids(double[][] x, int[] labels, int k) {
    int d = x[0].length;
    double[][] c = new double[k][d];
    int[] counts = new int[k];
    for (int i = 0; i < x.length; i++) {
      counts[labels[i]]++;
      for (int j = 0; j < d; j++) c[labels[i]][j] += x[i][j];
    }
    for (int s = 0; s < k; s++) for (int j = 0; j < d; j++) c[s][j] = counts[s] == 0 ? 0 : c[s][j] / counts[s];
    return c;
  }

  static String[] ids(int n) {
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) ids[i] = "C" + i;
    return ids;
  }

  /** Builds an RFM-mode input from raw rows; scaled = z-scores, centroids = label means of the z-scores. */
  static SegmentInput rfm(double[][] raw, int[] labels, int k, String[] countries) {
    double[][] z = standardize(raw);
    return SegmentInput.forTransactions(ids(raw.length), labels, k,
        new String[] {"recency", "frequency", "monetary"}, raw, z, centroids(z, labels, k), countries);
  }

  /**
   * Appends {@code count} customers around (recency, frequency, monetary) with a small symmetric spread, so that
   * each group's mean sits in the middle of its block of the customer distribution.
   */
  static void group(List<double[]> rows, List<Integer> labels, int label, int count, double r, double f,
      double m, double rStep, double fStep, double mStep) {
    for (int i = 0; i < count; i++) {
      double off = i - (count - 1) / 2.0;
      rows.add(new double[] {r + off * rStep, f + off * fStep, m + off * mStep});
      labels.add(label);
    }
  }

  /** The 200 rows of Mall Customers: Age, Annual Income (k$), Spending Score (1-100). */
  static double[][] mallCustomers() {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Fixtures.class.getResourceAsStream("/segments/mall-customers.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) continue;
        String[] f = line.split(",");
        rows.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.toArray(new double[0][]);
  }

  static int[] toArray(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }
}
