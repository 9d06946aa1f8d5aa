package dev.segmentlab.core.cluster;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class KSweepTest {
  private static final Points BLOBS = Points.of(Fixtures.threeBlobs());

  @Test
  void streamsEachKInOrderWithNonDecreasingProgress() {
    List<Integer> seen = new ArrayList<>();
    List<Double> progress = new ArrayList<>();
    KSweep.Result r = KSweep.run(BLOBS, KSweep.Options.defaults().withK(2, 6), p -> seen.add(p.k()),
        RunControl.of(null, progress::add, () -> false));
    assertThat(seen).containsExactly(2, 3, 4, 5, 6);
    assertThat(progress).isSortedAccordingTo(Double::compare);
    assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
    assertThat(r.points()).extracting(KSweep.Point::k).containsExactly(2, 3, 4, 5, 6);
    KSweep.Point three = r.at(3);
    assertThat(three.sizes()).containsExactly(100, 100, 100);
    assertThat(three.solution().labels()).hasSize(300);
    assertThat(three.silhouetteDetail().values()).hasSize(300);
  }

  @Test
  void waveSizeDoesNotChangeTheResult() {
    List<Integer> seen = new ArrayList<>();
    KSweep.Options o = KSweep.Options.defaults().withK(1, 8);
    KSweep.Result watched = KSweep.run(BLOBS, o, p -> seen.add(p.k()), RunControl.none());
    KSweep.Result batch = KSweep.run(BLOBS, o, null, RunControl.none());
    assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    for (int k = 1; k <= 8; k++) {
      assertThat(watched.at(k).silhouetteDetail()).isEqualTo(batch.at(k).silhouetteDetail());
      assertThat(Double.compare(watched.at(k).daviesBouldin(), batch.at(k).daviesBouldin())).isZero();
    }
    assertThat(batch.at(3).silhouette()).isGreaterThan(0.7);
  }

  @Test
  void sweepPointEqualsADirectFitAndIgnoresTheExecutor() {
    KSweep.Options o = KSweep.Options.defaults().withK(1, 5);
    KSweep.Result alone = KSweep.run(BLOBS, o, null, RunControl.none());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      KSweep.Result pooled = KSweep.run(BLOBS, o, null, RunControl.on(pool));
      for (int k = 1; k <= 5; k++) {
        assertThat(pooled.at(k).solution()).isEqualTo(alone.at(k).solution());
        assertThat(pooled.at(k).silhouetteDetail()).isEqualTo(alone.at(k).silhouetteDetail());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(alone.at(4).solution()).isEqualTo(KMeans.fit(BLOBS, KMeans.Options.of(4)));
  }

  @Test
  void cancellationStopsTheSweep() {
    List<Integer> seen = new ArrayList<>();
    assertThatThrownBy(() -> KSweep.run(BLOBS, KSweep.Options.defaults(), p -> seen.add(p.k()), RunControl.of(null, null, () -> seen.size() >= 2)))
        .isInstanceOf(CancellationException.class);
    assertThat(seen).containsExactly(2, 3, 4, 5, 6); // the first wave of KSweep.WAVE ks, then it stops
  }

  @Test
  void rejectsKBeyondTheDistinctCustomers() {
    double[][] x = {{1, 1}, {1, 1}, {2, 2}, {3, 3}, {3, 3}};
    assertThatThrownBy(() -> KSweep.run(x, KSweep.Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("kMax (10) is larger than the number of customers (5)");
    assertThatThrownBy(() -> KSweep.run(x, KSweep.Options.defaults().withK(2, 4)))
        .hasMessageStartingWith("kMax (4) is larger than the number of distinct customers (3)");
    assertThatThrownBy(() -> KSweep.Options.defaults().withK(2, 31)).hasMessageContaining("above 30");
    assertThatThrownBy(() -> KSweep.Options.defaults().withK(5, 4)).hasMessageContaining("smaller");
  }
}
