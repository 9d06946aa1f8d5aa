package dev.segmentlab.app.migration;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.value.Migration;
import dev.segmentlab.core.value.MigrationFlow;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationViewModelTest {

  @Test void halvesOfTheSample() {
    PipelineOptions o = new PipelineOptions(ReadOptions.defaults(), CleaningOptions.defaults(), List.of(),
        Transform.LOG1P, Scaling.parse("standard"), 4, 4, 4, 2, 42, 0);
    PipelineResult r = Pipeline.run(Path.of("assets/data/online-retail.csv.gz"), o, RunControl.none());
    Session session = new Session();
    session.cleanedProperty().set(r.cleaned());
    session.segmentationProperty().set(r.segmentation());
    MigrationViewModel vm = new MigrationViewModel(session, new SameThreadAsync());
    vm.halves();
    // 2010-12-01 .. 2011-12-09 is 374 days: the second half starts on day 187
    assertThat(vm.splitProperty().get()).isEqualTo(LocalDate.of(2011, 6, 6));
    assertThat(vm.getRows()).hasSize(5);
    Migration.Result m = vm.resultProperty().get();
    int before = RfmBuilder.build(Migration.split(r.cleaned(), LocalDate.of(2011, 6, 6))[0], null).size();
    int after = RfmBuilder.build(Migration.split(r.cleaned(), LocalDate.of(2011, 6, 6))[1], null).size();
    int lapsed = 0, fresh = 0;
    for (int s = 0; s < 4; s++) {
      lapsed += m.lapsed()[s];
      fresh += m.newCustomers()[s];
    }
    assertThat(m.inBoth() + lapsed).isEqualTo(before);
    assertThat(m.inBoth() + fresh).isEqualTo(after);
    assertThat(vm.summaryProperty().get()).startsWith("Before 2011-06-06").contains(String.format("%,d new", fresh));
    // the flow diagram's layout came with the result: both sides hold every customer once
    MigrationFlow flow = vm.flowProperty().get();
    assertThat(flow.customers()).isEqualTo(m.inBoth() + fresh + lapsed);
    assertThat(flow.left().get(4).count()).isEqualTo(fresh);
    assertThat(flow.right().get(4).count()).isEqualTo(lapsed);
    assertThat(flow.bands().stream().mapToInt(MigrationFlow.Band::count).sum()).isEqualTo(flow.customers());
  }
}
