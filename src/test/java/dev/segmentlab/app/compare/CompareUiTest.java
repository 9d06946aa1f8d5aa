package dev.segmentlab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.app.fx.SameThreadAsync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** The Compare tab: two pinned solutions side by side, the table read cell by cell, who moved exported. */
@ExtendWith(ApplicationExtension.class)
class CompareUiTest {
  private final TestDialogs dialogs = new TestDialogs();
  private CompareViewModel vm;
  @TempDir Path dir;

  // ten customers; B splits A's segment 1 and keeps 0 ("k = 2 against k = 3: who moved?")
  private static final String[] IDS = {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"};
  private static final PinnedSolution A = new PinnedSolution("kmeans k=2", IDS, new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1},
      List.of("Champions", "Hibernating"));
  private static final PinnedSolution B = new PinnedSolution("gmm k=3", IDS, new int[] {0, 0, 0, 0, 1, 1, 1, 2, 2, 0},
      List.of("Champions", "Lost", "At risk"));

  @Start
  void start(Stage stage) {
    vm = new CompareViewModel(new Session(), new SameThreadAsync(), dialogs);
    stage.setScene(new Scene((javafx.scene.Parent) new CompareView(vm).node(), 900, 600));
    stage.show();
  }

  @Test
  void twoPinnedSolutionsGiveTheirContingencyTableAriAndNmi(FxRobot robot) throws Exception {
    verifyThat("#pinButton", n -> n.isDisabled()); // nothing segmented yet
    robot.interact(() -> {
      vm.pin(A);
      vm.pin(B);
    });
    UiTestSupport.waitUntil(() -> !vm.getRows().isEmpty());
    @SuppressWarnings("unchecked")
    TableView<CompareViewModel.Row> table = robot.lookup("#contingencyTable").queryAs(TableView.class);
    assertThat(table.getColumns().stream().map(TableColumn::getText).toList())
        .containsExactly("A \\ B", "0 Champions", "1 Lost", "2 At risk", "Total");
    assertThat(table.getItems()).hasSize(2);
    assertThat(cell(table, 0, 1)).isEqualTo(4);
    assertThat(cell(table, 0, 2)).isEqualTo(0);
    assertThat(cell(table, 1, 1)).isEqualTo(1);
    assertThat(cell(table, 1, 2)).isEqualTo(3);
    assertThat(cell(table, 1, 3)).isEqualTo(2);
    assertThat(cell(table, 1, 4)).isEqualTo(6);
    // scikit-learn 1.2.1 on these labels: adjusted_rand_score 0.3161..., normalized_mutual_info_score 0.4966...
    verifyThat("#ariLabel", LabeledMatchers.hasText("0.316"));
    verifyThat("#nmiLabel", LabeledMatchers.hasText("0.497"));
    assertThat(robot.lookup("#flowList").queryListView().getItems().get(0)).isEqualTo("Champions → Champions: 4");

    Path moved = dir.resolve("moved.csv");
    dialogs.files.add(moved);
    robot.clickOn("#exportMovedButton");
    UiTestSupport.waitUntil(() -> Files.exists(moved));
    // A's Hibernating went mostly to Lost; c7, c8 (At risk) and c9 (Champions) moved
    assertThat(Files.readAllLines(moved)).containsExactly("customer_id,segment_a,name_a,segment_b,name_b",
        "c7,1,\"Hibernating\",2,\"At risk\"", "c8,1,\"Hibernating\",2,\"At risk\"",
        "c9,1,\"Hibernating\",0,\"Champions\"");
  }

  @Test
  void aSolutionAgainstItselfIsDiagonal(FxRobot robot) {
    robot.interact(() -> {
      vm.pin(A);
      vm.bProperty().set(A);
    });
    UiTestSupport.waitUntil(() -> !vm.getRows().isEmpty());
    verifyThat("#ariLabel", LabeledMatchers.hasText("1.000"));
    assertThat(vm.getRows().get(0).counts()).containsExactly(4, 0);
    assertThat(vm.getRows().get(1).counts()).containsExactly(0, 6);
  }

  private static Object cell(TableView<CompareViewModel.Row> t, int row, int col) {
    return t.getColumns().get(col).getCellData(row);
  }
}
