package dev.segmentlab.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import dev.segmentlab.app.AppContext;
import dev.segmentlab.app.DatasetLoader;
import dev.segmentlab.app.Screens;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** "Open from database…" driven as a person would: URL, List tables, Preview, Load, on a SQLite file. */
@ExtendWith(ApplicationExtension.class)
class DatabaseUiTest {
  private final TestDialogs dialogs = new TestDialogs();
  private AppContext ctx;
  private Path db;

  @Start
  void start(Stage stage) throws Exception {
    db = Files.createTempFile("shop", ".db");
    db.toFile().deleteOnExit();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE people (CustomerID INTEGER, Age INTEGER, Income REAL, Score INTEGER)");
      st.execute("INSERT INTO people VALUES (1, 19, 15, 39), (2, 21, 15.5, 81), (3, 20, 16, 6), (4, 23, 16, 77)");
    }
    FxAsync async = new FxAsync(new TaskMonitor(), 2);
    ctx = new AppContext(async, dialogs, DatasetLoader.standard(), async.executor(), null);
    stage.setScene(Screens.scene(ctx));
    stage.show();
  }

  @Test
  void listPreviewAndLoadATable(FxRobot robot) {
    robot.clickOn("#databaseButton");
    UiTestSupport.waitUntil(() -> robot.lookup("#dbUrl").tryQuery().isPresent());
    TextField url = robot.lookup("#dbUrl").queryAs(TextField.class);
    robot.interact(() -> url.setText("jdbc:sqlite:" + db));
    robot.clickOn("#dbListTables");
    UiTestSupport.waitUntil(() -> ctx.data().database().statusProperty().get().endsWith("tables and views."));
    assertThat(ctx.data().database().selectedTableProperty().get().name()).isEqualTo("people");
    robot.clickOn("#dbPreview");
    UiTestSupport.waitUntil(() -> !robot.lookup("#dbPreviewTable").queryAs(TableView.class).getItems().isEmpty());
    assertThat(robot.lookup("#dbPreviewTable").queryAs(TableView.class).getItems()).hasSize(4);
    robot.clickOn("#dbLoad");
    UiTestSupport.waitUntil(() -> ctx.session().getDataset() != null);
    verifyThat("#reportRows", LabeledMatchers.hasText("4"));
    verifyThat("#reportFile", LabeledMatchers.hasText("people"));
    assertThat(ctx.session().getDataset().database().password()).isNull();
    assertThat(dialogs.errors).isEmpty();
  }
}
