package dev.segmentlab.app.data;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import dev.segmentlab.app.AppContext;
import dev.segmentlab.app.DatasetLoader;
import dev.segmentlab.app.Screens;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Datasets;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** The Data step driven as a person would: open, cancel a slow load mid-way, sort the preview. */
@ExtendWith(ApplicationExtension.class)
class DataUiTest {
  static final Path MALL = Path.of("src/test/resources/data/mall-customers.csv");
  private Path slow;
  private final TestDialogs dialogs = new TestDialogs();
  private final CountDownLatch slowStarted = new CountDownLatch(1);
  private AppContext ctx;

  @Start
  void start(Stage stage) throws java.io.IOException {
    slow = java.nio.file.Files.createTempFile("slow", ".csv");
    slow.toFile().deleteOnExit();
    java.nio.file.Files.writeString(slow, "a,b\n1,2\n");
    FxAsync async = new FxAsync(new TaskMonitor(), 2);
    DatasetLoader loader = (file, options, rc) -> {
      if (!file.equals(slow)) return Datasets.read(file, options, rc);
      slowStarted.countDown();
      rc.progress(0.3);
      while (!rc.isCancelled()) Thread.onSpinWait();
      throw new CancellationException();
    };
    ctx = new AppContext(async, dialogs, loader, async.executor(), MALL);
    stage.setScene(Screens.scene(ctx));
    stage.show();
  }

  @Test
  void cancelMidLoadKeepsThePreviousDataset(FxRobot robot) throws InterruptedException {
    robot.clickOn("#sampleButton");
    UiTestSupport.waitUntil(() -> ctx.session().getDataset() != null);
    verifyThat("#reportRows", LabeledMatchers.hasText("200"));
    Dataset mall = ctx.session().getDataset();
    TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
    assertThat(preview.getItems()).hasSize(200);

    dialogs.files.add(slow);
    robot.clickOn("#openButton");
    assertThat(slowStarted.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    UiTestSupport.waitUntil(() -> robot.lookup("#cancelButton").query().isVisible());
    robot.clickOn("#cancelButton");
    UiTestSupport.waitUntil(() -> !ctx.data().loadingProperty().get());
    assertThat(ctx.session().getDataset()).isSameAs(mall);
    verifyThat("#reportFile", LabeledMatchers.hasText("mall-customers.csv"));
    assertThat(ctx.main().monitor().titleProperty().get()).contains("cancelled");
    assertThat(robot.lookup("#cancelButton").query().isVisible()).isFalse();
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void aBadFileShowsItsMessageInTheStep(FxRobot robot) {
    dialogs.files.add(Path.of("does-not-exist.csv"));
    robot.clickOn("#openButton");
    UiTestSupport.waitUntil(() -> !ctx.data().errorProperty().get().isEmpty());
    verifyThat("#dataError", LabeledMatchers.hasText("File not found: does-not-exist.csv. Check the path and try again."));
    assertThat(ctx.session().getDataset()).isNull();
  }

  @Test
  void aFileWithoutACustomerColumnOpensTheMappingDialogAndKeepsTheDataset(FxRobot robot) throws Exception {
    robot.clickOn("#sampleButton");
    UiTestSupport.waitUntil(() -> ctx.session().getDataset() != null);
    Dataset mall = ctx.session().getDataset();
    Path buyers = java.nio.file.Files.createTempFile("buyers", ".csv");
    buyers.toFile().deleteOnExit();
    java.nio.file.Files.writeString(buyers, "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,Buyer,Country\n"
        + "536365,85123A,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n"
        + "536366,71053,6,2010-12-01 08:28:00,3.39,13047,United Kingdom\n");
    dialogs.files.add(buyers);
    robot.clickOn("#openButton");
    UiTestSupport.waitUntil(() -> robot.lookup("#map-customer_id").tryQuery().isPresent());
    assertThat(ctx.session().getDataset()).isSameAs(mall); // kept while the analyst maps
    verifyThat("#reportFile", LabeledMatchers.hasText("mall-customers.csv"));
    assertThat(ctx.data().errorProperty().get()).contains("no column for customer id");
    javafx.scene.control.ComboBox<String> box = robot.lookup("#map-customer_id").queryComboBox();
    robot.interact(() -> box.setValue("Buyer"));
    robot.clickOn(robot.lookup(".dialog-pane .button").match(LabeledMatchers.hasText("OK")).queryButton());
    UiTestSupport.waitUntil(() -> ctx.session().getDataset() != mall && !ctx.data().loadingProperty().get());
    assertThat(ctx.session().getDataset().report().mapping()).containsEntry("customer_id", "Buyer");
    assertThat(ctx.session().getDataset().report().customers()).isEqualTo(2);
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void previewSortsByTypedValues(FxRobot robot) {
    robot.clickOn("#sampleButton");
    UiTestSupport.waitUntil(() -> ctx.session().getDataset() != null);
    @SuppressWarnings("unchecked")
    TableView<Integer> preview = robot.lookup("#previewTable").queryAs(TableView.class);
    robot.clickOn(robot.lookup(".column-header").lookup("Age").queryLabeled());
    UiTestSupport.waitUntil(() -> !preview.getSortOrder().isEmpty());
    double first = ctx.session().getDataset().customerTable().doubleColumn("Age").get(preview.getItems().get(0));
    assertThat(first).isEqualTo(18.0);
  }

  @Test
  void aSecondFileWithTheSameColumnsShowsItsOwnRows(FxRobot robot) throws Exception {
    String header = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
    Path first = java.nio.file.Files.createTempFile("december", ".csv");
    Path second = java.nio.file.Files.createTempFile("january", ".csv");
    first.toFile().deleteOnExit();
    second.toFile().deleteOnExit();
    java.nio.file.Files.writeString(first, header
        + "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n"
        + "536366,71053,WHITE METAL LANTERN,6,2010-12-01 08:28:00,3.39,13047,United Kingdom\n");
    java.nio.file.Files.writeString(second, header
        + "540001,22752,SET 7 BABUSHKA NESTING BOXES,2,2011-01-04 10:00:00,7.65,12583,France\n"
        + "540002,21730,GLASS STAR FROSTED T-LIGHT HOLDER,12,2011-01-04 10:05:00,4.25,12583,France\n"
        + "540003,84406B,CREAM CUPID HEARTS COAT HANGER,8,2011-01-04 11:00:00,2.75,14688,Germany\n");
    @SuppressWarnings("unchecked")
    TableView<Integer> preview = robot.lookup("#previewTable").queryAs(TableView.class);
    dialogs.files.add(first);
    robot.clickOn("#openButton");
    UiTestSupport.waitUntil(() -> ctx.session().getDataset() != null && preview.getItems().size() == 2);
    robot.clickOn(robot.lookup(".column-header").lookup("Quantity").queryLabeled());
    UiTestSupport.waitUntil(() -> !preview.getSortOrder().isEmpty());
    Dataset december = ctx.session().getDataset();

    dialogs.files.add(second);
    robot.clickOn("#openButton");
    UiTestSupport.waitUntil(() -> ctx.session().getDataset() != december && preview.getItems().size() == 3);
    assertThat(preview.getSortOrder()).isEmpty(); // a new file shows in its own order
    assertThat(preview.getColumns().get(1).getCellData(0)).isEqualTo("540001");
    assertThat(preview.getColumns().get(3).getCellData(2)).isEqualTo("CREAM CUPID HEARTS COAT HANGER");
    assertThat(preview.getColumns().get(4).getCellData(1)).isEqualTo("12");
    assertThat(preview.getColumns().get(8).getCellData(0)).isEqualTo("France");
    UiTestSupport.waitUntil(() -> "540001".equals(drawnCell(robot, "#previewTable", 1, 0))); // what the table draws, too
    assertThat(drawnCell(robot, "#previewTable", 3, 1)).isEqualTo("GLASS STAR FROSTED T-LIGHT HOLDER");
    verifyThat("#reportRows", LabeledMatchers.hasText("3"));

    // the Columns tab draws the second file's figures: Quantity 2, 12 and 8, in the cells it already had
    robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof javafx.scene.control.Labeled l
        && "Columns".equals(l.getText())).queryLabeled());
    TableView<?> cols = robot.lookup("#columnsTable").queryAs(TableView.class);
    int quantity = cols.getItems().indexOf(cols.getItems().stream()
        .filter(c -> ((dev.segmentlab.core.data.LoadReport.ColumnSummary) c).name().equals("Quantity")).findFirst().orElseThrow());
    UiTestSupport.waitUntil(() -> "2".equals(drawnCell(robot, "#columnsTable", 5, quantity)));
    assertThat(drawnCell(robot, "#columnsTable", 6, quantity)).isEqualTo("12");
    assertThat(drawnCell(robot, "#columnsTable", 7, quantity)).isEqualTo("7.33");
  }

  /** The text a table (by id) draws in a column (by position) of a row. */
  private static String drawnCell(FxRobot robot, String table, int column, int row) {
    TableView<?> t = robot.lookup(table).queryAs(TableView.class);
    for (javafx.scene.Node n : robot.lookup(table + " .table-cell").queryAll()) {
      if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getIndex() == row
          && c.getTableColumn() == t.getColumns().get(column)) {
        return c.getText();
      }
    }
    return null;
  }
}
