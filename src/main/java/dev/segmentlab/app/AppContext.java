package dev.segmentlab.app;

import dev.segmentlab.app.data.DataViewModel;
import dev.segmentlab.app.profiles.ProfilesViewModel;
import dev.segmentlab.app.export.ExportViewModel;
import dev.segmentlab.app.quality.QualityViewModel;
import dev.segmentlab.app.explore.ExploreViewModel;
import dev.segmentlab.app.features.FeaturesViewModel;
import dev.segmentlab.app.segments.SegmentsViewModel;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.explore.SegmentFilter;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.pipeline.WorkspaceRunner;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import dev.segmentlab.app.compare.CompareViewModel;
import dev.segmentlab.app.export.WorkspaceRequest;
import dev.segmentlab.app.fx.ChartExport;
import dev.segmentlab.app.lookup.LookupViewModel;
import dev.segmentlab.app.migration.MigrationViewModel;
import dev.segmentlab.app.report.ReportViewModel;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleaningRule;
import java.net.URISyntaxException;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

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
  private final CompareViewModel compare;
  private final FeaturesViewModel features;
  private final ExploreViewModel explore;
  private final QualityViewModel quality;
  private final ExportViewModel export;
  private final ProfilesViewModel profiles;
  private final ChartExport charts;
  private final LookupViewModel lookup;
  private final MigrationViewModel migration;
  private final ReportViewModel report;

  private boolean applyingWorkspace;
  private List<String> savedNames = List.of();

  public AppContext(Async async, DialogService dialogs, DatasetLoader loader, Executor executor, Path sample) {
    this.async = async;
    this.dialogs = dialogs;
    this.executor = executor;
    // registered before any step's listener: another file's state is forgotten before its cleaning, features
    // and segments are computed (with a same-thread Async they are computed inside the steps' listeners)
    session.datasetProperty().addListener((o, old, d) -> {
      if (!applyingWorkspace && old != null && d != null && !Objects.equals(old.source(), d.source())) {
        forgetFileState();
      }
    });
    this.data = new DataViewModel(session, async, dialogs, loader, executor, sample);
    this.quality = new QualityViewModel(session, async, dialogs);
    this.explore = new ExploreViewModel(session, async, dialogs);
    this.features = new FeaturesViewModel(session, async, dialogs);
    this.segments = new SegmentsViewModel(session, async, dialogs, executor);
    this.profiles = new ProfilesViewModel(session, segments::rename, segments::recolour, async);
    this.export = new ExportViewModel(session, async, dialogs);
    this.compare = new CompareViewModel(session, async, dialogs);
    this.charts = new ChartExport(dialogs);
    this.lookup = new LookupViewModel(session, async);
    this.migration = new MigrationViewModel(session, async);
    // a customer looked up is the one ringed on the Segments step's scatter
    lookup.profileProperty().addListener((o, a, p) -> { if (p != null) segments.selectedCustomerProperty().set(p.id()); });
    this.report = new ReportViewModel(session, async, dialogs);
    this.main = new MainViewModel(session, data, async.monitor(),
        new MainViewModel.Windows(report, lookup, migration, dialogs));
    session.segmentationProperty().addListener((o, a, seg) -> explore.setSegments(segmentFilters(seg)));
    export.setWorkspaceHandler(this::applyWorkspace);
    session.segmentationProperty().addListener((o, a, seg) -> updateUnsavedNames());
    export.lastWrittenProperty().addListener((o, a, f) -> {
      if (f != null && f.getFileName().toString().endsWith(WorkspaceFile.EXTENSION)) {
        savedNames = currentNames();
        updateUnsavedNames();
      }
    });
    main.setLeaveGuard(dialogs, this::saveWorkspaceThen);
  }

  /**
   * What belonged to the previous file goes when another file is opened: segment names, colours and their notes,
   * k, stability figures, the Features lookup and the Explore segment filter. The analyst's cleaning rules, returns
   * choice, non-product codes, transforms (by feature name), scaling and k range stay.
   */
  private void forgetFileState() {
    segments.forgetFileState();
    features.filterProperty().set("");
    explore.segmentChoiceProperty().set(SegmentFilter.ALL.name());
    savedNames = List.of();
  }

  private List<String> currentNames() {
    SegmentationResult seg = session.getSegmentation();
    return seg == null ? List.of() : seg.names();
  }

  /** Unsaved when a segment carries a name of the analyst's that no saved or opened workspace holds. */
  private void updateUnsavedNames() {
    SegmentationResult seg = session.getSegmentation();
    boolean renamed = seg != null && !seg.names().equals(seg.analysis().suggestedNames());
    main.unsavedNamesProperty().set(renamed && !seg.names().equals(savedNames));
  }

  /** Saves a workspace (the analyst picks the file) and runs {@code then} once it is written. */
  private void saveWorkspaceThen(Runnable then) {
    ChangeListener<Path> once = new ChangeListener<>() {
      @Override public void changed(ObservableValue<? extends Path> o, Path before, Path f) {
        export.lastWrittenProperty().removeListener(this);
        if (f != null) then.run();
      }
    };
    export.lastWrittenProperty().addListener(once);
    export.saveWorkspace();
    // done already (same-thread), or the analyst cancelled the file chooser: nothing will call back
    if (!export.runningProperty().get()) export.lastWrittenProperty().removeListener(once);
  }

  /**
   * Restores a workspace in every step: cleaning rules, features, k range, seed, restarts and k are set first, then
   * the dataset the workspace re-read is published, so the chain computes exactly what the workspace describes,
   * each stage once; the saved names and colours are put back once the segments for the saved k arrive (ids are
   * stable for a seed), and the analyst is told if they are not the saved segments.
   */
  private void applyWorkspace(WorkspaceRequest req) {
    Workspace ws = req.workspace();
    forgetFileState();
    applyingWorkspace = true;
    var cleaning = quality.cleaning();
    ws.cleaningRules().forEach((rule, on) -> cleaning.setRule(CleaningRule.parse(rule), on));
    if (!ws.cleaningRules().isEmpty()) {
      cleaning.setReturns(WorkspaceRunner.cleaningOptions(ws).returns());
    }
    if (ws.nonProductCodes() != null && !ws.nonProductCodes().isEmpty()) {
      cleaning.nonProductTextProperty().set(String.join("\n", ws.nonProductCodes()));
      cleaning.applyNonProductCodes();
    }
    if (ws.features() != null && !ws.features().isEmpty()) {
      for (var c : features.getChoices()) {
        c.setChosen(ws.features().contains(c.name()));
        String t = ws.transforms() == null ? null : ws.transforms().get(c.name());
        if (t != null) c.setTransform(Transform.parse(t));
      }
    }
    if (ws.scaling() != null) features.scalingProperty().set(Scaling.parse(ws.scaling()));
    segments.kMinProperty().set(ws.kMin());
    segments.kMaxProperty().set(ws.kMax());
    segments.restartsProperty().set(ws.restarts());
    segments.seedProperty().set(ws.seed());
    segments.kProperty().set(ws.k());
    ChangeListener<SegmentationResult> restore = new ChangeListener<>() {
      @Override public void changed(ObservableValue<? extends SegmentationResult> o,
          SegmentationResult before, SegmentationResult seg) {
        if (seg == null || seg.k() != ws.k() || session.getDataset() != req.dataset()) return;
        session.segmentationProperty().removeListener(this);
        if (req.warning() == null && !WorkspaceRunner.reproduces(ws, seg)) {
          dialogs.showInfo("Workspace opened", WorkspaceRunner.MOVED_WARNING);
        }
        if (ws.segmentNames() != null) ws.segmentNames().forEach((id, name) -> {
          if (id < seg.k() && name != null && !name.equals(seg.names().get(id))) segments.rename(id, name);
        });
        if (ws.segmentColours() != null) ws.segmentColours().forEach((id, colour) -> {
          if (id < seg.k() && colour != null && !colour.equalsIgnoreCase(seg.colours().get(id))) segments.recolour(id, colour);
        });
        savedNames = currentNames();
        updateUnsavedNames();
      }
    };
    session.segmentationProperty().addListener(restore);
    try {
      session.datasetProperty().set(req.dataset());
    } finally {
      applyingWorkspace = false;
    }
    if (req.warning() != null && !req.warning().isBlank()) dialogs.showInfo("Workspace opened", req.warning());
  }

  /** One Explore filter per segment: a mask over the transactions' customer codes. */
  private List<SegmentFilter> segmentFilters(SegmentationResult seg) {
    List<SegmentFilter> out = new ArrayList<>();
    Dataset d = session.getDataset();
    if (seg == null || d == null || d.transactions() == null || seg.features().customerCodes() == null) return out;
    int[] codes = seg.features().customerCodes();
    int dict = d.transactions().customer().dictionary().length;
    boolean[][] masks = new boolean[seg.k()][dict];
    for (int i = 0; i < codes.length; i++) masks[seg.solution().label(i)][codes[i]] = true; // one pass, no copy
    for (int s = 0; s < seg.k(); s++) out.add(SegmentFilter.ofMask(s + " · " + seg.names().get(s), masks[s]));
    return out;
  }

  public Async async() { return async; }
  public DialogService dialogs() { return dialogs; }
  public Executor executor() { return executor; }
  public Session session() { return session; }
  public DataViewModel data() { return data; }
  public MainViewModel main() { return main; }
  public SegmentsViewModel segments() { return segments; }
  /** The Compare tab: pinned solutions side by side. */
  public CompareViewModel compare() { return compare; }
  public FeaturesViewModel features() { return features; }
  public ExploreViewModel explore() { return explore; }
  public QualityViewModel quality() { return quality; }
  public ExportViewModel export() { return export; }
  public ProfilesViewModel profiles() { return profiles; }
  /** Customer lookup (Ctrl+F). */
  public LookupViewModel lookup() { return lookup; }
  /** Segment migration between two periods. */
  public MigrationViewModel migration() { return migration; }
  /** "Report…": the findings report as HTML, PDF or PPTX. */
  public ReportViewModel report() { return report; }
  /** The charts every view registered, for PNG export. */
  public ChartExport charts() { return charts; }

  /**
   * The bundled sample: {@code -Dsegmentlab.sample=…} if set (the packaged app sets it), else
   * {@code assets/data/online-retail.csv.gz} under the working folder (as {@code mvn javafx:run} runs).
   */
  public static Path defaultSample() {
    String p = System.getProperty("segmentlab.sample");
    if (p != null && !p.isBlank()) return Path.of(p);
    Path local = Path.of("assets", "data", "online-retail.csv.gz");
    if (Files.exists(local)) return local.toAbsolutePath();
    // started from elsewhere: look beside the project the jar was built in (target/segmentlab.jar)
    try {
      Path jar = Path.of(AppContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(local);
        if (Files.exists(candidate)) return candidate;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // no code source: keep the relative path, and the Data step says the sample was not found
    }
    return local;
  }
}
