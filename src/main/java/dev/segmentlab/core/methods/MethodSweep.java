package dev.segmentlab.core.methods;

import dev.segmentlab.core.cluster.Criteria;
import dev.segmentlab.core.cluster.Dbscan;
import dev.segmentlab.core.cluster.Dendrogram;
import dev.segmentlab.core.cluster.GaussianMixture;
import dev.segmentlab.core.cluster.KMeans;
import dev.segmentlab.core.cluster.KMeansBudget;
import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.cluster.KSweep;
import dev.segmentlab.core.cluster.Knee;
import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.cluster.Ordering;
import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.cluster.Silhouette;
import dev.segmentlab.core.cluster.Ward;
import dev.segmentlab.core.concurrent.Parallel;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.model.DbscanModel;
import dev.segmentlab.core.model.FittedClustering;
import dev.segmentlab.core.model.GaussianMixtureModel;
import dev.segmentlab.core.model.KMeansModel;
import dev.segmentlab.core.model.WardModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The k sweep for any {@link Method}: each k's solution scored by the same criteria, computed from its labels
 * (WCSS to the cluster means, silhouette, Calinski-Harabasz, Davies-Bouldin), so that methods can be compared on
 * one scale, plus what belongs to the method (BIC, AIC, mean log-likelihood and degenerate components for
 * mixtures; the dendrogram for Ward; restarts used for k-means). The result carries a {@link KSweep.Result} whose
 * solutions are {@link KMeansResult}s with the cluster means as centroids, so everything downstream of the sweep
 * (profiles, names, export) works unchanged for every method. Synchronous, cancellable, JavaFX-free.
 */
public final class MethodSweep {
  private MethodSweep() {}

  /**
   * @param method the method swept
   * @param base k range, seed, restarts, numbering and silhouette sampling (as for k-means)
   * @param covariance mixtures' covariance structure
   * @param covarianceFloor mixtures' floor added to every variance (≥ 0)
   * @param mixtureRestarts EM restarts per k (≥ 1)
   * @param ward Ward's exact limit and micro-clusters
   * @param dbscan DBSCAN's eps and minimum points (DBSCAN does not sweep k: they set the clusters)
   * @param kMeansBudgetMillis k-means only: 0 = the fixed restarts of {@code base}; above 0, restarts continue in
   *     batches until the best WCSS stops improving or this budget per k is spent ({@link KMeansBudget})
   */
  public record Options(Method method, KSweep.Options base, GaussianMixture.Covariance covariance,
      double covarianceFloor, int mixtureRestarts, Ward.Options ward, long kMeansBudgetMillis, Dbscan.Options dbscan) {
    public Options {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(covariance, "covariance");
      Objects.requireNonNull(ward, "ward");
      if (!(covarianceFloor >= 0) || Double.isInfinite(covarianceFloor)) {
        throw new IllegalArgumentException("the covariance floor must be a finite number >= 0 (was " + covarianceFloor + ")");
      }
      if (mixtureRestarts < 1) throw new IllegalArgumentException("mixture restarts must be at least 1");
      if (kMeansBudgetMillis < 0) throw new IllegalArgumentException("the time budget must be >= 0");
      Objects.requireNonNull(dbscan, "dbscan");
    }

    /** {@code method} over {@code base}'s k range, with the mixtures' and Ward's defaults. */
    public static Options of(Method method, KSweep.Options base) {
      return new Options(method, base, GaussianMixture.Covariance.FULL, GaussianMixture.Options.DEFAULT_FLOOR,
          GaussianMixture.Options.DEFAULT_RESTARTS, Ward.Options.defaults(), 0,
          Dbscan.Options.auto(2));
    }

    public Options withCovariance(GaussianMixture.Covariance c) {
      return new Options(method, base, c, covarianceFloor, mixtureRestarts, ward, kMeansBudgetMillis, dbscan);
    }

    public Options withCovarianceFloor(double f) {
      return new Options(method, base, covariance, f, mixtureRestarts, ward, kMeansBudgetMillis, dbscan);
    }

    public Options withDbscan(Dbscan.Options d) {
      return new Options(method, base, covariance, covarianceFloor, mixtureRestarts, ward, kMeansBudgetMillis, d);
    }

    public Options withKMeansBudget(long millis) {
      return new Options(method, base, covariance, covarianceFloor, mixtureRestarts, ward, millis, dbscan);
    }

    GaussianMixture.Options mixture(int k) {
      KMeans.Options km = base.kMeans();
      return new GaussianMixture.Options(k, covariance, mixtureRestarts, GaussianMixture.Options.DEFAULT_MAX_ITERATIONS,
          GaussianMixture.Options.DEFAULT_TOLERANCE, covarianceFloor, km.seed(), km.ordering());
    }
  }

  /**
   * A mixture's fit at one k.
   *
   * @param bic Bayesian information criterion (lower is better)
   * @param aic Akaike information criterion (lower is better)
   * @param meanLogLikelihood mean log-likelihood per customer
   * @param degenerate components whose variance sits at the floor; when not empty, the figures above are set by
   *     the floor rather than by the data
   * @param converged whether EM met its tolerance
   */
  public record MixtureFit(double bic, double aic, double meanLogLikelihood, List<GaussianMixture.Degenerate> degenerate,
      boolean converged) {
    public MixtureFit {
      degenerate = List.copyOf(degenerate);
    }
  }

  /**
   * What a method adds at one k.
   *
   * @param k the k
   * @param model the fitted model (labels new customers)
   * @param mixture the mixture's figures, or null for other methods
   * @param restartsUsed k-means restarts run at this k (0 for other methods)
   */
  public record Extra(int k, FittedClustering model, MixtureFit mixture, int restartsUsed) {}

  /**
   * @param method the method swept
   * @param sweep the criteria per k and each k's labels and cluster means
   * @param extras per k, what the method adds, in increasing k
   * @param dendrogram Ward's merge tree (null for other methods)
   * @param approximate Ward ran on k-means micro-clusters (beyond {@link Ward.Options#exactLimit()})
   * @param kDistances DBSCAN: the sorted k-distance curve (null for other methods)
   * @param suggestedByBic mixtures: the k of lowest BIC among the ks without a degenerate component (empty when
   *     every k has one: then BIC cannot choose k)
   */
  public record Result(Method method, KSweep.Result sweep, List<Extra> extras, Dendrogram dendrogram,
      boolean approximate, double[] kDistances, OptionalInt suggestedByBic) {
    public Result {
      extras = List.copyOf(extras);
    }

    /** The method's additions at k. @throws IllegalArgumentException if k was not swept */
    public Extra extra(int k) {
      for (Extra e : extras) if (e.k() == k) return e;
      throw new IllegalArgumentException("k = " + k + " was not part of the sweep");
    }
  }

  /**
   * Runs the sweep.
   *
   * @param onPoint each k's point once scored (calling thread), or null
   * @throws IllegalArgumentException if kMax exceeds the distinct rows
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  public static Result run(Points x, Options o, Consumer<KSweep.Point> onPoint, RunControl rc) {
    KSweep.Options b = o.base();
    if (o.method() != Method.DBSCAN) KMeans.checkFits(x, b.kMax(), "kMax", b.kMeans().ordering());
    return switch (o.method()) {
      case KMEANS -> kMeans(x, o, onPoint, rc);
      case GMM -> mixture(x, o, onPoint, rc);
      case WARD -> ward(x, o, onPoint, rc);
      case DBSCAN -> dbscan(x, o, onPoint, rc);
    };
  }

  /** DBSCAN does not sweep k (eps and minimum points set the clusters): one point, at the k it found. */
  private static Result dbscan(Points x, Options o, Consumer<KSweep.Point> onPoint, RunControl rc) {
    Dbscan.Options opt = o.dbscan();
    double[] kd = Dbscan.kDistances(x, opt.minPoints(), rc.slice(0, 0.4));
    if (Double.isNaN(opt.eps())) {
      double eps = Dbscan.kneeEps(kd).orElseThrow(() ->
          new IllegalArgumentException("the k-distance curve has no knee: choose eps"));
      opt = new Dbscan.Options(eps, opt.minPoints());
    }
    Dbscan.Result r = Dbscan.fit(x, opt, rc.slice(0.4, 0.8));
    if (r.clusters() == 0) {
      throw new IllegalArgumentException("DBSCAN found no cluster at eps " + opt.eps() + ": raise eps or lower the "
          + "minimum points");
    }
    // clusters numbered as k-means numbers them, the unassigned segment stays last
    int c = r.clusters();
    int[] labels = r.labels();
    if (c > 1) {
      int[] assigned = IntStream.range(0, labels.length).filter(i -> labels[i] < c).toArray();
      Points sub = Points.ofRowMajor(subRows(x, assigned), assigned.length, x.dimension());
      int[] subLabels = new int[assigned.length];
      for (int q = 0; q < assigned.length; q++) subLabels[q] = labels[assigned[q]];
      Ordering ord = b(o).kMeans().ordering();
      Ordering subOrd = ord.subset(assigned);
      int[] renumbered = Ward.renumber(sub, subLabels, c, subOrd);
      for (int q = 0; q < assigned.length; q++) labels[assigned[q]] = renumbered[q];
    }
    int k = r.segments();
    KMeansResult s = solution(x, labels, k, 0);
    Dbscan.Result numbered = new Dbscan.Result(labels, c, r.unassigned(), r.eps(), r.minPoints(), r.core());
    DbscanModel model = DbscanModel.of(x, numbered, s.centroids());
    return new Result(Method.DBSCAN, score(x, List.of(s), b(o), onPoint, rc), List.of(new Extra(k, model, null, 0)),
        null, false, kd, OptionalInt.empty());
  }

  private static KSweep.Options b(Options o) {
    return o.base();
  }

  private static double[] subRows(Points x, int[] rows) {
    int d = x.dimension();
    double[] out = new double[rows.length * d];
    for (int q = 0; q < rows.length; q++) for (int f = 0; f < d; f++) out[q * d + f] = x.get(rows[q], f);
    return out;
  }


  private static Result kMeans(Points x, Options o, Consumer<KSweep.Point> onPoint, RunControl rc) {
    KSweep.Options b = o.base();
    List<Extra> extras = new ArrayList<>();
    if (o.kMeansBudgetMillis() == 0) {
      KSweep.Result s = KSweep.run(x, b, onPoint, rc);
      for (KSweep.Point p : s.points()) extras.add(new Extra(p.k(), KMeansModel.of(p.solution()), null, b.kMeans().restarts()));
      return new Result(Method.KMEANS, s, extras, null, false, null, OptionalInt.empty());
    }
    List<KMeansResult> fits = new ArrayList<>();
    int ks = b.kMax() - b.kMin() + 1;
    for (int k = b.kMin(); k <= b.kMax(); k++) {
      KMeansBudget.Result r = KMeansBudget.fit(x, b.kMeans().withK(k), o.kMeansBudgetMillis(),
          rc.slice((double) (k - b.kMin()) / ks * 0.8, (double) (k - b.kMin() + 1) / ks * 0.8));
      fits.add(r.solution());
      extras.add(new Extra(k, KMeansModel.of(r.solution()), null, r.restarts()));
    }
    return new Result(Method.KMEANS, score(x, fits, b, onPoint, rc), extras, null, false, null, OptionalInt.empty());
  }

  private static Result mixture(Points x, Options o, Consumer<KSweep.Point> onPoint, RunControl rc) {
    KSweep.Options b = o.base();
    int[] ks = IntStream.rangeClosed(b.kMin(), b.kMax()).toArray();
    GaussianMixture.Result[] fits = new GaussianMixture.Result[ks.length];
    // one k per work item, the largest first: two threads stay busy and the batch ends on short items
    int[] done = {0};
    Parallel.forEach(ks.length, rc.executor(), rc.cancelledCheck(), t -> {
      int q = ks.length - 1 - t;
      fits[q] = GaussianMixture.fit(x, o.mixture(ks[q]), rc.withExecutor(null));
    }, t -> rc.progress(0.8 * ++done[0] / ks.length));
    List<KMeansResult> solutions = new ArrayList<>();
    List<Extra> extras = new ArrayList<>();
    int best = -1;
    double bestBic = Double.POSITIVE_INFINITY;
    for (GaussianMixture.Result r : fits) {
      solutions.add(solution(x, r.labels(), r.k(), r.iterations()));
      MixtureFit m = new MixtureFit(r.bic(), r.aic(), r.meanLogLikelihood(), r.degenerate(), r.converged());
      extras.add(new Extra(r.k(), GaussianMixtureModel.of(r.model()), m, 0));
      if (r.degenerate().isEmpty() && r.bic() < bestBic) {
        bestBic = r.bic();
        best = r.k();
      }
    }
    return new Result(Method.GMM, score(x, solutions, b, onPoint, rc), extras, null, false, null,
        best < 0 ? OptionalInt.empty() : OptionalInt.of(best));
  }

  private static Result ward(Points x, Options o, Consumer<KSweep.Point> onPoint, RunControl rc) {
    KSweep.Options b = o.base();
    Ward.Result w = Ward.fit(x, o.ward(), rc.slice(0, 0.6));
    List<KMeansResult> solutions = new ArrayList<>();
    List<Extra> extras = new ArrayList<>();
    for (int k = b.kMin(); k <= b.kMax(); k++) {
      int[] labels = w.labels(x, k, b.kMeans().ordering());
      KMeansResult s = solution(x, labels, k, 0);
      solutions.add(s);
      extras.add(new Extra(k, new WardModel(s.centroids(), w.approximate()), null, 0));
    }
    return new Result(Method.WARD, score(x, solutions, b, onPoint, rc.slice(0.6, 1)), extras, w.dendrogram(),
        w.approximate(), null, OptionalInt.empty());
  }

  /** A labelling as a {@link KMeansResult}: the cluster means as centroids and the WCSS to them. */
  public static KMeansResult solution(Points x, int[] labels, int k, int iterations) {
    int d = x.dimension();
    int[] sizes = new int[k];
    double[] mean = Criteria.means(x, labels, k, sizes);
    double[][] c = new double[k][d];
    for (int j = 0; j < k; j++) System.arraycopy(mean, j * d, c[j], 0, d);
    double wcss = 0;
    for (int i = 0; i < x.size(); i++) {
      for (int f = 0; f < d; f++) {
        double t = x.get(i, f) - mean[labels[i] * d + f];
        wcss += t * t;
      }
    }
    return new KMeansResult(k, labels, c, wcss, Math.max(1, iterations), sizes);
  }

  /** Criteria of each solution from its labels, one silhouette pass for all. */
  public static KSweep.Result score(Points x, List<KMeansResult> fits, KSweep.Options b, Consumer<KSweep.Point> onPoint,
      RunControl rc) {
    int[][] labels = new int[fits.size()][];
    for (int q = 0; q < labels.length; q++) labels[q] = fits.get(q).labels();
    Silhouette.Result[] s = Silhouette.computeAll(x, labels, b.silhouette(), rc.withoutProgress());
    List<KSweep.Point> points = new ArrayList<>();
    for (int q = 0; q < labels.length; q++) {
      KMeansResult fit = fits.get(q);
      KSweep.Point p = new KSweep.Point(fit.k(), fit.wcss(), s[q].mean(), Criteria.calinskiHarabasz(x, labels[q]),
          Criteria.daviesBouldin(x, labels[q]), fit, s[q]);
      points.add(p);
      if (onPoint != null) onPoint.accept(p);
    }
    rc.progress(1);
    int[] ks = points.stream().mapToInt(KSweep.Point::k).toArray();
    double[] w = points.stream().mapToDouble(KSweep.Point::wcss).toArray();
    OptionalInt elbow = ks.length < 3 ? OptionalInt.empty() : Knee.elbow(ks, w);
    OptionalInt bestSil = OptionalInt.empty();
    double v = Double.NEGATIVE_INFINITY;
    for (KSweep.Point p : points) {
      if (p.silhouette() > v) {
        v = p.silhouette();
        bestSil = OptionalInt.of(p.k());
      }
    }
    return new KSweep.Result(points, elbow, bestSil);
  }

  /** Per k, the method's figures as the CLI's JSON names them (for mixtures; empty for other methods). */
  public static Map<String, Object> mixtureJson(MixtureFit m) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("bic", m.bic());
    e.put("aic", m.aic());
    e.put("mean_log_likelihood", m.meanLogLikelihood());
    e.put("degenerate_components", m.degenerate().size());
    return e;
  }
}
