package dev.segmentlab.core.explore;

/**
 * A sample described for a chart: summary statistics plus a histogram.
 *
 * @param summary count, mean, quartiles, …
 * @param histogram binned counts (linear or logarithmic, see {@link Histogram#logarithmic()})
 */
public record Distribution(Summary summary, Histogram histogram) {}
