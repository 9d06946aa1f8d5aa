package dev.segmentlab.app.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.model.DbscanModel;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The method's own criteria on Online Retail's 4,338 customers: Ward's dendrogram with k clusters below the cut
 * (k = 4, then 6), and DBSCAN's k-distance plot with its eps marked.
 */
@ExtendWith(ApplicationExtension.class)
class MethodChartsUiTest {
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
  void wardShowsTheCutAtKAndDbscanItsEps(FxRobot robot) {
    @SuppressWarnings("unchecked")
    ComboBox<Method> method = robot.lookup("#methodChoice").queryAs(ComboBox.class);
    robot.interact(() -> method.setValue(Method.WARD));
    robot.interact(() -> SegmentsFixture.publish(session));
    UiTestSupport.waitUntil(180, () -> vm.methodChartsProperty().get() != null
        && vm.methodChartsProperty().get().method() == Method.WARD && vm.getRows().size() == 4);
    TabPane criteria = robot.lookup("#criteriaTabs").queryAs(TabPane.class);
    assertThat(criteria.getSelectionModel().getSelectedItem().getId()).isEqualTo("methodCriteriaTab");
    DendrogramCanvas tree = view.methodCharts().dendrogram();
    UiTestSupport.waitUntil(() -> tree.isVisible() && tree.getWidth() > 0);
    assertThat(tree.clustersBelowCut()).isEqualTo(4);
    assertThat(robot.lookup("#methodChartCaption").queryAs(Label.class).getText())
        .contains("Top 30 merges").contains("k = 4: 4 clusters below");

    @SuppressWarnings("unchecked")
    Spinner<Integer> k = robot.lookup("#kSpinner").queryAs(Spinner.class);
    robot.interact(() -> k.getValueFactory().setValue(6));
    UiTestSupport.waitUntil(() -> vm.getRows().size() == 6);
    assertThat(tree.clustersBelowCut()).isEqualTo(6);
    assertThat(robot.lookup("#methodChartCaption").queryAs(Label.class).getText()).contains("k = 6: 6 clusters below");

    robot.interact(() -> method.setValue(Method.DBSCAN));
    robot.clickOn("#runSweepButton");
    UiTestSupport.waitUntil(180, () -> vm.methodChartsProperty().get() != null
        && vm.methodChartsProperty().get().method() == Method.DBSCAN && session.getSegmentation() != null
        && "dbscan".equals(session.getSegmentation().method()));
    @SuppressWarnings("unchecked")
    LineChart<Number, Number> kd = robot.lookup("#kDistanceChart").queryAs(LineChart.class);
    assertThat(kd.isVisible()).isTrue();
    assertThat(tree.isVisible()).isFalse();
    double eps = ((DbscanModel) session.getSegmentation().clustering()).eps();
    XYChart.Series<Number, Number> epsLine = kd.getData().get(1);
    assertThat(epsLine.getName()).isEqualTo(String.format(java.util.Locale.ROOT, "eps = %.3f", eps));
    assertThat(epsLine.getData()).allSatisfy(d -> assertThat(d.getYValue().doubleValue()).isCloseTo(eps, within(1e-12)));
    // the curve is the sorted k-distances of the 4,338 customers: it rises, and crosses eps
    var curve = kd.getData().get(0).getData();
    assertThat(curve.get(curve.size() - 1).getXValue().intValue()).isEqualTo(4337);
    assertThat(curve.get(0).getYValue().doubleValue()).isLessThan(eps);
    assertThat(curve.get(curve.size() - 1).getYValue().doubleValue()).isGreaterThan(eps);
    assertThat(robot.lookup("#methodChartCaption").queryAs(Label.class).getText()).contains("eps = ");
  }
}
