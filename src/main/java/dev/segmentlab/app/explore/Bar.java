package dev.segmentlab.app.explore;

/**
 * One bar of an Explore chart, ready to plot.
 *
 * @param label the category on the axis, unique within its chart
 * @param value the bar's height
 * @param tip what hovering the bar says
 * @param partial whether the bar covers only part of its period (drawn lighter)
 */
public record Bar(String label, double value, String tip, boolean partial) {
  /** A bar of a whole period. */
  public Bar(String label, double value, String tip) {
    this(label, value, tip, false);
  }
}
