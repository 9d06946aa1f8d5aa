package dev.segmentlab.core.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Chart data for the segment screen: snake plot, relative-importance heatmap and box plots. Values only; the
 * View turns them into chart nodes.
 */
public final class SegmentCharts {
  private SegmentCharts() {}

  /**
   * A matrix of numbers by segment (rows, index = segment id) and feature (columns).
   *
   * @param featureNames column names
   * @param values       {@code values.get(segment).get(feature)}; {@code NaN} where undefined
   */
  public record SegmentMatrix(List<String> featureNames, List<List<Double>> values) {
    /** Copies; @throws NullPointerException if an argument is null */
    public SegmentMatrix {
      featureNames = List.copyOf(featureNames);
      values = values.stream().map(List::copyOf).toList();
    }

    /** The value of one segment and feature. @throws IndexOutOfBoundsException if out of range */
    public double get(int segment, int feature) {
      return values.get(segment).get(feature);
    }
  }

  /**
   * Box-plot figures of one feature within one segment, in the feature's original units. Quartiles use linear
   * interpolation (R type 7); whiskers follow Tukey: they end at the most extreme values within 1.5 IQR of the
   * quartiles, and values beyond them are outliers. All figures are {@code NaN} when {@code count} is 0.
   *
   * @param segment      segment id
   * @param feature      feature index
   * @param count        customers in the segment
   * @param lowerWhisker smallest value &ge; Q1 − 1.5 IQR
   * @param upperWhisker largest value &le; Q3 + 1.5 IQR
   * @param outliers     number of values outside the whiskers
   */
  public record BoxStats(int segment, int feature, int count, double min, double q1, double median, double q3,
      double max, double lowerWhisker, double upperWhisker, int outliers) {}

  /**
   * Box plots of every raw feature, grouped by feature because the UI draws one chart per feature.
   *
   * @param featureNames feature names
   * @param byFeature    {@code byFeature.get(feature).get(segment)}
   */
  public record BoxPlots(List<String> featureNames, List<List<BoxStats>> byFeature) {
    /** Copies; @throws NullPointerException if an argument is null */
    public BoxPlots {
      featureNames = List.copyOf(featureNames);
      byFeature = byFeature.stream().map(List::copyOf).toList();
    }

    /** @throws IndexOutOfBoundsException if out of range */
    public BoxStats get(int feature, int segment) {
      return byFeature.get(feature).get(segment);
    }
  }

  /**
   * Snake plot: the mean of each standardized feature per segment, i.e. how many (scaled) standard deviations a
   * segment sits above or below the average customer. {@code NaN} for an empty segment.
   */
  public static SegmentMatrix snake(SegmentInput input) {
    Objects.requireNonNull(input, "input");
    return new SegmentMatrix(Arrays.asList(input.featureNames()), segmentMeans(input.scaled(), input.labels(),
        input.k()));
  }

  /**
   * Relative importance: segment mean ÷ overall mean − 1 for each raw feature, so 0.5 means "50 % above the
   * average customer". When the overall mean is 0 (relative to the column's magnitude, 1e-12) the ratio has no
   * meaning and the cell is {@code NaN}; so is every cell of an empty segment.
   */
  public static SegmentMatrix relativeImportance(SegmentInput input) {
    Objects.requireNonNull(input, "input");
    double[][] raw = input.raw();
    int d = input.dimension();
    List<List<Double>> means = segmentMeans(raw, input.labels(), input.k());
    double[] overall = new double[d];
    double[] magnitude = new double[d];
    for (double[] row : raw) {
      for (int j = 0; j < d; j++) {
        overall[j] += row[j];
        magnitude[j] = Math.max(magnitude[j], Math.abs(row[j]));
      }
    }
    List<List<Double>> values = new ArrayList<>();
    for (List<Double> segment : means) {
      List<Double> row = new ArrayList<>(d);
      for (int j = 0; j < d; j++) {
        double mean = overall[j] / raw.length;
        boolean zero = Math.abs(mean) <= 1e-12 * magnitude[j];
        row.add(zero ? Double.NaN : segment.get(j) / mean - 1);
      }
      values.add(row);
    }
    return new SegmentMatrix(Arrays.asList(input.featureNames()), values);
  }

  /** Box-plot figures of every raw feature in every segment; see {@link BoxStats}. */
  public static BoxPlots boxPlots(SegmentInput input) {
    Objects.requireNonNull(input, "input");
    List<List<BoxStats>> byFeature = new ArrayList<>();
    for (int j = 0; j < input.dimension(); j++) {
      double[] column = input.rawColumn(j);
      List<BoxStats> boxes = new ArrayList<>(input.k());
      for (int s = 0; s < input.k(); s++) boxes.add(box(s, j, Stats.select(column, input.labels(), s)));
      byFeature.add(boxes);
    }
    return new BoxPlots(Arrays.asList(input.featureNames()), byFeature);
  }

  static BoxStats box(int segment, int feature, double[] values) {
    if (values.length == 0) {
      double nan = Double.NaN;
      return new BoxStats(segment, feature, 0, nan, nan, nan, nan, nan, nan, nan, 0);
    }
    double[] v = values.clone();
    Arrays.sort(v);
    double q1 = Stats.quantileSorted(v, 0.25);
    double q3 = Stats.quantileSorted(v, 0.75);
    double lowFence = q1 - 1.5 * (q3 - q1);
    double highFence = q3 + 1.5 * (q3 - q1);
    double lowWhisker = Double.NaN;
    double highWhisker = Double.NaN;
    int outliers = 0;
    for (double x : v) {
      if (x < lowFence || x > highFence) {
        outliers++;
      } else {
        if (Double.isNaN(lowWhisker)) lowWhisker = x;
        highWhisker = x;
      }
    }
    return new BoxStats(segment, feature, v.length, v[0], q1, Stats.quantileSorted(v, 0.5), q3, v[v.length - 1],
        lowWhisker, highWhisker, outliers);
  }

  private static List<List<Double>> segmentMeans(double[][] x, int[] labels, int k) {
    int d = x[0].length;
    double[][] sums = new double[k][d];
    int[] counts = new int[k];
    for (int i = 0; i < x.length; i++) {
      counts[labels[i]]++;
      for (int j = 0; j < d; j++) sums[labels[i]][j] += x[i][j];
    }
    List<List<Double>> out = new ArrayList<>(k);
    for (int s = 0; s < k; s++) {
      List<Double> row = new ArrayList<>(d);
      for (int j = 0; j < d; j++) row.add(counts[s] == 0 ? Double.NaN : sums[s][j] / counts[s]);
      out.add(row);
    }
    return out;
  }
}
