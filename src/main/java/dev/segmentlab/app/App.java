package dev.segmentlab.app;

import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.FxDialogService;
import dev.segmentlab.app.fx.TaskMonitor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The desktop app: opens on the bundled sample. */
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
    ctx.data().openSample();
  }
}
