package dev.segmentlab.app;

import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.FxDialogService;
import dev.segmentlab.app.fx.TaskMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
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
    for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
      var icon = App.class.getResourceAsStream("/dev/segmentlab/app/icon/segmentlab-" + size + ".png");
      if (icon != null) primary.getIcons().add(new Image(icon));
    }
    primary.show();
    openAtStart(ctx, getParameters().getRaw());
  }

  /**
   * Opens the file named on the command line ({@code SegmentLab orders.csv}, a desktop "Open with", or
   * {@code mvn javafx:run -Djavafx.args=orders.csv}) through the Data step's usual load path, else the bundled
   * sample. A file that cannot be read gets the Data step's one clear message.
   */
  static void openAtStart(AppContext ctx, List<String> args) {
    Optional<Path> file = fileArgument(args);
    if (file.isPresent()) ctx.data().load(file.get());
    else ctx.data().openSample();
  }

  /** The first argument that is not an option ({@code --name=value} are JavaFX named parameters), as a path. */
  static Optional<Path> fileArgument(List<String> args) {
    for (String a : args) {
      if (a != null && !a.isBlank() && !a.startsWith("-")) return Optional.of(Path.of(a).toAbsolutePath());
    }
    return Optional.empty();
  }

  /**
   * Whether {@code Main} should open the desktop app on these arguments rather than run a command: one argument
   * that names a data file (by its extension), as a file manager passes it.
   */
  public static boolean opensFile(String[] args) {
    if (args.length != 1 || args[0].startsWith("-")) return false;
    String a = args[0].toLowerCase(Locale.ROOT);
    return a.endsWith(".csv") || a.endsWith(".tsv") || a.endsWith(".txt") || a.endsWith(".gz") || a.endsWith(".xlsx");
  }
}
