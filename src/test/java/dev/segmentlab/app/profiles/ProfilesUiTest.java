package dev.segmentlab.app.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.app.segments.SegmentsView;
import dev.segmentlab.app.segments.SegmentsViewModel;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Profiles tab inside the Segments step on Online Retail: read the profiles, name segments, move k and back. */
@ExtendWith(ApplicationExtension.class)
class ProfilesUiTest {
  private Session session;
  private SegmentsViewModel segmentsVm;
  private ProfilesViewModel vm;
  private ProfilesView view;
  private Parent root;

  @Start
  void start(Stage stage) {
    session = new Session();
    FxAsync async = new FxAsync(new TaskMonitor(), 2);
    segmentsVm = new SegmentsViewModel(session, async, new TestDialogs(), async.executor());
    vm = new ProfilesViewModel(session, segmentsVm::rename, segmentsVm::recolour);
    view = new ProfilesView(vm);
    root = (Parent) new SegmentsView(segmentsVm, view.node()).node();
    Scene scene = new Scene(root, 1500, 1000);
    scene.getStylesheets().add(getClass().getResource("/dev/segmentlab/app/app.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void namesTypedInTheProfilesSurviveKMovingAndBack(FxRobot robot) {
    ProfilesFixture.prepareOnlineRetail();
    robot.interact(() -> ProfilesFixture.publishOnlineRetail(session));
    TableView<ProfileRow> table = robot.lookup("#profileTable").queryTableView();
    UiTestSupport.waitUntil(() -> segmentsVm.currentK() == 4 && table.getItems().size() == 5);
    robot.clickOn(robot.lookup(".tab-label").match((Label l) -> "Profiles".equals(l.getText())).queryAs(Label.class));
    UiTestSupport.waitUntil(table::isVisible);

    assertThat(names(table)).first().isEqualTo("Champions");
    assertThat(names(table)).last().isEqualTo("All customers");
    assertThat(table.getItems().stream().filter(r -> !r.isOverall()).mapToInt(ProfileRow::size).sum()).isEqualTo(4_338);

    // rename segment 1 in the table: double-click its name, type, Enter
    String oldName = table.getItems().get(1).name();
    // the stability re-runs start after the redraw and replace the rows when they end (which would end an edit
    // begun before): let them finish first
    UiTestSupport.waitUntil(() -> segmentsVm.stabilityProperty().get() != null
        && !segmentsVm.stabilityRunningProperty().get());
    // the tab was just shown: its cells appear at the next layout pulse
    UiTestSupport.waitUntil(() -> robot.lookup("#profileTable .table-cell")
        .match((TableCell<?, ?> c) -> oldName.equals(c.getText())).tryQuery().isPresent());
    robot.doubleClickOn(nameCell(robot, oldName));
    UiTestSupport.waitUntil(() -> robot.lookup("#profileTable .text-field").tryQuery().isPresent());
    TextField editor = robot.lookup("#profileTable .text-field").queryAs(TextField.class);
    UiTestSupport.waitUntil(editor::isFocused);
    robot.interact(editor::selectAll);
    robot.write("Core loyal").type(KeyCode.ENTER);
    UiTestSupport.waitUntil(() -> "Core loyal".equals(session.getSegmentation().names().get(1)));
    UiTestSupport.waitUntil(() -> names(table).contains("Core loyal"));

    // rename segment 2 in the editor: select its row, type in the name field, Apply
    String name2 = table.getItems().get(2).name();
    robot.clickOn(nameCell(robot, name2));
    UiTestSupport.waitUntil(() -> vm.selectedSegmentProperty().get() == 2);
    assertThat(robot.lookup("#segmentDescription").queryAs(Label.class).getText())
        .isEqualTo(session.getSegmentation().analysis().names().get(2).description());
    assertThat(robot.lookup("#segmentAction").queryAs(Label.class).getText()).isNotEmpty();
    robot.doubleClickOn("#nameField");
    robot.interact(() -> robot.lookup("#nameField").queryAs(TextField.class).selectAll());
    robot.write("Nearly gone");
    robot.clickOn("#applyName");
    UiTestSupport.waitUntil(() -> names(table).contains("Nearly gone"));
    assertThat(session.getSegmentation().names()).containsExactly("Champions", "Core loyal", "Nearly gone",
        session.getSegmentation().names().get(3));

    // k 4 → 5 → 4: the names come back with their segments
    robot.interact(() -> segmentsVm.kProperty().set(5));
    UiTestSupport.waitUntil(() -> table.getItems().size() == 6 && view.snake().chart().getData().size() == 5);
    assertDrawn(robot, vm.snakeProperty().get());
    robot.interact(() -> segmentsVm.kProperty().set(4));
    UiTestSupport.waitUntil(() -> table.getItems().size() == 5 && view.snake().chart().getData().size() == 4);
    assertThat(names(table)).contains("Core loyal", "Nearly gone");
    assertThat(table.getItems().get(1).name()).isEqualTo("Core loyal");

    // the charts got the segments
    List<XYChart.Series<String, Number>> series = view.snake().chart().getData();
    assertThat(series).extracting(XYChart.Series::getName).contains("Core loyal");
    assertThat(series).allSatisfy(s -> assertThat(s.getData()).hasSize(3));
    assertThat(series.get(0).getData()).extracting(XYChart.Data::getXValue).containsExactly("recency", "frequency", "monetary");
    assertDrawn(robot, vm.snakeProperty().get());
    // a new name (the same segments and features): the lines take it in place
    XYChart.Series<String, Number> first = series.get(0);
    robot.interact(() -> segmentsVm.rename(3, "Drifting"));
    UiTestSupport.waitUntil(() -> vm.snakeProperty().get().names().contains("Drifting"));
    assertThat(view.snake().chart().getData().get(0)).isSameAs(first);
    assertDrawn(robot, vm.snakeProperty().get());
    assertThat(view.heatmap().grid().rows()).isEqualTo(4);
    assertThat(view.heatmap().grid().names()).contains("Core loyal");
    assertThat(view.heatmap().drawCount()).isPositive();
    assertThat(view.boxes().data().boxes()).hasSize(4);
    UiTestSupport.waitUntil(() -> robot.lookup("#ariLabel").queryAs(Label.class).getText().startsWith("Mean ARI across 10 seeds: "));
    UiTestSupport.waitUntil(() -> table.getItems().stream().filter(r -> !r.isOverall()).noneMatch(r -> Double.isNaN(r.stability())));

    // sorting by size keeps "All customers" last
    robot.clickOn(robot.lookup("#profileTable .column-header .label").match((Label l) -> "Customers".equals(l.getText())).queryAs(Label.class));
    UiTestSupport.waitUntil(() -> table.getItems().get(0).size() == table.getItems().stream()
        .filter(r -> !r.isOverall()).mapToInt(ProfileRow::size).min().orElseThrow());
    assertThat(table.getItems().get(4).isOverall()).isTrue();
    assertThat(table.getItems().subList(0, 4)).extracting(ProfileRow::size).isSorted();
  }

  /** The snake plot draws {@code g}: a line per segment through its means, and a legend of names and colours. */
  private void assertDrawn(FxRobot robot, SegmentGrid g) {
    List<XYChart.Series<String, Number>> lines = view.snake().chart().getData();
    assertThat(lines).hasSize(g.rows());
    for (int s = 0; s < g.rows(); s++) {
      assertThat(lines.get(s).getName()).isEqualTo(g.names().get(s));
      for (int f = 0; f < g.columns(); f++) {
        assertThat(lines.get(s).getData().get(f).getYValue().doubleValue()).isEqualTo(g.get(s, f));
      }
    }
    List<Label> legend = robot.lookup("#snakeLegend .label").queryAllAs(Label.class).stream()
        .filter(javafx.scene.Node::isVisible).toList();
    assertThat(legend).extracting(Label::getText).containsExactlyElementsOf(g.names());
    assertThat(legend).extracting(l -> ((javafx.scene.shape.Rectangle) l.getGraphic()).getFill())
        .containsExactlyElementsOf(g.colours().stream().map(javafx.scene.paint.Color::web).toList());
  }

  private static List<String> names(TableView<ProfileRow> table) {
    return table.getItems().stream().map(ProfileRow::name).toList();
  }

  private static TableCell<?, ?> nameCell(FxRobot robot, String name) {
    return robot.lookup("#profileTable .table-cell").match((TableCell<?, ?> c) -> name.equals(c.getText())).query();
  }
}
