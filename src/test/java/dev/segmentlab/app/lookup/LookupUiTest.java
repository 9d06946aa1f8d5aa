package dev.segmentlab.app.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.AppContext;
import dev.segmentlab.app.Step;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.value.Migration;
import dev.segmentlab.core.value.MigrationFlow;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Ctrl+F on the sample, once the segments are there: customer 17850's card shows the Segments step's segment. */
@ExtendWith(ApplicationExtension.class)
class LookupUiTest {
  private AppContext ctx;

  @Start
  void start(Stage stage) {
    ctx = UiTestSupport.showApp(stage, new TestDialogs(), 0, 0);
    ctx.data().openSample();
  }

  @Test
  void looksUpCustomer17850(FxRobot robot) {
    UiTestSupport.waitUntil(180, () -> ctx.session().getSegmentation() != null);
    UiTestSupport.clickUntil(robot, "#stepSegments", () -> ctx.main().getStep() == Step.SEGMENTS);
    SegmentationResult seg = ctx.session().getSegmentation();
    int row = Arrays.asList(seg.features().ids()).indexOf("17850");
    String expected = seg.names().get(seg.labels()[row]);

    robot.clickOn("#mainRoot");
    robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
    UiTestSupport.waitUntil(() -> robot.lookup("#lookupField").tryQuery().isPresent());
    UiTestSupport.waitUntil(120, () -> !ctx.lookup().busyProperty().get());
    robot.clickOn("#lookupField").write("1785");
    UiTestSupport.waitUntil(() -> robot.lookup("#lookupCompletions").queryAs(ListView.class).getItems().contains("17850"));
    robot.clickOn("#lookupField").write("0").type(KeyCode.ENTER);
    UiTestSupport.waitUntil(() -> ctx.lookup().getProfile() != null);

    // the Segments step's scatter rings the customer looked up
    UiTestSupport.waitUntil(() -> ctx.segments().scatter().selectedIndexProperty().get() >= 0);
    assertThat(ctx.segments().selectedCustomerProperty().get()).isEqualTo("17850");

    String title = robot.lookup("#lookupSegment").queryAs(Label.class).getText();
    assertThat(title).contains("17850").contains(expected);
    assertThat(robot.lookup("#lookupPAlive").queryAs(Label.class).getText()).contains("P(alive) 0.99");
    assertThat(robot.lookup("#lookupClv").queryAs(Label.class).getText()).contains("12-month CLV 2,7");
    assertThat(robot.lookup("#lookupFeatures").queryAs(TableView.class).getItems()).hasSize(seg.features().names().size());
    assertThat(robot.lookup("#lookupTimeline").queryAs(ListView.class).getItems()).hasSize(3);

    // the purchase model's holdout check, in a chart and in words
    robot.interact(() -> robot.lookup("#holdoutRun").queryButton().fire());
    UiTestSupport.waitUntil(120, () -> ctx.lookup().holdoutProperty().get() != null);
    assertThat(robot.lookup("#holdoutSummary").queryAs(Label.class).getText()).contains("they made 4,482");
    assertThat(robot.lookup("#holdoutChart").queryAs(javafx.scene.chart.BarChart.class).getData()).hasSize(2);

    // Go > Segment migration…, halves: one row per segment plus the new customers, a column per segment + lapsed
    robot.interact(() -> robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
        .flatMap(m -> m.getItems().stream()).filter(i -> "menuMigration".equals(i.getId())).findFirst().orElseThrow().fire());
    UiTestSupport.waitUntil(() -> robot.lookup("#migrationHalves").tryQuery().isPresent());
    robot.clickOn("#migrationHalves");
    UiTestSupport.waitUntil(60, () -> ctx.migration().resultProperty().get() != null);
    TableView<?> table = robot.lookup("#migrationTable").queryAs(TableView.class);
    assertThat(table.getItems()).hasSize(seg.k() + 1);
    assertThat(table.getColumns()).hasSize(seg.k() + 2);
    assertThat(robot.lookup("#migrationSummary").queryAs(Label.class).getText()).startsWith("Before 2011-06-06");

    // the flow diagram: a band per pair with customers, each thick one labelled with its count
    MigrationFlow flow = ctx.migration().flowProperty().get();
    assertThat(flow).isNotNull();
    Migration.Result r = ctx.migration().resultProperty().get();
    assertThat(flow.customers()).isEqualTo(r.inBoth() + IntStream.of(r.newCustomers()).sum() + IntStream.of(r.lapsed()).sum());
    UiTestSupport.waitUntil(() -> !robot.lookup("#migrationFlow .flow-count").queryAll().isEmpty());
    List<String> shown = robot.lookup("#migrationFlow .flow-count").queryAllAs(Label.class).stream().map(Label::getText).toList();
    List<String> expectedCounts = flow.bands().stream().filter(MigrationFlow.Band::labelled)
        .map(b -> String.format(Locale.ROOT, "%,d", b.count())).toList();
    assertThat(shown).containsExactlyInAnyOrderElementsOf(expectedCounts);
    // the biggest flow (customers who stayed in a segment) is among them, with the table's figure
    int stayedMost = 0;
    for (int i = 0; i < r.k(); i++) stayedMost = Math.max(stayedMost, r.transitions()[i][i]);
    assertThat(shown).contains(String.format(Locale.ROOT, "%,d", stayedMost));
    List<String> blocks = robot.lookup("#migrationFlow .flow-node").queryAllAs(Label.class).stream().map(Label::getText).toList();
    assertThat(blocks).anySatisfy(t -> assertThat(t).startsWith("New customers ("))
        .anySatisfy(t -> assertThat(t).startsWith("Lapsed ("));
  }
}
