package dev.segmentlab.app.profiles;

import java.util.List;

/**
 * Numbers by segment (rows) and feature (columns) with the segments' names and colours: what the snake plot and
 * the heatmap draw. Immutable.
 *
 * @param features column names
 * @param names segment names, one per row
 * @param colours segment colours {@code #RRGGBB}, one per row
 * @param values {@code values[segment][feature]}, NaN where undefined
 */
public record SegmentGrid(List<String> features, List<String> names, List<String> colours, double[][] values) {
  public SegmentGrid {
    features = List.copyOf(features);
    names = List.copyOf(names);
    colours = List.copyOf(colours);
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) copy[i] = values[i].clone();
    values = copy;
    if (names.size() != values.length || colours.size() != values.length) {
      throw new IllegalArgumentException("one name and colour per row");
    }
  }

  public int rows() { return values.length; }

  public int columns() { return features.size(); }

  public double get(int segment, int feature) { return values[segment][feature]; }

  @Override public double[][] values() {
    double[][] copy = new double[values.length][];
    for (int i = 0; i < values.length; i++) copy[i] = values[i].clone();
    return copy;
  }
}
