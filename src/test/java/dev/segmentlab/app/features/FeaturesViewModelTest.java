package dev.segmentlab.app.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Datasets;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.Stats;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FeaturesViewModelTest {
  static CleanedData cleaned;
  static Dataset mall;

  private final Session session = new Session();
  private final TestDialogs dialogs = new TestDialogs();
  private final FeaturesViewModel vm = new FeaturesViewModel(session, new SameThreadAsync(), dialogs);

  @BeforeAll
  static void load() {
    cleaned = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
    mall = Datasets.read(Path.of("src/test/resources/data/mall-customers.csv"));
  }

  private void openOnlineRetail() {
    session.datasetProperty().set(OnlineRetailFixture.dataset());
    assertThat(session.getFeatures()).isNull();
    session.cleanedProperty().set(cleaned);
  }

  @Test
  void cleanedTransactionsGiveRfmFeaturesAndAStandardisedMatrix() {
    openOnlineRetail();
    assertThat(session.getFeatures().size()).isEqualTo(4_338);
    assertThat(session.getFeatures().names()).hasSize(8);
    FeatureMatrix m = session.getMatrix();
    assertThat(m.rows()).isEqualTo(4_338);
    assertThat(m.features()).containsExactly("recency", "frequency", "monetary");
    for (int f = 0; f < 3; f++) {
      assertThat(Stats.mean(m.scaledColumn(f))).isCloseTo(0, within(1e-9));
      assertThat(Stats.std(m.scaledColumn(f))).isCloseTo(1, within(1e-9));
    }
    // customer 12347: recency 2, frequency 7, monetary 4,310.00 (log1p then standardised)
    double[] t = new double[4_338];
    double[] monetary = session.getFeatures().column("monetary");
    for (int i = 0; i < t.length; i++) t[i] = Math.log1p(Math.max(0, monetary[i]));
    assertThat(m.scaled()[1][2]).isCloseTo((Math.log1p(4_310.0) - Stats.mean(t)) / Stats.std(t), within(1e-12));
    assertThat(vm.summaryProperty().get()).isEqualTo("4,338 customers × 3 features · log1p · standard scaling");
    assertThat(vm.snapshotDateProperty().get()).isEqualTo(LocalDate.of(2011, 12, 10));
    assertThat(vm.transactionsModeProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).isEmpty();
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void theTableHasEveryCustomerWithRfmScoresAndFilters() {
    openOnlineRetail();
    FeatureTable t = vm.tableProperty().get();
    assertThat(t.rows()).isEqualTo(4_338);
    assertThat(t.matrix()).isSameAs(session.getMatrix());
    assertThat(t.scores().cell(1)).isEqualTo("555"); // 12347: recent, 7 orders, £4,310
    assertThat(vm.getRows()).hasSize(4_338);
    vm.filterProperty().set("12347");
    assertThat(vm.getRows()).containsExactly(1);
    vm.filterProperty().set("iceland");
    assertThat(vm.getRows()).hasSize(1);
    vm.filterProperty().set("");
    assertThat(vm.getRows()).hasSize(4_338);
  }

  @Test
  void noTransformAndMinMaxScalingChangeTheMatrix() {
    openOnlineRetail();
    FeatureMatrix before = session.getMatrix();
    vm.transformAllProperty().set(Transform.NONE);
    FeatureMatrix m = session.getMatrix();
    assertThat(m).isNotSameAs(before);
    assertThat(m.transforms()).containsOnly(Transform.NONE);
    double[] monetary = session.getFeatures().column("monetary");
    assertThat(m.scaled()[1][2]).isCloseTo((4_310.0 - Stats.mean(monetary)) / Stats.std(monetary), within(1e-12));
    assertThat(vm.summaryProperty().get()).isEqualTo("4,338 customers × 3 features · no transform · standard scaling");

    vm.scalingProperty().set(Scaling.MINMAX);
    m = session.getMatrix();
    double[] recency = session.getFeatures().column("recency");
    double min = java.util.Arrays.stream(recency).min().orElseThrow(), max = java.util.Arrays.stream(recency).max().orElseThrow();
    assertThat(min).isEqualTo(0);
    assertThat(max).isEqualTo(373);
    assertThat(m.scaled()[1][0]).isCloseTo(2.0 / 373, within(1e-12));
    assertThat(m.scaled()[0][0]).isCloseTo(325.0 / 373, within(1e-12));
    for (int f = 0; f < 3; f++) {
      assertThat(Stats.sorted(m.scaledColumn(f))[0]).isEqualTo(0);
      assertThat(Stats.sorted(m.scaledColumn(f))[4_337]).isCloseTo(1, within(1e-12));
    }
    assertThat(vm.summaryProperty().get()).endsWith("no transform · min-max scaling");
  }

  @Test
  void perFeatureTransformsAndWeightsShowInTheMatrix() {
    openOnlineRetail();
    FeatureChoice monetary = choice("monetary");
    monetary.setTransform(Transform.CBRT);
    assertThat(session.getMatrix().transforms()).containsExactly(Transform.LOG1P, Transform.LOG1P, Transform.CBRT);
    assertThat(vm.summaryProperty().get()).contains("mixed transforms");
    double plain = session.getMatrix().scaled()[1][2];
    monetary.setWeight(2);
    assertThat(session.getMatrix().scaled()[1][2]).isCloseTo(2 * plain, within(1e-12));
    assertThat(vm.summaryProperty().get()).endsWith("· weighted");
    choice("tenure").setChosen(true);
    assertThat(session.getMatrix().features()).containsExactly("recency", "frequency", "monetary", "tenure");
  }

  @Test
  void noFeatureChosenGivesAMessageAndNoMatrix() {
    openOnlineRetail();
    for (FeatureChoice c : vm.getChoices()) c.setChosen(false);
    assertThat(session.getMatrix()).isNull();
    assertThat(vm.messageProperty().get()).isEqualTo("Choose at least one feature to cluster on.");
    assertThat(vm.summaryProperty().get()).startsWith("No feature matrix");
    assertThat(dialogs.errors).isEmpty();
    choice("frequency").setChosen(true);
    assertThat(session.getMatrix().dims()).isEqualTo(1);
    assertThat(vm.messageProperty().get()).isEmpty();
  }

  @Test
  void theHistogramsShowTheSelectedFeatureBeforeAndAfter() {
    openOnlineRetail();
    assertThat(vm.histogramFeatureProperty().get()).isEqualTo("recency");
    vm.histogramFeatureProperty().set("monetary");
    FeaturePreview p = vm.previewProperty().get();
    double[] monetary = session.getFeatures().column("monetary");
    assertThat(p.raw().counts()).isEqualTo(Stats.histogram(monetary, FeaturePreview.BINS).counts());
    assertThat(vm.skewBeforeProperty().get()).isEqualTo(FeaturePreview.skewText(Stats.skewness(monetary)));
    assertThat(p.skewBefore()).isGreaterThan(10);
    assertThat(Math.abs(p.skewAfter())).isLessThan(1);
    int[] logCounts = p.transformed().counts();
    vm.transformAllProperty().set(Transform.NONE);
    p = vm.previewProperty().get();
    assertThat(p.transformed().counts()).isNotEqualTo(logCounts);
    assertThat(p.skewAfter()).isCloseTo(Stats.skewness(monetary), within(1e-9));
  }

  @Test
  void anEarlierSnapshotRecomputesRecency() {
    openOnlineRetail();
    vm.snapshotDateProperty().set(LocalDate.of(2011, 12, 20));
    assertThat(session.getFeatures().snapshot().toLocalDate()).isEqualTo(LocalDate.of(2011, 12, 20));
    assertThat(session.getFeatures().column("recency")[1]).isEqualTo(12);
    assertThat(session.getMatrix().rows()).isEqualTo(4_338);
    vm.resetSnapshot();
    assertThat(session.getFeatures().column("recency")[1]).isEqualTo(2);
    assertThat(vm.snapshotDateProperty().get()).isEqualTo(LocalDate.of(2011, 12, 10));
  }

  @Test
  void upstreamGoingAwayClearsFeaturesAndMatrix() {
    openOnlineRetail();
    session.cleanedProperty().set(null);
    assertThat(session.getFeatures()).isNull();
    assertThat(session.getMatrix()).isNull();
    assertThat(vm.getChoices()).isEmpty();
    assertThat(vm.getRows()).isEmpty();
    assertThat(vm.summaryProperty().get()).contains("clean the transactions first");
  }

  @Test
  void aCustomerTableGivesItsNumericColumnsAndOneHotAddsGender() {
    session.datasetProperty().set(mall);
    assertThat(session.getCleaned()).isNull();
    assertThat(vm.transactionsModeProperty().get()).isFalse();
    FeatureMatrix m = session.getMatrix();
    assertThat(m.rows()).isEqualTo(200);
    assertThat(m.features()).containsExactly("Age", "Annual Income (k$)", "Spending Score (1-100)");
    assertThat(m.transforms()).containsOnly(Transform.NONE);
    assertThat(Stats.mean(m.scaledColumn(0))).isCloseTo(0, within(1e-9));
    assertThat(vm.summaryProperty().get()).isEqualTo("200 customers × 3 features · no transform · standard scaling");
    assertThat(vm.tableProperty().get().scores()).isNull();
    assertThat(vm.canOneHotProperty().get()).isTrue();
    assertThat(vm.oneHotLabelProperty().get()).isEqualTo("One-hot encode Gender");

    choice("Age").setWeight(0.5);
    vm.oneHotProperty().set(true);
    m = session.getMatrix();
    assertThat(m.dims()).isEqualTo(5);
    assertThat(m.features()).containsExactly("Age", "Annual Income (k$)", "Spending Score (1-100)", "Gender=Male", "Gender=Female");
    assertThat(m.weights()[0]).isEqualTo(0.5); // kept across the rebuild
    assertThat(m.transforms().subList(3, 5)).containsOnly(Transform.NONE);
    assertThat(session.getFeatures().sum("Gender=Female")).isEqualTo(112);

    vm.oneHotProperty().set(false);
    assertThat(session.getMatrix().dims()).isEqualTo(3);
  }

  @Test
  void switchingFromACustomerTableToTransactionsStartsAfresh() {
    session.datasetProperty().set(mall);
    assertThat(session.getMatrix().rows()).isEqualTo(200);
    session.datasetProperty().set(OnlineRetailFixture.dataset());
    assertThat(session.getFeatures()).isNull();
    assertThat(session.getMatrix()).isNull();
    session.cleanedProperty().set(cleaned);
    assertThat(session.getMatrix().features()).containsExactly("recency", "frequency", "monetary");
    assertThat(vm.transformAllProperty().get()).isEqualTo(Transform.LOG1P);
  }

  private FeatureChoice choice(String name) {
    return vm.getChoices().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theQualityStepsTreatmentIsAppliedAndCounted() {
    openOnlineRetail();
    assertThat(vm.outlierNoteProperty().get()).isEmpty();
    session.outlierHandlingProperty().set(dev.segmentlab.core.features.OutlierHandling.Choice.of(
        dev.segmentlab.core.features.OutlierHandling.Kind.CAP, null, null));
    assertThat(session.getFeatures().size()).isEqualTo(4_338);
    assertThat(vm.outlierNoteProperty().get()).startsWith("174 customers capped at the 1st/99th percentile");
    assertThat(vm.noteProperty().get()).contains("174 customers capped");
    assertThat(session.getMatrix().rows()).isEqualTo(4_338);
    assertThat(java.util.Arrays.stream(session.getMatrix().rawColumn(2)).max().getAsDouble())
        .isCloseTo(19_780.49, within(0.01));
    // monetary alone: only its 87 capped customers
    List.copyOf(vm.getChoices()).stream().filter(c -> !c.name().equals("monetary")).forEach(c -> c.setChosen(false));
    assertThat(vm.outlierNoteProperty().get()).startsWith("87 customers capped");
    assertThat(session.getMatrix().features()).containsExactly("monetary");
    // exclude: the customers outside IQR × 3 on monetary leave the clustering
    session.outlierHandlingProperty().set(dev.segmentlab.core.features.OutlierHandling.Choice.of(
        dev.segmentlab.core.features.OutlierHandling.Kind.EXCLUDE, dev.segmentlab.core.quality.OutlierRule.iqr(3), null));
    assertThat(session.getFeatures().size()).isEqualTo(4_338 - 222);
    assertThat(session.getMatrix().rows()).isEqualTo(4_338 - 222);
    assertThat(vm.summaryProperty().get()).startsWith("4,116 customers × 1 feature");
    assertThat(vm.outlierNoteProperty().get()).startsWith("222 customers outside IQR × 3.0 left out of clustering");
    session.outlierHandlingProperty().set(dev.segmentlab.core.features.OutlierHandling.Choice.KEEP);
    assertThat(session.getFeatures().size()).isEqualTo(4_338);
    assertThat(vm.outlierNoteProperty().get()).isEmpty();
  }
}
