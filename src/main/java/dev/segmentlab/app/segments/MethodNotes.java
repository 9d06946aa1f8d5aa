package dev.segmentlab.app.segments;

import dev.segmentlab.core.model.DbscanModel;
import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.methods.MethodSweep;
import dev.segmentlab.core.cluster.Ward;
import dev.segmentlab.core.model.FittedClustering;
import java.util.Locale;

/** What a method's sweep adds to the criteria, as one line for the Segments step. */
final class MethodNotes {
  private MethodNotes() {}

  static String of(MethodSweep.Result ms) {
    StringBuilder b = new StringBuilder();
    switch (ms.method()) {
      case GMM -> {
        b.append("BIC by k:");
        boolean degenerate = false;
        for (MethodSweep.Extra x : ms.extras()) {
          b.append(String.format(Locale.ROOT, "  %d: %,.0f", x.k(), x.mixture().bic()));
          if (!x.mixture().degenerate().isEmpty()) {
            degenerate = true;
            b.append(" (").append(x.mixture().degenerate().size()).append(" at the floor)");
          }
        }
        b.append(ms.suggestedByBic().isPresent() ? ". Lowest BIC without degenerate components: k = "
            + ms.suggestedByBic().getAsInt() : ". Every k has a degenerate component: BIC cannot choose k.");
        if (degenerate) {
          b.append(" A component at the floor fits one value of a feature (e.g. one-order customers); treat that "
              + "feature as discrete or add jitter.");
        }
      }
      case WARD -> b.append(ms.approximate()
          ? String.format(Locale.ROOT, "Ward ran on %,d k-means micro-clusters (more than %,d customers).",
              ms.dendrogram().leaves(), Ward.Options.DEFAULT_EXACT_LIMIT)
          : "Ward's exact hierarchy (nearest-neighbour chain).");
      case DBSCAN -> {
        DbscanModel d = (DbscanModel) ms.extras().get(0).model();
        int u = d.unassignedSegment();
        b.append(String.format(Locale.ROOT, "DBSCAN at eps %.3f (knee of the k-distance curve): %d clusters", d.eps(),
            u < 0 ? d.k() : d.k() - 1));
        if (u >= 0) b.append(String.format(Locale.ROOT, ", %,d customers unassigned (segment %d)",
            ms.sweep().points().get(0).sizes()[u], u));
      }
      case KMEANS -> { }
    }
    return b.toString();
  }

  /** The fitted model for k when the sweep was not plain k-means, else null (k-means from the solution). */
  static FittedClustering fitted(MethodSweep.Result ms, int k) {
    if (ms == null || ms.method() == Method.KMEANS) return null;
    for (MethodSweep.Extra x : ms.extras()) if (x.k() == k) return x.model();
    return null;
  }
}
