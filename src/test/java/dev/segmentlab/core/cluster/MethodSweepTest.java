package dev.segmentlab.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.methods.MethodSweep;
import dev.segmentlab.core.model.DbscanModel;
import dev.segmentlab.core.model.Labels;
import org.junit.jupiter.api.Test;

/** Every method's sweep on three separated blobs: the same criteria from labels, the method's own figures. */
class MethodSweepTest {
  private static final double[][] X = Fixtures.threeBlobs();
  private static final KSweep.Options BASE = KSweep.Options.defaults().withK(2, 5);

  @Test
  void kMeansSweepEqualsKSweep() {
    MethodSweep.Result r = MethodSweep.run(Points.of(X), MethodSweep.Options.of(Method.KMEANS, BASE), null, RunControl.none());
    KSweep.Result plain = KSweep.run(X, BASE);
    for (int k = 2; k <= 5; k++) {
      assertThat(r.sweep().at(k).wcss()).isEqualTo(plain.at(k).wcss());
      assertThat(r.extra(k).restartsUsed()).isEqualTo(10);
      assertThat(r.extra(k).model().method()).isEqualTo("kmeans");
    }
  }

  @Test
  void everyMethodFindsTheThreeBlobsAndScoresThemAlike() {
    for (Method m : new Method[] {Method.KMEANS, Method.GMM, Method.WARD}) {
      MethodSweep.Result r = MethodSweep.run(Points.of(X), MethodSweep.Options.of(m, BASE), null, RunControl.none());
      KSweep.Point p = r.sweep().at(3);
      assertThat(p.sizes()).as(m.key()).containsExactly(100, 100, 100);
      assertThat(r.sweep().bestSilhouetteK()).as(m.key()).hasValue(3);
      assertThat(p.wcss()).as(m.key()).isCloseTo(Criteria.wcss(Points.of(X), p.solution().labels()), within(1e-6));
      Labels again = r.extra(3).model().assign(X);
      assertThat(again.labels()).as(m.key()).isEqualTo(p.solution().labels());
    }
  }

  @Test
  void mixtureSweepHasBicAndSuggestsTheTrueK() {
    MethodSweep.Result r = MethodSweep.run(Points.of(X), MethodSweep.Options.of(Method.GMM, BASE), null, RunControl.none());
    assertThat(r.suggestedByBic()).hasValue(3);
    assertThat(r.extra(3).mixture().bic()).isLessThan(r.extra(2).mixture().bic());
    assertThat(r.extra(3).mixture().degenerate()).isEmpty();
  }

  @Test
  void wardKeepsItsDendrogramAndDbscanMarksNoiseUnassigned() {
    MethodSweep.Result w = MethodSweep.run(Points.of(X), MethodSweep.Options.of(Method.WARD, BASE), null, RunControl.none());
    assertThat(w.dendrogram().leaves()).isEqualTo(300);
    assertThat(w.dendrogram().wcss(3)).isCloseTo(w.sweep().at(3).wcss(), within(1e-6));
    double[][] x = new double[301][];
    System.arraycopy(X, 0, x, 0, 300);
    x[300] = new double[] {50, 50}; // far from every blob
    MethodSweep.Result d = MethodSweep.run(Points.of(x),
        MethodSweep.Options.of(Method.DBSCAN, BASE).withDbscan(new Dbscan.Options(3, 4)), null, RunControl.none());
    KSweep.Point p = d.sweep().points().get(0);
    assertThat(p.k()).isEqualTo(4);
    assertThat(p.sizes()).containsExactly(100, 100, 100, 1);
    DbscanModel model = (DbscanModel) d.extra(4).model();
    assertThat(model.unassignedSegment()).isEqualTo(3);
    assertThat(model.assign(new double[][] {{50, 50}, X[0]}).labels()).containsExactly(3, p.solution().labels()[0]);
    assertThat(d.kDistances()).hasSize(301).isSorted();
  }

  @Test
  void timeBudgetedKMeansIsNeverWorseThanItsFirstBatchAndCountsRestarts() {
    double[][] x = Fixtures.uniform(400, 2, 3);
    KMeans.Options o = KMeans.Options.of(8);
    KMeansBudget.Result r = KMeansBudget.fit(Points.of(x), o, 2_000, RunControl.none());
    assertThat(r.solution().wcss()).isLessThanOrEqualTo(KMeans.fit(x, o).wcss());
    assertThat(r.restarts()).isGreaterThanOrEqualTo(10 * (KMeansBudget.PATIENCE + 1)).isEqualTo(r.restarts() / 10 * 10);
  }
}
