package dev.segmentlab.core.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic test matrices. */
final class Fixtures {
  private Fixtures() {}

  /** Gaussian blobs (sd 1) of {@code perBlob} points around the given centres, rows in blob order. */
  static double[][] blobs(double[][] centres, int perBlob, long seed) {
    Random r = new Random(seed);
    int d = centres[0].length;
    double[][] x = new double[centres.length * perBlob][d];
    for (int b = 0; b < centres.length; b++) {
      for (int i = 0; i < perBlob; i++) {
        for (int f = 0; f < d; f++) x[b * perBlob + i][f] = centres[b][f] + r.nextGaussian();
      }
    }
    return x;
  }

  /** Three well-separated 2-D blobs, 100 points each: blob b is rows 100b .. 100b+99. */
  static double[][] threeBlobs() {
    return blobs(new double[][] {{0, 0}, {10, 0}, {5, 9}}, 100, 7);
  }

  static double[][] uniform(int n, int d, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) for (int f = 0; f < d; f++) row[f] = r.nextDouble();
    return x;
  }

  /** The Online Retail RFM table: columns Recency (days), Frequency (invoices), Monetary (sterling). */
  static double[][] onlineRetailRfm() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/cluster/online-retail-rfm.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<double[]> rows = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) continue;
        String[] p = lines[i].trim().split(",");
        rows.add(new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3])});
      }
      return rows.toArray(new double[0][]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** log1p then standard scaling with the population standard deviation (scikit-learn's StandardScaler). */
  static double[][] log1pStandardised(double[][] raw) {
    int n = raw.length;
    int d = raw[0].length;
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) for (int f = 0; f < d; f++) x[i][f] = Math.log1p(Math.max(0, raw[i][f]));
    for (int f = 0; f < d; f++) {
      double m = 0;
      for (double[] row : x) m += row[f];
      m /= n;
      double v = 0;
      for (double[] row : x) v += (row[f] - m) * (row[f] - m);
      double sd = Math.sqrt(v / n);
      for (double[] row : x) row[f] = (row[f] - m) / sd;
    }
    return x;
  }

  static double wcss(double[][] x, int[] labels, double[][] centres) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      for (int f = 0; f < x[i].length; f++) {
        double t = x[i][f] - centres[labels[i]][f];
        s += t * t;
      }
    }
    return s;
  }
}
