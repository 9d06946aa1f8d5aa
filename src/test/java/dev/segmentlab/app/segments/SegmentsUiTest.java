package dev.segmentlab.app.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.UiTestSupport;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
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
  }
}
