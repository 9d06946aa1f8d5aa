package dev.segmentlab.app;

import java.nio.file.Path;
import dev.segmentlab.app.report.ReportViewModel;
import dev.segmentlab.app.migration.MigrationViewModel;
import dev.segmentlab.app.lookup.LookupViewModel;
import dev.segmentlab.Version;
import dev.segmentlab.app.data.DataViewModel;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.core.data.Dataset;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The shell: which step is shown, the window title, the status bar. */
public final class MainViewModel {
  private final Session session;
  private final DataViewModel data;
  private final TaskMonitor monitor;
  private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step", Step.DATA);
  private final StringBinding title;
  private final BooleanProperty unsavedNames = new SimpleBooleanProperty(this, "unsavedNames");
  private DialogService dialogs;
  private Consumer<Runnable> saveWorkspaceThen = Runnable::run;

  /** The answers of the prompt before leaving an analysis with unsaved names. */
  public static final String SAVE = "Save workspace…", DISCARD = "Don't save", CANCEL = "Cancel";

  /**
   * The windows the main window opens besides its steps (report, customer lookup, migration) and the dialogs it
   * shows, so that the view talks to this ViewModel only.
   */
  public record Windows(ReportViewModel report, LookupViewModel lookup, MigrationViewModel migration,
      DialogService dialogs) {}

  private final Windows windows;

  public MainViewModel(Session session, DataViewModel data, TaskMonitor monitor, Windows windows) {
    this.session = session;
    this.data = data;
    this.monitor = monitor;
    this.windows = windows;
    this.title = Bindings.createStringBinding(() -> {
      Dataset d = session.getDataset();
      return d == null ? "SegmentLab" : "SegmentLab — " + d.report().file();
    }, session.datasetProperty());
  }

  /** The step on screen. */
  public ObjectProperty<Step> stepProperty() { return step; }
  public Step getStep() { return step.get(); }
  public void setStep(Step s) { step.set(s); }

  public StringBinding titleProperty() { return title; }
  public TaskMonitor monitor() { return monitor; }
  public Session session() { return session; }

  /** True when segments were renamed since the last workspace was saved or opened (set by the composition root). */
  public BooleanProperty unsavedNamesProperty() { return unsavedNames; }

  /**
   * How to ask before leaving an analysis with unsaved names, and how to save a workspace and then go on (the
   * save runs in the background; {@code then} runs only once it is written).
   */
  public void setLeaveGuard(DialogService dialogs, Consumer<Runnable> saveWorkspaceThen) {
    this.dialogs = dialogs;
    this.saveWorkspaceThen = saveWorkspaceThen;
  }

  // Commands
  public void openFile() { whenLeaving(data::openFile); }

  /** Opens a file dropped on the window, once unsaved names were dealt with. */
  public void openDropped(Path file) {
    setStep(Step.DATA);
    whenLeaving(() -> data.load(file));
  }

  public ReportViewModel report() { return windows.report(); }
  public LookupViewModel lookup() { return windows.lookup(); }
  public MigrationViewModel migration() { return windows.migration(); }
  public DialogService dialogs() { return windows.dialogs(); }

  /** The names of the segments on screen (empty before a segmentation). */
  public List<String> segmentNames() {
    return session.getSegmentation() == null ? List.of() : session.getSegmentation().names();
  }
  public void openSample() { whenLeaving(data::openSample); }
  /** Quits through {@code exit} once unsaved names were saved or given up. */
  public void quit(Runnable exit) { whenLeaving(exit); }

  /**
   * Runs {@code then} at once when nothing is unsaved; otherwise asks whether to save a workspace first, discard
   * the names or cancel.
   */
  public void whenLeaving(Runnable then) {
    if (!unsavedNames.get() || dialogs == null) {
      then.run();
      return;
    }
    Optional<String> answer = dialogs.choose("Unsaved segment names",
        "You renamed segments in this analysis. Names belong to their file: save a workspace to keep them?",
        List.of(SAVE, DISCARD, CANCEL), SAVE);
    if (answer.isEmpty() || answer.get().equals(CANCEL)) return;
    if (answer.get().equals(DISCARD)) {
      then.run();
    } else {
      saveWorkspaceThen.accept(then);
    }
  }
  public void cancelTask() { monitor.cancel(); }
  public void goToExport() { step.set(Step.EXPORT); }

  /** Moves to the next or previous step (Ctrl+Tab style navigation). */
  public void move(int delta) {
    int i = Math.floorMod(step.get().ordinal() + delta, Step.values().length);
    step.set(Step.values()[i]);
  }

  public String aboutText() {
    return "SegmentLab " + Version.get() + "\n\nTurns retail transactions into named customer segments: "
        + "open a file, check its quality, build RFM features, tune k and export labeled customers.\n\n"
        + "Bundled sample: UCI Online Retail (Chen, 2015), CC BY 4.0, doi:10.24432/C5BW33.\n"
        + "License: Apache-2.0. Java " + System.getProperty("java.version") + ", JavaFX "
        + System.getProperty("javafx.runtime.version", "?") + ".";
  }

  /** Help > Glossary: the words of the Segments and Profiles steps in plain language. */
  public String glossaryText() {
    return String.join("\n\n",
        "RFM — three numbers per customer: Recency (days since the last order; fewer is better), Frequency (how "
            + "many orders) and Monetary (how much they spent in all).",
        "Returns netted — a cancellation takes its units back from the customer's earlier purchase of the same "
            + "product, so a customer who bought and returned everything is worth nothing, not a big spender.",
        "WCSS (within-cluster sum of squares) — how far customers sit from the centre of their segment, added up. "
            + "It always falls as k grows; the bend where it stops falling fast (the knee) is a good k.",
        "Silhouette — for each customer, how much closer it is to its own segment than to the next one, from −1 "
            + "to 1. Higher is better; above 0.5 the segments are clearly apart, near 0 they overlap.",
        "Calinski-Harabasz — how far apart the segments are compared with how spread out each one is. Higher is "
            + "better; compare it between values of k on the same data, not between datasets.",
        "Davies-Bouldin — how much each segment looks like its most similar neighbour. Lower is better; 0 would "
            + "be segments with no overlap at all.",
        "ARI (adjusted Rand index) — how much two ways of splitting the same customers agree, from about 0 "
            + "(no better than chance) to 1 (the same split).",
        "Jaccard — for one segment, the share of its customers that stay together when the clustering is re-run: "
            + "customers in both versions ÷ customers in either. 1 means the segment comes back whole.",
        "Stability — whether the segments come back when k-means is re-run with other seeds on resampled "
            + "customers: the mean ARI for the whole segmentation, the mean Jaccard for each segment. Below about "
            + "0.6 a segment is not to be trusted.",
        "Median — the middle customer: half are above, half below. Descriptions use medians because a few very "
            + "large customers would pull an average up.");
  }

  /** One line for the status bar's right side. */
  public StringBinding datasetSummary() { return Bindings.createStringBinding(() -> data.summaryProperty().get(), data.summaryProperty()); }
}
