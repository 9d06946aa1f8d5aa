/**
 * The fitted segmentation: what a run learned, as an object that labels customers it has never seen.
 *
 * <p>{@link dev.segmentlab.core.model.SegmentModel} joins the fitted feature preparation
 * ({@link dev.segmentlab.core.features.Preparation}), a fitted clustering method
 * ({@link dev.segmentlab.core.model.FittedClustering}: k-means centroids today; mixtures, Ward and the Spark job
 * implement the same interface) and the names, colours and descriptions the analyst sees. A workspace stores it;
 * "apply to another file" and migration between periods call {@link dev.segmentlab.core.model.SegmentModel#assign}.
 */
package dev.segmentlab.core.model;
