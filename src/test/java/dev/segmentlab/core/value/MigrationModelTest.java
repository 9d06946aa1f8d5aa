package dev.segmentlab.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.model.SegmentModel;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.quality.CleaningOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Migration labels both periods with the fitted {@link SegmentModel} (Online Retail, k = 4). */
class MigrationModelTest {
  static PipelineResult run;

  @BeforeAll
  static void fit() {
    PipelineOptions o = new PipelineOptions(ReadOptions.defaults(), CleaningOptions.defaults(), List.of(),
        Transform.LOG1P, Scaling.STANDARD, 4, 4, 4, 2, 42, 0);
    run = Pipeline.run(Path.of("assets/data/online-retail.csv.gz"), o, RunControl.none());
  }

  @Test
  void theModelGivesTheTrainingCustomersTheirLabels() {
    SegmentModel model = run.segmentation().model();
    assertThat(Migration.label(model, Migration.features(run.cleaned(), model))).isEqualTo(run.segmentation().labels());
  }

  @Test
  void theDataAgainstItselfKeepsEveryoneInPlace() {
    Migration.Result r = Migration.run(run.segmentation().model(), run.cleaned(), run.cleaned());
    assertThat(r.inBoth()).isEqualTo(4_315); // returns netted: 4,315 customers
    assertThat(r.stayed()).isEqualTo(4_315);
    assertThat(r.movers()).isEmpty();
    assertThat(r.newCustomers()).containsOnly(0);
    assertThat(r.lapsed()).containsOnly(0);
    int[] sizes = new int[4];
    for (int l : run.segmentation().labels()) sizes[l]++;
    for (int s = 0; s < 4; s++) assertThat(r.transitions()[s][s]).isEqualTo(sizes[s]);
  }
}
