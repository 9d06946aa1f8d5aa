package dev.segmentlab.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.quality.Returns;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The Quality step driven as an analyst would: switch rules, undo, then examine UnitPrice outliers. */
@ExtendWith(ApplicationExtension.class)
class QualityUiTest {
  private static Dataset retail;
  private Session session;

  @BeforeAll
  static void read() {
    retail = OnlineRetailFixture.dataset(); // off the FX thread
  }

  @Start
  void start(Stage stage) {
    session = new Session();
    QualityViewModel vm = new QualityViewModel(session, new FxAsync(new TaskMonitor(), 2), new TestDialogs());
    Scene scene = new Scene((javafx.scene.Parent) new QualityView(vm).node(), 1200, 800);
    scene.getStylesheets().add(QualityUiTest.class.getResource("/dev/segmentlab/app/app.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
    vm.cleaning().setReturns(Returns.DROP); // these figures are the seeds' (cancellations dropped)
    session.datasetProperty().set(retail);
  }

  @Test
  void switchingRulesUpdatesTheCountsAndTheWaterfall(FxRobot robot) {
    Label rows = robot.lookup("#rowsLeftLabel").queryAs(Label.class);
    Label customers = robot.lookup("#customersLeftLabel").queryAs(Label.class);
    UiTestSupport.waitUntil(() -> "4,338".equals(customers.getText()));
    assertThat(rows.getText()).isEqualTo("392,692");
    assertThat(removals(robot)).containsExactly("missing customer id=135080", "cancellations=8905",
        "non-positive quantity or price=40", "duplicates=5192");

    robot.clickOn("#rule-duplicates");
    UiTestSupport.waitUntil(() -> "397,884".equals(rows.getText()));
    assertThat(customers.getText()).isEqualTo("4,338");
    assertThat(removals(robot)).containsExactly("missing customer id=135080", "cancellations=8905",
        "non-positive quantity or price=40");
    assertThat(label(robot, "#removed-duplicates")).isEqualTo("off · would remove 5,192");
    assertThat(session.getCleaned().size()).isEqualTo(397_884);

    robot.clickOn("#rule-non_product");
    UiTestSupport.waitUntil(() -> "396,337".equals(rows.getText()));
    assertThat(customers.getText()).isEqualTo("4,334");
    assertThat(removals(robot)).endsWith("non-product codes=1547");

    robot.clickOn("#rowsLeftLabel").press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    UiTestSupport.waitUntil(() -> "397,884".equals(rows.getText()));
    robot.clickOn("#undoButton");
    UiTestSupport.waitUntil(() -> "392,692".equals(rows.getText()));
    assertThat(customers.getText()).isEqualTo("4,338");
    assertThat(removals(robot)).endsWith("duplicates=5192");
  }

  @Test
  void unitPriceOutliersOfTheCleanedRowsShowInTheTableAndCharts(FxRobot robot) throws Exception {
    UiTestSupport.waitUntil(() -> "4,338".equals(label(robot, "#customersLeftLabel")));
    robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Outliers")).queryLabeled());
    robot.clickOn("#outlierField");
    // the popup's cell: hidden tabs hold other nodes with the same text
    robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("UnitPrice")).queryLabeled());
    TableView<OutlierViewModel.ExtremeRow> table = robot.lookup("#extremesTable").queryTableView();
    // the rows the rules keep: the bad-debt adjustment (no customer) is gone, postage of 8,142.75 tops the list
    UiTestSupport.waitUntil(() -> table.getItems().stream().anyMatch(e -> e.value() == 8_142.75));
    assertThat(table.getItems()).hasSize(20);
    assertThat(table.getItems().get(0).description()).isEqualTo("POSTAGE");
    assertThat(table.getItems()).noneMatch(e -> Math.abs(e.value()) == 11_062.06);
    assertThat(label(robot, "#outlierSummary")).contains("UnitPrice", "below -2.50", "above 7.50", "34,112 of 392,692");

    BarChart<String, Number> histogram = robot.lookup("#outlierHistogram").query();
    List<XYChart.Data<String, Number>> bins = histogram.getData().get(0).getData();
    assertThat(bins).hasSize(40);
    assertThat(bins.stream().mapToInt(d -> d.getYValue().intValue()).sum()).isEqualTo(392_692);

    BoxPlot box = robot.lookup("#boxPlot").query();
    assertThat(box.getReport().field()).isEqualTo("UnitPrice");
    // the box (Q1 1.25 to Q3 3.75) is painted in its fill colour half-way between the quartiles
    WritableImage img = WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
        WaitForAsyncUtils.asyncFx(() -> box.canvas().snapshot(null, null)));
    double x = (box.xOf(1.25) + box.xOf(2.08)) / 2;
    assertThat(img.getPixelReader().getColor((int) x, (int) box.midY() - 8)).isEqualTo(BoxPlot.BOX);
  }

  private static String label(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  /** The waterfall's removal bars as "rule=rows", top to bottom. */
  private static List<String> removals(FxRobot robot) {
    StackedBarChart<Number, String> chart = robot.lookup("#waterfallChart").query();
    XYChart.Series<Number, String> removed = chart.getData().get(2);
    return removed.getData().stream().filter(d -> d.getXValue().intValue() > 0)
        .map(d -> d.getYValue().replaceAll("\\s+−[\\d,]+$", "") + "=" + d.getXValue())
        .collect(Collectors.toList());
  }
}
