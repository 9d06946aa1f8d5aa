package dev.segmentlab.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.pipeline.SegmentationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fitted model labels its own training customers as the run did, and new ones by the same rule. */
class SegmentModelTest {
  private static final Path RETAIL = Path.of("assets/data/online-retail.csv.gz");
  private static final Path MALL = Path.of("src/test/resources/data/mall-customers.csv");
  private static PipelineResult retail;

  @BeforeAll
  static void run() {
    PipelineOptions d = PipelineOptions.defaults();
    retail = Pipeline.run(RETAIL, new PipelineOptions(d.read(), d.cleaning(), d.features(), d.transform(),
        d.scaling(), 2, 6, 4, d.restarts(), d.seed(), 0), RunControl.on(ForkJoinPool.commonPool()));
  }

  @Test
  void assigningTheTrainingCustomersGivesTheTrainingLabelsOnOnlineRetail() {
    SegmentationResult seg = retail.segmentation();
    assertThat(seg.features().size()).isEqualTo(4338); // the seeds' cleaning
    SegmentModel model = seg.model();
    SegmentModel.Assignment a = model.assign(seg.features());
    assertThat(a.labels().labels()).isEqualTo(seg.labels());
    assertThat(a.labels().totalDistance()).isCloseTo(seg.solution().wcss(), within(1e-6 * seg.solution().wcss()));
    assertThat(a.labels().sizes()).isEqualTo(seg.solution().sizes());
    // the same preparation: bit-identical prepared values
    assertThat(a.matrix().scaled()).isDeepEqualTo(seg.matrix().scaled());
    assertThat(model.names()).isEqualTo(seg.names());
    assertThat(model.descriptions()).hasSize(4).allSatisfy(t -> assertThat(t).isNotBlank());
  }

  @Test
  void assigningTheTrainingCustomersGivesTheTrainingLabelsOnMallCustomers() {
    PipelineOptions d = PipelineOptions.defaults();
    PipelineResult mall = Pipeline.run(MALL, new PipelineOptions(d.read(), d.cleaning(), d.features(),
        d.transform(), d.scaling(), 2, 8, 5, d.restarts(), d.seed(), 0), RunControl.none());
    SegmentationResult seg = mall.segmentation();
    assertThat(seg.features().size()).isEqualTo(200);
    assertThat(seg.model().assign(seg.features()).labels().labels()).isEqualTo(seg.labels());
  }

  @Test
  void aNewCustomerGoesToTheNearestCentroidInThePreparedSpace() {
    SegmentationResult seg = retail.segmentation();
    SegmentModel model = seg.model();
    // one customer with the raw features of customer 0 and one with those of the last customer
    double[][] cols = new double[3][2];
    int last = seg.features().size() - 1;
    for (int f = 0; f < 3; f++) {
      double[] c = seg.features().column(List.of("recency", "frequency", "monetary").get(f));
      cols[f] = new double[] {c[0], c[last]};
    }
    CustomerFeatures two = new CustomerFeatures(new String[] {"a", "b"}, List.of("recency", "frequency", "monetary"),
        cols, null, null, null);
    int[] labels = model.assign(two).labels().labels();
    int[] training = seg.labels();
    assertThat(labels).containsExactly(training[0], training[last]);
  }

  @Test
  void customersWithoutAFeatureOfTheModelAreRefusedByName() {
    SegmentModel model = retail.segmentation().model();
    CustomerFeatures other = new CustomerFeatures(new String[] {"x"}, List.of("age"), new double[][] {{30}}, null,
        null, null);
    assertThatThrownBy(() -> model.assign(other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'recency'");
  }

  @Test
  void kMeansModelBreaksTiesTowardsTheLowerSegment() {
    KMeansModel m = new KMeansModel(new double[][] {{0, 0}, {2, 0}});
    Labels l = m.assign(new double[][] {{1, 0}, {1.9, 0}, {-1, 0}});
    assertThat(l.labels()).containsExactly(0, 1, 0);
    assertThat(l.distances()).containsExactly(new double[] {1.0, 0.01, 1.0}, within(1e-12));
    assertThat(l.sizes()).containsExactly(2, 1);
    assertThat(m.centres()).isDeepEqualTo(new double[][] {{0, 0}, {2, 0}});
  }
}
