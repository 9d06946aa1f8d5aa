package dev.segmentlab.app.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.cluster.KSweep;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SegmentsViewModelTest {
  private final Session session = new Session();
  private SegmentsViewModel vm;

  @BeforeEach
  void setUp() {
    vm = new SegmentsViewModel(session, new SameThreadAsync(), new TestDialogs(), null);
    SegmentsFixture.publish(session);
  }

  @Test
  void aNewMatrixRunsTheSweepAndPublishesSegments() {
    assertThat(vm.getSweepPoints()).extracting(KSweep.Point::k).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(vm.getSweepPoints().get(2).wcss()).isCloseTo(3962.71, within(3962.71 * 0.005));
    assertThat(vm.getSweepPoints().get(2).silhouette()).isCloseTo(0.3367, within(0.01));
    assertThat(vm.adviceProperty().get()).isEqualTo("The elbow suggests k = 5, the silhouette k = 2: they disagree, so look at the profiles of both.");
    // k stays at its default 4 because the sweep covers it
    assertThat(vm.getRows()).hasSize(4);
    assertThat(session.getSegmentation().k()).isEqualTo(4);
    assertThat(vm.getRows().stream().mapToInt(SegmentRow::size).sum()).isEqualTo(4_338);
    assertThat(vm.getRows().get(0).name()).isEqualTo("Champions");
    assertThat(vm.getRows().get(0).revenueShare()).isGreaterThan(0.6);
    // stability was computed for the chosen k
    assertThat(vm.stabilityProperty().get()).isNotNull();
    assertThat(vm.getRows().get(0).stability()).isBetween(0.0, 1.0);
  }

  @Test
  void movingKReSegmentsFromTheCacheAndBeyondTheRangeOnDemand() {
    vm.kProperty().set(6);
    assertThat(vm.getRows()).hasSize(6);
    assertThat(session.getSegmentation().labels()).hasSize(4_338);
    vm.kProperty().set(12);
    assertThat(vm.getRows()).hasSize(12);
    assertThat(vm.silhouetteBySegmentProperty().get()).isNull();
    vm.kProperty().set(5000);
    assertThat(vm.messageProperty().get()).contains("larger than the number of distinct customers");
    assertThat(vm.getRows()).hasSize(12);
  }

  @Test
  void theFramesOfTheNextKAreReadyAndShowWhatAFreshComputationShows() {
    // after k = 4 and its stability check: k = 3, 4 and 5 are ready
    assertThat(vm.readyKs()).containsExactly(3, 4, 5);
    vm.kProperty().set(5);
    assertThat(vm.readyKs()).containsExactly(4, 5, 6);
    List<String> ready = rows(vm);
    int[] readyLabels = vm.scatter().dataProperty().get().labels().clone();

    // another session reaches k = 5 from k = 7, where no frame of k = 5 is ready: it computes it
    Session other = new Session();
    SegmentsViewModel fresh = new SegmentsViewModel(other, new SameThreadAsync(), new TestDialogs(), null);
    SegmentsFixture.publish(other);
    fresh.kProperty().set(7);
    assertThat(fresh.readyKs()).containsExactly(6, 7, 8);
    fresh.kProperty().set(5);
    assertThat(rows(fresh)).isEqualTo(ready).hasSize(5);
    assertThat(fresh.scatter().dataProperty().get().labels()).isEqualTo(readyLabels);
    assertThat(other.getSegmentation().names()).isEqualTo(session.getSegmentation().names());
  }

  /** Each row's name, size, shares and means, as text. */
  private static List<String> rows(SegmentsViewModel v) {
    return v.getRows().stream().map(r -> r.name() + " " + r.size() + " " + r.share() + " " + r.revenueShare() + " "
        + java.util.Arrays.toString(r.means())).toList();
  }

  @Test
  void aRenamedSegmentKeepsItsNameWhenKMovesAndBack() {
    vm.rename(1, "Core loyal");
    assertThat(vm.getRows().get(1).name()).isEqualTo("Core loyal");
    assertThat(session.getSegmentation().names().get(1)).isEqualTo("Core loyal");
    vm.kProperty().set(5);
    vm.kProperty().set(4);
    assertThat(vm.getRows().get(1).name()).isEqualTo("Core loyal");
  }

  @Test
  void stabilityAcrossTheSweepOnRequest() {
    double chosen = vm.stabilityProperty().get().meanAri();
    assertThat(vm.getSweepStability()).containsOnlyKeys(4);
    vm.runSweepStability();
    assertThat(vm.getSweepStability()).containsOnlyKeys(2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(vm.getSweepStability().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    // the same seeds and samples as the chosen k's own check
    assertThat(vm.getSweepStability().get(4)).isEqualTo(chosen);
  }

  @Test
  void sameSeedSameLabels() {
    int[] first = session.getSegmentation().labels().clone();
    vm.runSweep();
    assertThat(session.getSegmentation().labels()).containsExactly(first);
  }

  @Test
  void theScatterGetsEveryCustomerAndPcaAxes() {
    ScatterData d = vm.scatter().dataProperty().get();
    assertThat(d.size()).isEqualTo(4_338);
    assertThat(d.xLabel()).startsWith("PC1 (");
    vm.scatter().xAxisProperty().set("recency");
    vm.scatter().scaledProperty().set(false);
    d = vm.scatter().dataProperty().get();
    assertThat(d.xLabel()).isEqualTo("recency");
    assertThat(d.x()[0]).isEqualTo(325.0);
  }
}
