package dev.segmentlab.app.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.app.profiles.ProfileRow;
import dev.segmentlab.app.profiles.ProfilesViewModel;
import dev.segmentlab.core.pipeline.SegmentationResult;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * k changed ten times in a burst through the spinner on 3,000 synthetic customers (real worker threads): whatever
 * moment the screen is looked at, the table, the names, the scatter's labels and the profile rows are those of
 * one and the same k, never a mix of an older job's and a newer one's; at the end, the k asked for.
 */
@ExtendWith(ApplicationExtension.class)
class SegmentsKChangeUiTest {
  private final Session session = new Session();
  private SegmentsViewModel vm;
  private ProfilesViewModel profiles;

  @Start
  void start(Stage stage) {
    vm = SegmentsFixture.showStep(stage, session, 1280, 800).vm();
    profiles = new ProfilesViewModel(session, vm::rename, vm::recolour);
  }

  /** What the screen shows at one moment, read on the FX thread. */
  private record Shown(int k, int tableRows, int segK, List<String> names, List<String> tableNames,
      int scatterK, boolean scatterLabelsAreTheSolutions, List<String> scatterNames, int profileRows,
      List<String> profileNames, int spinner) {}

  private Shown look(FxRobot robot) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> {
      SegmentationResult seg = session.getSegmentation();
      ScatterData d = vm.scatter().dataProperty().get();
      TableView<?> table = robot.lookup("#segmentsTable").queryAs(TableView.class);
      List<ProfileRow> pr = profiles.getRows();
      return new Shown(vm.currentK(), table.getItems().size(), seg.k(), seg.names(),
          vm.getRows().stream().map(SegmentRow::name).toList(), d.k(),
          Arrays.equals(d.labels(), seg.solution().labels()), Arrays.asList(d.names()), pr.size(),
          pr.subList(0, pr.size() - 1).stream().map(ProfileRow::name).toList(),
          robot.lookup("#kSpinner").queryAs(Spinner.class).getValue() instanceof Integer i ? i : -1);
    }).get();
  }

  private static void assertOneK(Shown s) {
    assertThat(s.tableRows()).as("table rows").isEqualTo(s.k());
    assertThat(s.segK()).as("published k").isEqualTo(s.k());
    assertThat(s.names()).as("names").hasSize(s.k());
    assertThat(s.tableNames()).as("table names").isEqualTo(s.names());
    assertThat(s.scatterK()).as("scatter segments").isEqualTo(s.k());
    assertThat(s.scatterLabelsAreTheSolutions()).as("scatter labels are the solution's").isTrue();
    assertThat(s.scatterNames()).as("scatter names").isEqualTo(s.names());
    assertThat(s.profileRows()).as("profile rows").isEqualTo(s.k() + 1);
    assertThat(s.profileNames()).as("profile names").isEqualTo(s.names());
  }

  @Test
  void tenQuickKChangesNeverShowAMixOfTwoKs(FxRobot robot) throws Exception {
    robot.interact(() -> SyntheticCustomers.publish(session, 3_000));
    UiTestSupport.waitUntil(180, () -> vm.sweepProperty().get() != null && vm.currentK() > 0);
    UiTestSupport.waitUntil(() -> !vm.stabilityRunningProperty().get());
    assertOneK(look(robot));

    Spinner<?> spinner = robot.lookup("#kSpinner").queryAs(Spinner.class);
    robot.clickOn(spinner);
    int[] ks = {5, 6, 7, 3, 8, 9, 2, 10, 4, 6};
    for (int target : ks) {
      robot.interact(() -> ((Spinner<Integer>) spinner).getValueFactory().setValue(target));
      Shown now = look(robot); // at once, while this k's job may still run: whatever is shown is one k's
      assertOneK(now);
      assertThat(now.spinner()).isEqualTo(target);
    }
    UiTestSupport.waitUntil(() -> vm.currentK() == 6);
    Shown last = look(robot);
    assertOneK(last);
    assertThat(last.k()).isEqualTo(6);

    // and one at a time: each k arrives whole
    for (int target : new int[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 5}) {
      robot.interact(() -> ((Spinner<Integer>) spinner).getValueFactory().setValue(target));
      UiTestSupport.waitUntil(() -> vm.currentK() == target);
      Shown s = look(robot);
      assertOneK(s);
      assertThat(s.k()).isEqualTo(target);
    }
  }
}
