package dev.segmentlab.cli;

import dev.segmentlab.core.cluster.GaussianMixture;
import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.methods.MethodSweep;
import dev.segmentlab.core.model.DbscanModel;
import dev.segmentlab.core.cluster.Ward;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.pipeline.MethodChoice;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code segment --method …} adds to the JSON and to the printed summary. */
final class MethodOutput {
  private MethodOutput() {}

  /**
   * Adds {@code method} (and its settings) at the top and, per k of {@code m}'s "sweep", the method's figures:
   * {@code bic}, {@code aic}, {@code mean_log_likelihood}, {@code degenerate_components} for mixtures,
   * {@code restarts_used} for k-means.
   */
  @SuppressWarnings("unchecked")
  static void addJson(Map<String, Object> m, MethodChoice choice, MethodSweep.Result ms, FeatureMatrix fm,
      String fittedMethod) {
    m.put("method", fittedMethod);
    if (ms == null) return;
    List<Map<String, Object>> sweep = (List<Map<String, Object>>) m.get("sweep");
    for (Map<String, Object> e : sweep) {
      MethodSweep.Extra x = ms.extra((Integer) e.get("k"));
      if (x.mixture() != null) {
        e.putAll(MethodSweep.mixtureJson(x.mixture()));
        List<Map<String, Object>> degenerate = new ArrayList<>();
        for (GaussianMixture.Degenerate g : x.mixture().degenerate()) {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("component", g.component());
          d.put("size", g.size());
          List<String> features = new ArrayList<>();
          for (int f : g.features()) features.add(fm.features().get(f));
          d.put("features_at_floor", features);
          degenerate.add(d);
        }
        e.put("degenerate", degenerate);
        e.put("converged", x.mixture().converged());
      }
      if (choice.method() == Method.KMEANS) e.put("restarts_used", x.restartsUsed());
    }
    switch (choice.method()) {
      case GMM -> {
        m.put("covariance", choice.covariance().label());
        m.put("covariance_floor", choice.covarianceFloor());
        Map<String, Object> suggested = (Map<String, Object>) m.get("suggested_k");
        suggested.put("bic", ms.suggestedByBic().isPresent() ? ms.suggestedByBic().getAsInt() : null);
        boolean anyDegenerate = ms.extras().stream().anyMatch(x -> !x.mixture().degenerate().isEmpty());
        if (anyDegenerate) m.put("degenerate_remedy", REMEDY);
      }
      case WARD -> {
        m.put("ward_exact_limit", Ward.Options.DEFAULT_EXACT_LIMIT);
        m.put("ward_approximate", ms.approximate());
      }
      case DBSCAN -> {
        DbscanModel d = (DbscanModel) ms.extras().get(0).model();
        m.put("eps", d.eps());
        m.put("min_points", choice.minPoints() == 0 ? 2 * fm.dims() : choice.minPoints());
        int u = d.unassignedSegment();
        m.put("unassigned", u < 0 ? 0 : ms.sweep().points().get(0).sizes()[u]);
        m.put("unassigned_segment", u < 0 ? null : u);
      }
      case KMEANS -> m.put("time_budget_ms", choice.kMeansBudgetMillis());
    }
  }

  static final String REMEDY = "A component whose variance in a feature sits at the covariance floor fits a single "
      + "value of that feature (e.g. customers with exactly one order), so its likelihood, BIC and AIC are set by the "
      + "floor, not by the data. Treat such a feature as discrete (cluster without it, or segment it by rule), add "
      + "jitter, or raise --covariance-floor; k is not suggested from those ks.";

  static void print(PrintWriter out, MethodChoice choice, MethodSweep.Result ms) {
    out.printf("%nmethod: %s%n", choice.method().label());
    if (ms == null) return;
    if (choice.method() == Method.GMM) {
      out.printf("covariance %s, floor %s%n", choice.covariance().label(), choice.covarianceFloor());
      out.printf("%4s %12s %12s %10s  degenerate%n", "k", "BIC", "AIC", "mean LL");
      for (MethodSweep.Extra x : ms.extras()) {
        out.printf("%4d %12.1f %12.1f %10.4f  %s%n", x.k(), x.mixture().bic(), x.mixture().aic(),
            x.mixture().meanLogLikelihood(), x.mixture().degenerate().isEmpty() ? "-"
                : x.mixture().degenerate().size() + " at the floor (sizes "
                    + x.mixture().degenerate().stream().map(g -> String.valueOf(g.size())).toList() + ")");
      }
      out.printf("lowest BIC without degenerate components: k = %s%n",
          ms.suggestedByBic().isPresent() ? ms.suggestedByBic().getAsInt() : "none (every k has one)");
      if (ms.extras().stream().anyMatch(x -> !x.mixture().degenerate().isEmpty())) out.println(REMEDY);
    } else if (choice.method() == Method.WARD && ms.approximate()) {
      out.printf("Ward ran on %,d k-means micro-clusters (more than %,d customers)%n",
          ms.dendrogram().leaves(), Ward.Options.DEFAULT_EXACT_LIMIT);
    } else if (choice.method() == Method.DBSCAN) {
      DbscanModel d = (DbscanModel) ms.extras().get(0).model();
      out.printf("eps %.4f; noise shown as the segment \"Unassigned\"%n", d.eps());
    }
  }
}
