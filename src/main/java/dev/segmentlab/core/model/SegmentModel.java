package dev.segmentlab.core.model;

import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.Preparation;
import java.util.List;

/**
 * A fitted segmentation: the features with their transforms and scaling as fitted on the training customers, the
 * fitted clustering method, and the segments' names, colours and descriptions. It labels any customers that have
 * the same features: the training customers get their training labels back, next quarter's customers land in the
 * same segments. A workspace stores it; "apply to another file" and migration call {@link #assign}.
 *
 * @param preparation how raw features become the clustered space
 * @param clustering the fitted method, in that space
 * @param names one per segment
 * @param colours one per segment, {@code #rrggbb}
 * @param descriptions one per segment (may be empty strings)
 */
public record SegmentModel(Preparation preparation, FittedClustering clustering, List<String> names,
    List<String> colours, List<String> descriptions) {

  /** @throws IllegalArgumentException when the parts disagree in k or in the number of features */
  public SegmentModel {
    names = List.copyOf(names);
    colours = List.copyOf(colours);
    descriptions = List.copyOf(descriptions);
    int k = clustering.k();
    if (names.size() != k || colours.size() != k || descriptions.size() != k) {
      throw new IllegalArgumentException("one name, colour and description per segment (k = " + k + ")");
    }
    if (clustering.dims() != preparation.dims()) {
      throw new IllegalArgumentException("the clustering has " + clustering.dims() + " features, the preparation "
          + preparation.dims());
    }
  }

  /** Number of segments. */
  public int k() {
    return clustering.k();
  }

  /** The features the model needs, in its column order. */
  public List<String> features() {
    return preparation.features();
  }

  /**
   * Customers labelled by this model.
   *
   * @param matrix the customers prepared with this model's preparation
   * @param labels their segments and distances
   */
  public record Assignment(FeatureMatrix matrix, Labels labels) {}

  /**
   * Prepares {@code customers} with the fitted preparation and labels them.
   *
   * @throws IllegalArgumentException when the customers lack a feature of the model, or a value cannot be prepared
   */
  public Assignment assign(CustomerFeatures customers) {
    FeatureMatrix m = preparation.apply(customers);
    return new Assignment(m, clustering.assign(m.scaled()));
  }

  /** The same model with the analyst's names and colours. */
  public SegmentModel withLabels(List<String> newNames, List<String> newColours) {
    return new SegmentModel(preparation, clustering, newNames, newColours, descriptions);
  }
}
