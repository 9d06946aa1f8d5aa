package dev.segmentlab.app.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.compare.CompareViewModel;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.cluster.Method;
import org.junit.jupiter.api.Test;

/** The Segments step's method choice, and its solutions pinned in the Compare tab. */
class SegmentsMethodTest {
  @Test
  void wardAndMixtureSweepsPublishTheirModelsAndCompareWithKMeans() {
    Session session = new Session();
    SegmentsViewModel vm = new SegmentsViewModel(session, new SameThreadAsync(), new TestDialogs(), null);
    CompareViewModel compare = new CompareViewModel(session, new SameThreadAsync(), new TestDialogs());
    SegmentsFixture.publish(session); // k-means sweep, k = 4
    assertThat(session.getSegmentation().method()).isEqualTo("kmeans");
    compare.pinCurrent();

    vm.methodProperty().set(Method.WARD);
    vm.runSweep();
    assertThat(session.getSegmentation().method()).isEqualTo("ward");
    assertThat(session.getSegmentation().k()).isEqualTo(4);
    // scikit-learn's AgglomerativeClustering(linkage="ward") at k = 4: WCSS 4493.66
    assertThat(vm.getSweepPoints().get(2).wcss()).isCloseTo(4493.66, within(0.01));
    assertThat(vm.methodNoteProperty().get()).contains("exact");
    compare.pinCurrent();
    assertThat(compare.getPinned()).extracting(p -> p.label().substring(0, 10)).containsExactly("kmeans k=4", "ward k=4 ·");
    assertThat(compare.getRows()).hasSize(4);
    assertThat(compare.getRows().stream().mapToInt(CompareViewModel.Row::total).sum()).isEqualTo(4338);
    assertThat(Double.parseDouble(compare.ariProperty().get())).isBetween(0.3, 0.99);

    vm.methodProperty().set(Method.GMM);
    vm.kMaxProperty().set(4);
    vm.runSweep();
    assertThat(session.getSegmentation().method()).isEqualTo("gmm");
    assertThat(vm.methodNoteProperty().get()).contains("BIC by k:  2: 13,437 (1 at the floor)").contains("discrete");
    // the BIC chart's data: one component at the floor at k = 2 and 3 (one-order customers), two at k = 4
    MethodChartData.Mixture mix = vm.methodChartsProperty().get().mixture();
    assertThat(mix.k()).containsExactly(2, 3, 4);
    assertThat(mix.degenerate()).containsExactly(1, 1, 2);
    assertThat(mix.bic()[0]).isCloseTo(13_437, within(5.0));
    assertThat(mix.aic()[0]).isLessThan(mix.bic()[0]);
  }
}
