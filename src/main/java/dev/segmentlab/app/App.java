package dev.segmentlab.app;

import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.FxDialogService;
import dev.segmentlab.app.fx.TaskMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import java.util.Locale;

/** The desktop app: opens the file named on its command line, else the bundled sample. */
public final class App extends Application {
  private Stage stage;

  @Override public void start(Stage primary) {
    this.stage = primary;
    FxAsync async = new FxAsync(new TaskMonitor(), 2);
    AppContext ctx = new AppContext(async, new FxDialogService(() -> stage), DatasetLoader.standard(),
        async.executor(), AppContext.defaultSample());
    Scene scene = Screens.scene(ctx);
    primary.setScene(scene);
    primary.titleProperty().bind(ctx.main().titleProperty());
    primary.setMinWidth(900);
    primary.setMinHeight(600);
    fitToScreen(primary, scene);
    for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
      var icon = App.class.getResourceAsStream("/dev/segmentlab/app/icon/segmentlab-" + size + ".png");
      if (icon != null) primary.getIcons().add(new Image(icon));
    }
    guardClose(primary, ctx, Platform::exit);
    primary.show();
    openAtStart(ctx, getParameters().getRaw());
    Screens.prebuild(scene, () -> { }); // the other steps' screens, while the file loads
  }

  /**
   * On a screen smaller than the scene's preferred 1280 × 820 (a 1280 × 800 laptop, say), the window takes the
   * screen's usable area instead of reaching below its bottom edge, so the status bar stays in view.
   */
  private static void fitToScreen(Stage stage, Scene scene) {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    if (scene.getWidth() > screen.getWidth() || scene.getHeight() > screen.getHeight()) {
      stage.setX(screen.getMinX());
      stage.setY(screen.getMinY());
      stage.setWidth(Math.min(scene.getWidth(), screen.getWidth()));
      stage.setHeight(Math.min(scene.getHeight(), screen.getHeight()));
    }
  }

  /**
   * The window's close button asks as Ctrl+Q does while renamed segments are unsaved (Save workspace… / Don't
   * save / Cancel, which keeps the window open), then runs {@code exit}.
   */
  static void guardClose(Stage stage, AppContext ctx, Runnable exit) {
    stage.setOnCloseRequest(e -> {
      e.consume(); // the window stays unless the guard lets the app go
      ctx.main().quit(exit);
    });
  }

  /**
   * Opens the file named on the command line ({@code SegmentLab orders.csv}, a desktop "Open with", or
   * {@code mvn javafx:run -Djavafx.args=orders.csv}) through the Data step's usual load path, else the bundled
   * sample. A file that cannot be read gets the Data step's one clear message.
   */
  static void openAtStart(AppContext ctx, List<String> args) {
    List<Path> files = fileArguments(args);
    if (files.isEmpty()) {
      ctx.data().openSample();
      return;
    }
    ctx.data().load(files.get(0));
    if (files.size() > 1) ctx.dialogs().showInfo("One file per window", notOpenedMessage(files));
  }

  /**
   * What the analyst is told when several files were named: a window holds one analysis, so the first is opened
   * and the others are named with the way to open them (the desktop's "Open with" starts one window per file).
   */
  static String notOpenedMessage(List<Path> files) {
    List<String> rest = files.subList(1, files.size()).stream().map(p -> p.getFileName().toString()).toList();
    return "SegmentLab opens one file per window: " + files.get(0).getFileName() + " is open; "
        + String.join(", ", rest) + (rest.size() == 1 ? " was" : " were") + " not opened. Open "
        + (rest.size() == 1 ? "it" : "each") + " with File > Open… or in a window of its own (SegmentLab "
        + rest.get(0) + ").";
  }

  /** The first argument that is not an option ({@code --name=value} are JavaFX named parameters), as a path. */
  static Optional<Path> fileArgument(List<String> args) {
    return fileArguments(args).stream().findFirst();
  }

  /** Every argument that is not an option, as absolute paths in the order given. */
  static List<Path> fileArguments(List<String> args) {
    return args.stream().filter(a -> a != null && !a.isBlank() && !a.startsWith("-"))
        .map(a -> Path.of(a).toAbsolutePath()).toList();
  }

  /**
   * Whether {@code Main} should open the desktop app on these arguments rather than run a command: arguments
   * that all name data files (by their extension), as a file manager passes them.
   */
  public static boolean opensFile(String[] args) {
    if (args.length == 0) return false;
    for (String arg : args) {
      if (arg.startsWith("-")) return false;
      String a = arg.toLowerCase(Locale.ROOT);
      if (!(a.endsWith(".csv") || a.endsWith(".tsv") || a.endsWith(".txt") || a.endsWith(".gz") || a.endsWith(".xlsx"))) {
        return false;
      }
    }
    return true;
  }
}
