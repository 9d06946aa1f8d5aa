package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.model.DbscanModel;
import dev.segmentlab.core.cluster.GaussianMixture;
import dev.segmentlab.core.model.GaussianMixtureModel;
import dev.segmentlab.core.model.WardModel;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.model.FittedClustering;
import dev.segmentlab.core.model.KMeansModel;

/** A fitted clustering of any method to and from the parameters a workspace stores. */
public final class FittedModels {
  private FittedModels() {}

  /** What a workspace stores beyond the centroids for {@code c}, or null for k-means. */
  public static Workspace.Fitted parameters(FittedClustering c) {
    if (c instanceof GaussianMixtureModel g) {
      return new Workspace.Fitted(g.covariance().label(), g.covarianceFloor(), g.weights(), g.covariances(), null,
          null, null, null, null);
    }
    if (c instanceof DbscanModel d) {
      return new Workspace.Fitted(null, null, null, null, d.eps(), d.corePoints(), d.coreLabels(),
          d.unassignedSegment() >= 0, null);
    }
    if (c instanceof WardModel w) return new Workspace.Fitted(null, null, null, null, null, null, null, null, w.approximate());
    return null;
  }

  /**
   * The fitted clustering a workspace's model describes (k-means when it names no method).
   *
   * @throws IllegalArgumentException when the method is unknown or its parameters are missing
   */
  public static FittedClustering of(Workspace.Model m) {
    Workspace.Fitted f = m.fitted();
    switch (m.methodKey()) {
      case GaussianMixtureModel.METHOD -> {
        if (f == null || f.mixtureWeights() == null || f.covariances() == null) {
          throw new IllegalArgumentException("The workspace's mixture has no weights or covariances.");
        }
        return new GaussianMixtureModel(GaussianMixture.Covariance.parse(f.covariance()),
            f.covarianceFloor() == null ? 0 : f.covarianceFloor(), f.mixtureWeights(), m.centroids(), f.covariances());
      }
      case DbscanModel.METHOD -> {
        if (f == null || f.eps() == null || f.corePoints() == null || f.coreLabels() == null) {
          throw new IllegalArgumentException("The workspace's DBSCAN model has no core points.");
        }
        return new DbscanModel(f.corePoints(), f.coreLabels(), f.eps(), m.centroids(), Boolean.TRUE.equals(f.unassigned()));
      }
      case WardModel.METHOD -> {
        return new WardModel(m.centroids(), f != null && Boolean.TRUE.equals(f.approximate()));
      }
      case KMeansModel.METHOD -> {
        return new KMeansModel(m.centroids());
      }
      default -> throw new IllegalArgumentException("The workspace's method '" + m.method() + "' is not known to "
          + "this SegmentLab.");
    }
  }
}
