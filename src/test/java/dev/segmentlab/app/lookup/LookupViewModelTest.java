package dev.segmentlab.app.lookup;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.quality.CleaningOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No toolkit: a same-thread Async and a session holding a k = 4 segmentation of the sample. */
class LookupViewModelTest {

  @Test void completesLooksUpAndReportsUnknownIds() {
    PipelineOptions o = new PipelineOptions(ReadOptions.defaults(), CleaningOptions.defaults(), List.of(),
        Transform.LOG1P, Scaling.parse("standard"), 4, 4, 4, 2, 42, 0);
    PipelineResult r = Pipeline.run(Path.of("assets/data/online-retail.csv.gz"), o, RunControl.none());
    Session session = new Session();
    LookupViewModel vm = new LookupViewModel(session, new SameThreadAsync());
    vm.prepare();
    assertThat(vm.messageProperty().get()).startsWith("No segments yet");

    session.cleanedProperty().set(r.cleaned());
    session.segmentationProperty().set(r.segmentation());
    vm.queryProperty().set("1785");
    assertThat(vm.getCompletions()).isEmpty(); // the models are not fitted until the lookup opens
    vm.prepare();
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.modelNoteProperty().get()).contains("barely identified");
    assertThat(vm.getCompletions()).contains("17850").allMatch(id -> id.startsWith("1785"));

    vm.lookUp("17850");
    assertThat(vm.getProfile().id()).isEqualTo("17850");
    assertThat(vm.getProfile().segmentName()).isEqualTo(r.segmentation().names().get(vm.getProfile().segment()));
    assertThat(vm.getProfile().pAlive()).isCloseTo(0.98543, within(0.002));
    assertThat(vm.getProfile().clv()).isCloseTo(2788.98, within(5.0));

    vm.lookUp("nobody");
    assertThat(vm.messageProperty().get()).isEqualTo("No customer 'nobody' in the segments.");
    assertThat(vm.getProfile().id()).isEqualTo("17850");

    vm.checkHoldout();
    assertThat(vm.holdoutProperty().get().actual()).isEqualTo(4482);
    assertThat(vm.holdoutProperty().get().groups()).hasSize(8);
  }
}
