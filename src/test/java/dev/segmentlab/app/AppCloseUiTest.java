package dev.segmentlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's close button (X) asks as Ctrl+Q does while a rename is unsaved; Cancel keeps the window. */
@ExtendWith(ApplicationExtension.class)
class AppCloseUiTest {
  static final Path MALL = Path.of("src/test/resources/data/mall-customers.csv").toAbsolutePath();
  private final TestDialogs dialogs = new TestDialogs();
  private final AtomicInteger exits = new AtomicInteger();
  private AppContext ctx;
  private Stage stage;
  @TempDir Path tmp;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    FxAsync async = new FxAsync(new TaskMonitor(), 2);
    ctx = new AppContext(async, dialogs, DatasetLoader.standard(), async.executor(), MALL);
    stage.setScene(Screens.scene(ctx));
    App.guardClose(stage, ctx, exits::incrementAndGet);
    stage.show();
    App.openAtStart(ctx, java.util.List.of(MALL.toString()));
  }

  /** What the window manager sends when the X of the title bar is clicked. */
  private void clickClose(FxRobot robot) {
    robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
  }

  @Test
  void closeAsksWhileARenameIsUnsavedAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
    UiTestSupport.waitUntil(120, () -> ctx.session().getSegmentation() != null
        && ctx.session().getSegmentation().labels().length == 200);

    // nothing renamed: the app goes at once, nothing is asked
    clickClose(robot);
    assertThat(exits.get()).isEqualTo(1);

    robot.interact(() -> ctx.segments().rename(0, "Weekend regulars"));
    assertThat(ctx.main().unsavedNamesProperty().get()).isTrue();

    // Cancel: the prompt was answered, the window stays open, the app does not exit
    dialogs.choices.add(MainViewModel.CANCEL);
    clickClose(robot);
    assertThat(dialogs.choices).isEmpty();
    assertThat(exits.get()).isEqualTo(1);
    assertThat(stage.isShowing()).isTrue();
    assertThat(ctx.session().getSegmentation().names().get(0)).isEqualTo("Weekend regulars");

    // Save workspace…: written first, then the app goes
    Path workspace = tmp.resolve("mall" + dev.segmentlab.core.export.WorkspaceFile.EXTENSION);
    dialogs.choices.add(MainViewModel.SAVE);
    dialogs.files.add(workspace);
    clickClose(robot);
    UiTestSupport.waitUntil(60, () -> exits.get() == 2);
    assertThat(dev.segmentlab.core.export.WorkspaceFile.read(workspace).segmentNames()).containsEntry(0, "Weekend regulars");

    // Don't save: the app goes without writing anything
    robot.interact(() -> ctx.segments().rename(1, "Young big spenders"));
    assertThat(ctx.main().unsavedNamesProperty().get()).isTrue();
    dialogs.choices.add(MainViewModel.DISCARD);
    clickClose(robot);
    assertThat(exits.get()).isEqualTo(3);
    assertThat(dialogs.errors).isEmpty();
  }
}
