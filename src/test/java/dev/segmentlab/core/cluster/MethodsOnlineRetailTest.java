package dev.segmentlab.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.quality.CleanedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mixtures and Ward on Online Retail's log1p + standard RFM (bundled file, default cleaning, 4,338 customers)
 * against scikit-learn 1.2.1: {@code src/test/python/methods_reference.py} made
 * {@code src/test/resources/cluster/methods-reference.json}.
 */
class MethodsOnlineRetailTest {
  private static Points x;
  private static JsonNode reference;

  @BeforeAll
  static void matrix() throws IOException {
    Stages s = Stages.plain();
    PipelineOptions o = PipelineOptions.defaults();
    Dataset d = s.load(Path.of("assets/data/online-retail.csv.gz"), o.read(), RunControl.none());
    CleanedData cleaned = s.clean(d, o.cleaning(), RunControl.none());
    Stages.Features f = s.features(d, cleaned);
    FeatureMatrix m = s.matrix(f.features(), o.featureOptions(f.defaults()));
    x = Points.of(m.scaled());
    try (InputStream in = MethodsOnlineRetailTest.class.getResourceAsStream("/cluster/methods-reference.json")) {
      reference = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void mixtureLikelihoodNoWorseThanScikitLearnAndDegenerateComponentsReported() {
    assertThat(x.size()).isEqualTo(4338).isEqualTo(reference.get("customers").asInt());
    for (JsonNode ref : reference.get("gmm")) {
      if (ref.get("floor").asDouble() != 1e-6) continue;
      int k = ref.get("k").asInt();
      GaussianMixture.Result r = GaussianMixture.fit(x, GaussianMixture.Options.of(k).withCovarianceFloor(1e-6),
          RunControl.none());
      assertThat(r.meanLogLikelihood()).as("k=%d", k)
          .isGreaterThanOrEqualTo(ref.get("mean_log_likelihood").asDouble() - 0.02);
      // one component per one-order (1,493), two-order (835) ... customers: at least as many as scikit-learn's fit
      assertThat(r.degenerate().size()).as("k=%d", k).isGreaterThanOrEqualTo(ref.get("degenerate_components").asInt());
      var sizes = r.degenerate().stream().map(GaussianMixture.Degenerate::size).toList();
      if (k == 2) assertThat(sizes).containsExactly(1493);
      if (k == 4) assertThat(sizes).containsExactlyInAnyOrder(1493, 835);
      if (k == 6) assertThat(sizes).hasSize(3);
    }
  }

  @Test
  void wardWcssWithinHalfAPercentOfScikitLearn() {
    Ward.Result w = Ward.fit(x, Ward.Options.defaults(), RunControl.none());
    assertThat(w.approximate()).isFalse();
    for (JsonNode ref : reference.get("ward")) {
      int k = ref.get("k").asInt();
      double wcss = w.dendrogram().wcss(k);
      assertThat(wcss).as("k=%d", k).isCloseTo(ref.get("wcss").asDouble(), Percentage.withPercentage(0.5));
      assertThat(Criteria.wcss(x, w.labels(x, k, Ordering.BY_SIZE_DESC))).isCloseTo(wcss, Percentage.withPercentage(1e-6));
    }
  }
}
