package dev.segmentlab.app.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.Stats;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Features step on Online Retail, driven as an analyst would: switch the transform, filter the customers. */
@ExtendWith(ApplicationExtension.class)
class FeaturesUiTest {
  private static final String LOG_SUMMARY = "4,338 customers × 3 features · log1p · standard scaling";
  private Session session;
  private FeaturesViewModel vm;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    session = new Session();
    vm = new FeaturesViewModel(session, new FxAsync(new TaskMonitor(), 2), new TestDialogs());
    Scene scene = new Scene((javafx.scene.Parent) new FeaturesView(vm).node(), 1200, 760);
    scene.getStylesheets().add(getClass().getResource("/dev/segmentlab/app/app.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
  }

  @Test
  @SuppressWarnings("unchecked")
  void switchingTheTransformRedrawsTheHistogramAndTheFilterNarrowsTheTable(FxRobot robot) {
    Label summary = openOnlineRetail(robot);
    Label skewAfter = robot.lookup("#skewAfter").queryAs(Label.class);
    UiTestSupport.waitUntil(() -> LOG_SUMMARY.equals(summary.getText()) && !skewAfter.getText().isEmpty());

    double[] recency = session.getFeatures().column("recency");
    double[] logRecency = Arrays.stream(recency).map(Math::log1p).toArray();
    assertThat(robot.lookup("#histogramFeature").queryComboBox().getValue()).isEqualTo("recency");
    assertThat(robot.lookup("#skewBefore").queryAs(Label.class).getText()).isEqualTo(FeaturePreview.skewText(Stats.skewness(recency)));
    assertThat(skewAfter.getText()).isEqualTo(FeaturePreview.skewText(Stats.skewness(logRecency)));
    List<Integer> rawBefore = counts("#rawHistogram", robot);
    List<Integer> logCounts = counts("#transformedHistogram", robot);
    assertThat(rawBefore.stream().mapToInt(Integer::intValue).sum()).isEqualTo(4_338);
    assertThat(logCounts).hasSize(FeaturePreview.BINS);

    BarChart<String, Number> after = robot.lookup("#transformedHistogram").queryAs(BarChart.class);
    javafx.scene.Node firstBar = after.getData().get(0).getData().get(0).getNode();
    String firstLogLabel = after.getData().get(0).getData().get(0).getXValue();
    ComboBox<?> transformAll = robot.lookup("#transformAll").queryComboBox();
    robot.clickOn(transformAll);
    UiTestSupport.waitUntil(transformAll::isShowing);
    robot.clickOn(noneCell(robot));
    String noneSkew = FeaturePreview.skewText(Stats.skewness(recency));
    UiTestSupport.waitUntil(() -> summary.getText().equals("4,338 customers × 3 features · no transform · standard scaling")
        && skewAfter.getText().equals(noneSkew));
    assertThat(vm.transformAllProperty().get()).isEqualTo(Transform.NONE);
    assertThat(skewAfter.getText()).isNotEqualTo(FeaturePreview.skewText(Stats.skewness(logRecency)));
    List<Integer> noneCounts = counts("#transformedHistogram", robot);
    assertThat(noneCounts).isNotEqualTo(logCounts);
    // without a transform, standardising only moves and stretches: the bins match the raw ones
    assertThat(noneCounts).isEqualTo(rawBefore);
    assertThat(counts("#rawHistogram", robot)).isEqualTo(rawBefore);
    // the bars took the new bins in place, and the axis labels them with the new bin centres
    List<String> centres = after.getData().get(0).getData().stream().map(XYChart.Data::getXValue).toList();
    assertThat(after.getData().get(0).getData().get(0).getNode()).isSameAs(firstBar);
    assertThat(centres.get(0)).isNotEqualTo(firstLogLabel);
    robot.interact(() -> { });
    assertThat(((javafx.scene.chart.CategoryAxis) after.getXAxis()).getCategories()).containsExactlyElementsOf(centres);

    TableView<?> table = robot.lookup("#featuresTable").queryTableView();
    assertThat(table.getItems()).hasSize(4_338);
    // the table's cells show the new matrix: the scaled recency of the first row is the plain standardized one
    waitForScaledCell(robot, table, "recency");
    robot.clickOn("#featuresFilter").write("12347");
    UiTestSupport.waitUntil(() -> table.getItems().size() == 1);
    assertThat(table.getColumns().get(0).getCellData(0)).isEqualTo("12347");
    assertThat(table.getColumns().get(1).getCellData(0)).isEqualTo("Iceland");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theRecipeKeepsItsControlsForTheSameFeaturesAndSaysWhenTransformsAreMixed(FxRobot robot) {
    Label summary = openOnlineRetail(robot);
    UiTestSupport.waitUntil(() -> LOG_SUMMARY.equals(summary.getText()));
    ComboBox<?> monetary = robot.lookup("#transform-monetary").queryComboBox();
    ComboBox<?> transformAll = robot.lookup("#transformAll").queryComboBox();
    assertThat(transformAll.getButtonCell().getText()).isEqualTo("log1p");

    // one feature's own transform: the summary and the "for all" combo say the transforms are mixed
    robot.interact(() -> ((ComboBox<Transform>) (ComboBox<?>) monetary).setValue(Transform.CBRT));
    UiTestSupport.waitUntil(() -> summary.getText().contains("mixed transforms"));
    assertThat(transformAll.getButtonCell().getText()).isEqualTo("mixed (per feature)");

    // the same cleaning again (as after a rule toggled twice): the same features keep their rows of controls
    CleanedData again = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
    var mixedMatrix = session.getMatrix();
    robot.interact(() -> session.cleanedProperty().set(again));
    UiTestSupport.waitUntil(() -> session.getMatrix() != null && session.getMatrix() != mixedMatrix);
    assertThat(session.getMatrix().rows()).isEqualTo(4_338);
    assertThat(summary.getText()).contains("mixed transforms");
    assertThat(robot.lookup("#transform-monetary").queryComboBox()).isSameAs(monetary);
    assertThat(monetary.getValue()).isEqualTo(Transform.CBRT);

    // back to one transform for all: the combo shows it again
    robot.interact(() -> ((ComboBox<Transform>) (ComboBox<?>) monetary).setValue(Transform.LOG1P));
    UiTestSupport.waitUntil(() -> LOG_SUMMARY.equals(summary.getText()));
    assertThat(transformAll.getButtonCell().getText()).isEqualTo("log1p");

    // a new file with the same features: the same controls, bound to the new file's choices (nothing carried over)
    robot.interact(() -> ((ComboBox<Transform>) (ComboBox<?>) monetary).setValue(Transform.CBRT));
    UiTestSupport.waitUntil(() -> summary.getText().contains("mixed transforms"));
    var before = session.getMatrix();
    TableView<?> customers = robot.lookup("#featuresTable").queryTableView();
    Object firstColumns = List.copyOf(customers.getColumns());
    robot.interact(() -> {
      session.cleanedProperty().set(null); // as the Quality step does when a file is opened
      session.datasetProperty().set(OnlineRetailFixture.dataset());
      session.cleanedProperty().set(Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds()));
    });
    UiTestSupport.waitUntil(() -> session.getMatrix() != null && session.getMatrix() != before
        && LOG_SUMMARY.equals(summary.getText()));
    assertThat(robot.lookup("#transform-monetary").queryComboBox()).isSameAs(monetary);
    assertThat(monetary.getValue()).isEqualTo(Transform.LOG1P);
    assertThat(customers.getColumns()).isEqualTo(firstColumns); // the customers table keeps its columns too
    // and its cells draw the new file's scaled values once they are known
    waitForScaledCell(robot, customers, "monetary");
    robot.interact(() -> ((ComboBox<Transform>) (ComboBox<?>) monetary).setValue(Transform.CBRT));
    UiTestSupport.waitUntil(() -> summary.getText().contains("mixed transforms"));
    assertThat(session.getMatrix().transforms()).containsExactly(Transform.LOG1P, Transform.LOG1P, Transform.CBRT);
  }

  /** Publishes Online Retail and its default cleaning, as the Data and Quality steps do; the summary label. */
  private Label openOnlineRetail(FxRobot robot) {
    CleanedData cleaned = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
    robot.interact(() -> {
      session.datasetProperty().set(OnlineRetailFixture.dataset());
      session.cleanedProperty().set(cleaned);
    });
    return robot.lookup("#matrixSummary").queryAs(Label.class);
  }

  /** Scrolls to a feature's scaled column and waits until its first row draws the session matrix's value. */
  @SuppressWarnings("unchecked")
  private void waitForScaledCell(FxRobot robot, TableView<?> table, String feature) {
    var m = session.getMatrix();
    int first = (Integer) table.getItems().get(0);
    String expected = String.format("%.3f", m.scaled(first, m.features().indexOf(feature)));
    robot.interact(() -> table.getVisibleLeafColumns().stream().filter(c -> ("scaled:" + feature).equals(c.getId()))
        .findFirst().ifPresent(c -> ((TableView<Object>) table).scrollToColumn((javafx.scene.control.TableColumn<Object, ?>) c)));
    UiTestSupport.waitUntil(() -> expected.equals(shownCell(robot, "scaled:" + feature, 0)));
  }

  /** The text of the drawn cell of a column (by id) in a row of the customers table. */
  private static String shownCell(FxRobot robot, String columnId, int row) {
    for (javafx.scene.Node n : robot.lookup("#featuresTable .table-cell").queryAll()) {
      if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getIndex() == row && c.getTableColumn() != null
          && columnId.equals(c.getTableColumn().getId())) {
        return c.getText();
      }
    }
    return null;
  }

  private ListCell<?> noneCell(FxRobot robot) {
    return robot.lookup(".list-cell").<ListCell<?>>match(c -> "none".equals(c.getText())
        && c.getScene().getWindow() != stage && c.getScene().getWindow().isShowing()).query();
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> counts(String id, FxRobot robot) {
    BarChart<String, Number> chart = robot.lookup(id).queryAs(BarChart.class);
    return chart.getData().get(0).getData().stream().map(XYChart.Data::getYValue).map(Number::intValue).toList();
  }
}
