package dev.segmentlab.app.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.app.segments.SegmentsViewModel;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.value.ValueAnalysis;
import dev.segmentlab.core.value.ValueOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile table's predicted revenue of the next 12 months per segment (Σ CLV) and its share. */
class PredictedRevenueTest {
  private final Session session = new Session();
  private final SegmentsViewModel segments = new SegmentsViewModel(session, new SameThreadAsync(), new TestDialogs(), null);
  private final ProfilesViewModel vm = new ProfilesViewModel(session, segments::rename, segments::recolour,
      new SameThreadAsync());

  @Test
  void eachSegmentHasItsCustomersClvAndTheSharesAddUp() {
    ProfilesFixture.publishOnlineRetail(session);
    SegmentationResult seg = session.getSegmentation();
    assertThat(vm.predictedRevenueProperty().get()).isNotNull();
    List<ProfileRow> rows = vm.getRows();
    double[][] expected = ValueAnalysis.shared(session.getCleaned(), ValueOptions.defaults())
        .bySegment(seg.matrix().ids(), seg.labels(), seg.k());
    double sum = 0, shares = 0;
    for (int s = 0; s < seg.k(); s++) {
      assertThat(vm.predictedRevenue(rows.get(s))).isEqualTo(expected[s][0]);
      sum += vm.predictedRevenue(rows.get(s));
      shares += vm.predictedShare(rows.get(s));
    }
    ProfileRow all = rows.get(seg.k());
    // 4,338 customers after the seeds' cleaning: Σ CLV 8.62 M (README, value_reference.py)
    assertThat(vm.predictedRevenue(all)).isCloseTo(8.62e6, within(0.01e6)).isCloseTo(sum, within(1e-3));
    assertThat(shares).isCloseTo(1, within(1e-9));
    assertThat(vm.predictedShare(all)).isEqualTo(1);
    // the Champions carry most of the predicted revenue, as of the past revenue
    assertThat(rows.get(0).name()).isEqualTo("Champions");
    assertThat(vm.predictedShare(rows.get(0))).isGreaterThan(0.5);

    // renaming keeps the figures (same labels); no data, no figures
    segments.rename(1, "Core buyers");
    assertThat(vm.predictedRevenue(vm.getRows().get(1))).isEqualTo(expected[1][0]);
    session.segmentationProperty().set(null);
    assertThat(vm.predictedRevenueProperty().get()).isNull();
  }
}
