package dev.segmentlab.app.explore;

/**
 * One bar of an Explore chart, ready to plot.
 *
 * @param label the category on the axis, unique within its chart
 * @param value the bar's height
 * @param tip what hovering the bar says
 */
public record Bar(String label, double value, String tip) {}
