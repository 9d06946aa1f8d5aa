package dev.segmentlab.app;

import dev.segmentlab.app.data.DataViewModel;
import dev.segmentlab.app.features.FeaturesViewModel;
import dev.segmentlab.app.segments.SegmentsViewModel;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * The composition root: builds the session and every ViewModel, by constructor. The app passes the real
 * threads and dialogs; tests pass a same-thread Async, a scripted DialogService or a loader they control.
 */
public final class AppContext {
  private final Async async;
  private final DialogService dialogs;
  private final Executor executor;
  private final Session session = new Session();
  private final DataViewModel data;
  private final MainViewModel main;
  private final SegmentsViewModel segments;
  private final FeaturesViewModel features;

  public AppContext(Async async, DialogService dialogs, DatasetLoader loader, Executor executor, Path sample) {
    this.async = async;
    this.dialogs = dialogs;
    this.executor = executor;
    this.data = new DataViewModel(session, async, dialogs, loader, executor, sample);
    this.main = new MainViewModel(session, data, async.monitor());
    this.features = new FeaturesViewModel(session, async, dialogs);
    this.segments = new SegmentsViewModel(session, async, dialogs, executor);
  }

  public Async async() { return async; }
  public DialogService dialogs() { return dialogs; }
  public Executor executor() { return executor; }
  public Session session() { return session; }
  public DataViewModel data() { return data; }
  public MainViewModel main() { return main; }
  public SegmentsViewModel segments() { return segments; }
  public FeaturesViewModel features() { return features; }

  /**
   * The bundled sample: {@code -Dsegmentlab.sample=…} if set (the packaged app sets it), else
   * {@code assets/data/online-retail.csv.gz} under the working folder (as {@code mvn javafx:run} runs).
   */
  public static Path defaultSample() {
    String p = System.getProperty("segmentlab.sample");
    if (p != null && !p.isBlank()) return Path.of(p);
    Path local = Path.of("assets", "data", "online-retail.csv.gz");
    if (Files.exists(local)) return local.toAbsolutePath();
    return local;
  }
}
