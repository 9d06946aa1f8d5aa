package dev.segmentlab.app.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.app.segments.SegmentsViewModel;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.segments.SegmentPalette;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfilesViewModelTest {
  private final Session session = new Session();
  private final SegmentsViewModel segments = new SegmentsViewModel(session, new SameThreadAsync(), new TestDialogs(), null);
  private final List<String> calls = new ArrayList<>();
  private final ProfilesViewModel vm = new ProfilesViewModel(session,
      (s, n) -> { calls.add("rename " + s + " " + n); segments.rename(s, n); },
      (s, c) -> { calls.add("recolour " + s + " " + c); segments.recolour(s, c); });

  @Test
  void theProfileRowsAddUpAndChampionsCarryTheRevenue() {
    ProfilesFixture.publishOnlineRetail(session);
    List<ProfileRow> rows = vm.getRows();
    assertThat(rows).hasSize(5);
    List<ProfileRow> seg = rows.subList(0, 4);
    assertThat(seg).extracting(ProfileRow::segment).containsExactly(0, 1, 2, 3);
    assertThat(seg.stream().mapToInt(ProfileRow::size).sum()).isEqualTo(4_338);
    assertThat(seg.stream().mapToDouble(ProfileRow::revenueShare).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(seg.stream().mapToDouble(ProfileRow::customerShare).sum()).isCloseTo(1.0, within(1e-9));
    ProfileRow all = rows.get(4);
    assertThat(all.isOverall()).isTrue();
    assertThat(all.name()).isEqualTo("All customers");
    assertThat(all.size()).isEqualTo(4_338);
    assertThat(seg.stream().mapToDouble(ProfileRow::revenue).sum()).isCloseTo(all.revenue(), within(all.revenue() * 1e-9));
    assertThat(rows.get(0).name()).isEqualTo("Champions");
    assertThat(rows.get(0).revenueShare()).isGreaterThan(0.6);
    assertThat(rows.get(0).action()).isNotEmpty();
    assertThat(rows.get(0).topCountry()).isEqualTo("United Kingdom");
    assertThat(vm.getFeatures()).containsExactly("recency", "frequency", "monetary");
    assertThat(vm.hasRevenueProperty().get()).isTrue();
    assertThat(vm.hasActionsProperty().get()).isTrue();
    // stability arrived (same-thread) and was republished into the rows
    assertThat(seg).allSatisfy(r -> assertThat(r.stability()).isBetween(0.0, 1.0));
    assertThat(seg).allSatisfy(r -> assertThat(r.unstable()).isEqualTo(r.stability() < 0.6));
    assertThat(vm.ariTextProperty().get()).matches("Mean ARI across 10 seeds: \\d[.,]\\d\\d");
  }

  @Test
  void meansInOriginalUnitsAndHeatmapEqualsMeanOverOverallMinusOne() {
    ProfilesFixture.publishOnlineRetail(session);
    FeatureMatrix m = session.getMatrix();
    int[] labels = session.getSegmentation().labels();
    int k = 4;
    int d = m.dims();
    double[][] sums = new double[k][d];
    int[] counts = new int[k];
    double[] total = new double[d];
    double[][] raw = m.raw();
    for (int i = 0; i < raw.length; i++) {
      counts[labels[i]]++;
      for (int f = 0; f < d; f++) {
        sums[labels[i]][f] += raw[i][f];
        total[f] += raw[i][f];
      }
    }
    SegmentGrid heat = vm.heatmapProperty().get();
    assertThat(heat.rows()).isEqualTo(k);
    assertThat(heat.features()).containsExactly("recency", "frequency", "monetary");
    for (int s = 0; s < k; s++) {
      for (int f = 0; f < d; f++) {
        double mean = sums[s][f] / counts[s];
        double expected = mean / (total[f] / raw.length) - 1;
        assertThat(heat.get(s, f)).isCloseTo(expected, within(1e-9));
        assertThat(vm.getRows().get(s).mean(f)).isCloseTo(mean, within(1e-9 * Math.max(1, Math.abs(mean))));
      }
    }
    assertThat(vm.getRows().get(4).mean(2)).isCloseTo(total[2] / raw.length, within(1e-6));
    // Champions spend far more than the average customer
    assertThat(heat.get(0, 2)).isGreaterThan(1.0);
    assertThat(ProfileFormat.change(heat.get(0, 2))).startsWith("+").endsWith("%");
    assertThat(heat.names()).containsExactlyElementsOf(session.getSegmentation().names());

    SegmentGrid snake = vm.snakeProperty().get();
    assertThat(snake.rows()).isEqualTo(k);
    assertThat(snake.colours()).containsExactlyElementsOf(session.getSegmentation().colours());
    // the snake plot is in standard deviations: weighted by size, the segment means cancel out
    for (int f = 0; f < d; f++) {
      double w = 0;
      for (int s = 0; s < k; s++) w += counts[s] * snake.get(s, f);
      assertThat(w / raw.length).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void renamingCallsThroughAndTheNameShowsEverywhere() {
    ProfilesFixture.publishOnlineRetail(session);
    vm.rename(1, "Core loyal");
    assertThat(calls).containsExactly("rename 1 Core loyal");
    assertThat(vm.getRows().get(1).name()).isEqualTo("Core loyal");
    assertThat(vm.heatmapProperty().get().names().get(1)).isEqualTo("Core loyal");
    assertThat(vm.snakeProperty().get().names().get(1)).isEqualTo("Core loyal");
    // the same name again does nothing
    vm.rename(1, " Core loyal ");
    assertThat(calls).hasSize(1);

    // the editor: select, type, apply
    vm.selectedSegmentProperty().set(2);
    String suggested = vm.getRows().get(2).suggestedName();
    assertThat(vm.nameTextProperty().get()).isEqualTo(suggested);
    assertThat(vm.segmentDescriptionProperty().get()).isEqualTo(session.getSegmentation().analysis().names().get(2).description());
    assertThat(vm.segmentActionProperty().get()).isEqualTo(session.getSegmentation().analysis().names().get(2).action());
    assertThat(vm.canApplyNameProperty().get()).isFalse();
    assertThat(vm.canResetProperty().get()).isFalse();
    vm.nameTextProperty().set("Nearly gone");
    assertThat(vm.canApplyNameProperty().get()).isTrue();
    vm.applyName();
    assertThat(vm.getRows().get(2).name()).isEqualTo("Nearly gone");
    assertThat(vm.selectedTitleProperty().get()).isEqualTo("Segment 2 · Nearly gone");
    assertThat(vm.canResetProperty().get()).isTrue();

    vm.recolourSelected("#123456");
    assertThat(vm.getRows().get(2).colour()).isEqualTo("#123456");
    assertThat(vm.selectedColourProperty().get()).isEqualTo("#123456");
    vm.recolourSelected("#123456");
    assertThat(calls).containsExactly("rename 1 Core loyal", "rename 2 Nearly gone", "recolour 2 #123456");

    vm.resetToSuggested();
    assertThat(vm.getRows().get(2).name()).isEqualTo(suggested);
    assertThat(vm.getRows().get(2).colour()).isEqualTo(SegmentPalette.colour(2));
    assertThat(vm.nameTextProperty().get()).isEqualTo(suggested);
    assertThat(vm.canResetProperty().get()).isFalse();
    assertThat(vm.getRows().get(1).name()).isEqualTo("Core loyal");
  }

  @Test
  void namesSurviveAKRoundTripAndTheTableFollowsK() {
    ProfilesFixture.publishOnlineRetail(session);
    vm.rename(0, "Whales");
    segments.kProperty().set(5);
    assertThat(vm.getRows()).hasSize(6);
    assertThat(vm.heatmapProperty().get().rows()).isEqualTo(5);
    assertThat(vm.boxesProperty().get().boxes()).hasSize(5);
    segments.kProperty().set(4);
    assertThat(vm.getRows()).hasSize(5);
    assertThat(vm.getRows().get(0).name()).isEqualTo("Whales");
  }

  @Test
  void aDraftInTheEditorSurvivesStabilityArrivingButNotAChangeOfSegment() {
    ProfilesFixture.publishOnlineRetail(session);
    vm.nameTextProperty().set("Best of the b");
    SegmentationResult r = session.getSegmentation();
    // the Segments step republishes the same k when stability arrives
    session.segmentationProperty().set(r.withLabels(r.names(), r.colours()));
    assertThat(vm.nameTextProperty().get()).isEqualTo("Best of the b");
    vm.selectedSegmentProperty().set(3);
    assertThat(vm.nameTextProperty().get()).isEqualTo(r.names().get(3));
  }

  @Test
  void boxPlotsFollowTheChosenFeatureAndPickALogAxisForMonetary() {
    ProfilesFixture.publishOnlineRetail(session);
    assertThat(vm.boxFeatureProperty().get()).isEqualTo("recency");
    vm.boxFeatureProperty().set("monetary");
    BoxData b = vm.boxesProperty().get();
    assertThat(b.feature()).isEqualTo("monetary");
    assertThat(b.log()).isTrue();
    assertThat(b.boxes().stream().mapToInt(x -> x.count()).sum()).isEqualTo(4_338);
    assertThat(b.boxes().get(0).median()).isCloseTo(vm.getRows().get(0).median(2), within(1e-9));
    vm.boxLogProperty().set(false);
    assertThat(vm.boxesProperty().get().log()).isFalse();
  }

  @Test
  void aCustomerTableHasNoRevenueAndDescriptiveNames() {
    ProfilesFixture.publishMall(session);
    assertThat(vm.hasRevenueProperty().get()).isFalse();
    assertThat(vm.hasCountryProperty().get()).isFalse();
    assertThat(vm.hasActionsProperty().get()).isFalse();
    int k = session.getSegmentation().k();
    assertThat(vm.getRows()).hasSize(k + 1);
    assertThat(vm.getRows().subList(0, k).stream().mapToInt(ProfileRow::size).sum()).isEqualTo(200);
    assertThat(vm.getRows().get(0).revenueShare()).isNaN();
    assertThat(vm.getRows()).filteredOn(r -> !r.isOverall()).extracting(ProfileRow::name)
        .anyMatch(n -> n.contains(" · ") || n.toLowerCase().contains("income") || n.toLowerCase().contains("spending"));
  }

  @Test
  void noSegmentationMeansEmptyViews() {
    assertThat(vm.getRows()).isEmpty();
    assertThat(vm.heatmapProperty().get()).isNull();
    ProfilesFixture.publishOnlineRetail(session);
    session.matrixProperty().set(null);
    assertThat(vm.getRows()).isEmpty();
    assertThat(vm.snakeProperty().get()).isNull();
    assertThat(vm.selectedColourProperty().get()).isNull();
  }
}
