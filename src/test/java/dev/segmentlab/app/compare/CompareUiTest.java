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

  // the same customers with their recency (days) and frequency (orders), to read the profile differences
  private static final List<String> FEATURES = List.of("recency", "frequency");
  private static final double[][] VALUES = {{10, 5}, {20, 4}, {30, 3}, {40, 2}, {100, 1}, {200, 1}, {300, 1},
      {400, 2}, {500, 2}, {600, 3}};
  private static final PinnedSolution A2 = new PinnedSolution("kmeans k=2", IDS, A.labels(), A.names(), FEATURES, VALUES);
  private static final PinnedSolution B2 = new PinnedSolution("gmm k=3", IDS, B.labels(), B.names(), FEATURES, VALUES);

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
  void profileDifferencesAfterAPlaceholderUntilTwoArePinned(FxRobot robot) {
    TableView<?> table = robot.lookup("#contingencyTable").queryAs(TableView.class);
    TableView<?> diff = robot.lookup("#profileDiffTable").queryAs(TableView.class);
    assertThat(((javafx.scene.control.Label) table.getPlaceholder()).getText()).isEqualTo("Pin two solutions to compare them");
    assertThat(robot.lookup("Pin two solutions to compare them").queryAll()).isNotEmpty();
    assertThat(robot.lookup("No columns in table").queryAll()).isEmpty();
    robot.interact(() -> vm.pin(A2));
    assertThat(table.getItems()).isEmpty();
    assertThat(((javafx.scene.control.Label) diff.getPlaceholder()).getText()).isEqualTo("Pin two solutions to compare them");
    assertThat(robot.lookup(".placeholder .label").queryAll().stream().map(n -> ((javafx.scene.control.Label) n).getText()))
        .contains("Pin two solutions to compare them");

    robot.interact(() -> vm.pin(B2));
    UiTestSupport.waitUntil(() -> vm.getDiffRows().size() == 2);
    robot.interact(() -> { });
    assertThat(diff.getColumns().stream().map(TableColumn::getText).toList())
        .containsExactly("A segment", "Best match in B", "Overlap", "median recency", "median frequency");
    assertThat(diff.getColumns().get(3).getColumns().stream().map(TableColumn::getText).toList())
        .containsExactly("A", "B", "B − A");
    // A's Champions (c0–c3) are all in B's Champions (c0–c3 and c9): recency 25 → 30 days, frequency 3.5 → 3
    assertThat(diffCell(diff, 0, 0, -1)).isEqualTo("0 Champions");
    assertThat(diffCell(diff, 0, 1, -1)).isEqualTo("0 Champions");
    assertThat(diffCell(diff, 0, 2, -1)).isEqualTo("4 (100%)");
    assertThat(diffCell(diff, 0, 3, 0)).isEqualTo(25.0);
    assertThat(diffCell(diff, 0, 3, 1)).isEqualTo(30.0);
    assertThat(diffCell(diff, 0, 3, 2)).isEqualTo(5.0);
    assertThat(diffCell(diff, 0, 4, 2)).isEqualTo(-0.5);
    // A's Hibernating (c4–c9) best matches B's Lost (c4–c6, 3 of 6): recency 350 → 200, frequency 1.5 → 1
    assertThat(diffCell(diff, 1, 1, -1)).isEqualTo("1 Lost");
    assertThat(diffCell(diff, 1, 2, -1)).isEqualTo("3 (50%)");
    assertThat(diffCell(diff, 1, 3, 0)).isEqualTo(350.0);
    assertThat(diffCell(diff, 1, 3, 1)).isEqualTo(200.0);
    assertThat(diffCell(diff, 1, 3, 2)).isEqualTo(-150.0);
    assertThat(diffCell(diff, 1, 4, 0)).isEqualTo(1.5);
    assertThat(diffCell(diff, 1, 4, 1)).isEqualTo(1.0);
  }

  private static Object diffCell(TableView<?> t, int row, int col, int sub) {
    TableColumn<?, ?> c = t.getColumns().get(col);
    return (sub < 0 ? c : c.getColumns().get(sub)).getCellData(row);
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
