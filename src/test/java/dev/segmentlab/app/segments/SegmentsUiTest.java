package dev.segmentlab.app.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.UiTestSupport;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Runs the sweep, moves the k slider from 4 to 6, sees six segments and a redrawn scatter. */
@ExtendWith(ApplicationExtension.class)
class SegmentsUiTest {
  private final Session session = new Session();
  private SegmentsViewModel vm;
  private SegmentsView view;

  @Start
  void start(Stage stage) {
    SegmentsFixture.Step step = SegmentsFixture.showStep(stage, session, 1400, 900);
    vm = step.vm();
    view = step.view();
  }

  @Test
  void sweepThenMoveTheSlider(FxRobot robot) {
    robot.interact(() -> SegmentsFixture.publish(session));
    UiTestSupport.waitUntil(120, () -> vm.sweepProperty().get() != null && vm.getRows().size() == 4);
    TableView<?> table = robot.lookup("#segmentsTable").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(4);
    @SuppressWarnings("unchecked")
    LineChart<Number, Number> elbow = robot.lookup("#elbowChart").queryAs(LineChart.class);
    assertThat(elbow.getData().get(0).getData()).hasSize(9);
    assertThat(robot.lookup("#kAdvice").queryAs(Label.class).getText()).contains("k = 5").contains("k = 2");
    int before = view.scatter().redraws();

    Slider k = robot.lookup("#kSlider").queryAs(Slider.class);
    robot.clickOn(k);
    robot.interact(() -> k.setValue(6));
    UiTestSupport.waitUntil(() -> table.getItems().size() == 6);
    assertThat(session.getSegmentation().k()).isEqualTo(6);
    assertThat(view.scatter().redraws()).isGreaterThan(before);
    assertThat(vm.scatter().dataProperty().get().colours()).hasSize(6);
    assertThat(robot.lookup("#kSpinner").queryAs(javafx.scene.control.Spinner.class).getValue()).isEqualTo(6);
    assertThat(sizes(robot)).containsExactlyElementsOf(sizeTexts());

    // down to 3: the bar shows three segments (its other labels are kept, hidden)
    robot.interact(() -> k.setValue(3));
    UiTestSupport.waitUntil(() -> table.getItems().size() == 3);
    robot.interact(() -> { });
    assertThat(sizes(robot)).hasSize(3).containsExactlyElementsOf(sizeTexts());

    // the same features again (as after a new cleaning): the mean columns stay as they are
    List<String> headers = table.getColumns().stream().map(javafx.scene.control.TableColumn::getText).toList();
    assertThat(headers).endsWith("mean recency", "mean frequency", "mean monetary");
    Object meanRecency = table.getColumns().get(8);
    Object sweep = vm.sweepProperty().get();
    robot.interact(() -> {
      session.matrixProperty().set(null);
      SegmentsFixture.publish(session);
    });
    UiTestSupport.waitUntil(120, () -> vm.sweepProperty().get() != null && vm.sweepProperty().get() != sweep
        && !vm.getRows().isEmpty());
    assertThat(table.getColumns().get(8)).isSameAs(meanRecency);
    assertThat(table.getColumns().get(8).getCellData(0)).isEqualTo(vm.getRows().get(0).mean(0));
  }

  /** The texts of the size bar's shown labels, in order. */
  private static List<String> sizes(FxRobot robot) {
    return robot.lookup("#sizesBar").queryAs(HBox.class).getChildren().stream().filter(javafx.scene.Node::isVisible)
        .map(n -> ((Label) n).getText()).toList();
  }

  /** What the size bar should say of each segment: "id: share%" where the share is over 6 %. */
  private List<String> sizeTexts() {
    return vm.getRows().stream().map(r -> r.share() > 0.06 ? r.id() + ": " + String.format("%.0f%%", 100 * r.share()) : "")
        .toList();
  }
}
