package dev.segmentlab.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.quality.Returns;
import org.junit.jupiter.api.Test;

/** The Quality step's returns switch: net by default, with the customers left out counted; drop gives the seeds. */
class ReturnsSwitchTest {
  @Test
  void netIsTheDefaultAndSaysWhoIsLeftOutAndDropGivesTheSeeds() {
    Session session = new Session();
    QualityViewModel vm = new QualityViewModel(session, new SameThreadAsync(), new TestDialogs());
    CleaningViewModel cleaning = vm.cleaning();
    session.datasetProperty().set(OnlineRetailFixture.dataset());
    assertThat(cleaning.netReturnsProperty().get()).isTrue();
    assertThat(session.getCleaned().options().returns()).isEqualTo(Returns.NET);
    assertThat(cleaning.customersLeftProperty().get()).isEqualTo("4,315");
    assertThat(cleaning.returnsNoteProperty().get()).startsWith("23 customers with net spend ≤ 0 left out")
        .contains("161 orders cancelled whole", "8,872 cancellation lines netted");

    cleaning.setReturns(Returns.DROP);
    assertThat(session.getCleaned().options().returns()).isEqualTo(Returns.DROP);
    assertThat(cleaning.customersLeftProperty().get()).isEqualTo("4,338");
    assertThat(cleaning.returnsNoteProperty().get()).startsWith("Cancellations dropped");
    cleaning.undo();
    assertThat(cleaning.netReturnsProperty().get()).isTrue();
    assertThat(cleaning.customersLeftProperty().get()).isEqualTo("4,315");
  }
}
