package dev.segmentlab.app.segments;

/**
 * What the scatter draws: x/y per customer, the segment of each and the centroids, already projected. Immutable
 * snapshot handed from the ViewModel to the view.
 *
 * @param x per customer
 * @param y per customer
 * @param labels segment per customer
 * @param colours {@code #rrggbb} per segment
 * @param centroidX per segment
 * @param centroidY per segment
 * @param xLabel axis title
 * @param yLabel axis title
 * @param ids customer ids, for hover
 */
public record ScatterData(double[] x, double[] y, int[] labels, String[] colours, double[] centroidX,
    double[] centroidY, String xLabel, String yLabel, String[] ids) {
  public int size() { return x.length; }
}
