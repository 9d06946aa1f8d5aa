package dev.segmentlab.app.segments;

/**
 * What the scatter draws, built off the FX thread and never mutated afterwards: x/y of every customer, the
 * segment of each, the stratified sample of customers that is drawn, the centroids, the bounds and the labels.
 * The view only fills its draw buffer from {@link #shown()}: its work is bounded by the sample, not by customers.
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
 * @param shown the customers drawn (indices into x/y), at most about {@link ScatterModel#MAX_SHOWN}
 * @param names segment names, for hover
 * @param bounds minX, maxX, minY, maxY over every customer
 */
public record ScatterData(double[] x, double[] y, int[] labels, String[] colours, double[] centroidX,
    double[] centroidY, String xLabel, String yLabel, String[] ids, int[] shown, String[] names, double[] bounds) {

  /** Customers in the data. */
  public int size() { return x.length; }

  /** Customers drawn. */
  public int shownCount() { return shown.length; }

  /** Number of segments. */
  public int k() { return colours.length; }

  /** "showing 20,000 of 433,800 customers (stratified by segment)", or "4,338 customers". */
  public String caption() {
    return shown.length < x.length
        ? String.format("showing %,d of %,d customers (a sample stratified by segment)", shown.length, x.length)
        : String.format("%,d customers", x.length);
  }

  /** The same points with other segment names and colours (a rename or recolour: nothing is recomputed). */
  public ScatterData withSegments(String[] newColours, String[] newNames) {
    return new ScatterData(x, y, labels, newColours, centroidX, centroidY, xLabel, yLabel, ids, shown, newNames, bounds);
  }
}
