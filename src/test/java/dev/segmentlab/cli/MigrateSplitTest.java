package dev.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.model.SegmentModel;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.value.Migration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code migrate --split}: the segmentation fitted on the first period, its model labelling the second. */
class MigrateSplitTest {
  static final Path FILE = Path.of("assets/data/online-retail.csv.gz");

  @Test
  void theFirstPeriodKeepsItsTrainingLabelsAndTheCountsAddUp() throws Exception {
    Stages st = Stages.plain();
    RunControl rc = RunControl.none();
    PipelineOptions o = new PipelineOptions(ReadOptions.defaults(), CleaningOptions.defaults(), List.of(),
        Transform.LOG1P, Scaling.STANDARD, 4, 4, 4, 3, 42, 0);
    Dataset d = st.load(FILE, o.read(), rc);
    CleanedData[] parts = Migration.split(st.clean(d, o.cleaning(), rc), LocalDate.of(2011, 6, 1));
    SegmentationResult first = MigrateCommand.fitPeriod(st, d, parts[0], o, rc);
    SegmentModel model = first.model();
    // assign of period 1 = the training labels
    assertThat(Migration.label(model, Migration.features(parts[0], model))).isEqualTo(first.labels());
    int before = first.matrix().rows();
    int after = RfmBuilder.build(parts[1], null).size();

    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = SegmentLabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
        "migrate", FILE.toString(), "--split", "2011-06-01", "--k", "4", "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("fitted_on").asText()).isEqualTo("period_a");
    assertThat(j.get("customers_a").asInt()).isEqualTo(before);
    assertThat(j.get("customers_b").asInt()).isEqualTo(after);
    int inBoth = 0, lapsed = 0, fresh = 0;
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 4; k++) inBoth += j.get("transitions").get(i).get(k).asInt();
      lapsed += j.get("lapsed").get(i).asInt();
      fresh += j.get("new").get(i).asInt();
    }
    assertThat(inBoth + lapsed).isEqualTo(before);
    assertThat(inBoth + fresh).isEqualTo(after);
    assertThat(j.get("stayed").asInt() + j.get("moved").asInt()).isEqualTo(inBoth);
  }
}
