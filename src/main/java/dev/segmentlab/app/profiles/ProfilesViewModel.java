package dev.segmentlab.app.profiles;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.segments.SegmentName;
import dev.segmentlab.core.segments.SegmentPalette;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Profiles tab of the Segments step: what each segment looks like (profile table, snake plot, heatmap, box
 * plots) and what to call it. Reads {@code session.segmentation} and follows every change of it (k, names,
 * colours, stability); names and colours are edited through the Segments step, which owns them and republishes.
 */
public final class ProfilesViewModel {
  private final Session session;
  private final BiConsumer<Integer, String> rename;
  private final BiConsumer<Integer, String> recolour;

  // Properties: results
  private final ObservableList<ProfileRow> rows = FXCollections.observableArrayList();
  private final ObservableList<String> features = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper hasRevenue = new ReadOnlyBooleanWrapper(this, "hasRevenue");
  private final ReadOnlyBooleanWrapper hasCountry = new ReadOnlyBooleanWrapper(this, "hasCountry");
  private final ReadOnlyBooleanWrapper hasActions = new ReadOnlyBooleanWrapper(this, "hasActions");
  private final ReadOnlyObjectWrapper<SegmentGrid> snake = new ReadOnlyObjectWrapper<>(this, "snake");
  private final ReadOnlyObjectWrapper<SegmentGrid> heatmap = new ReadOnlyObjectWrapper<>(this, "heatmap");
  private final ReadOnlyObjectWrapper<BoxData> boxes = new ReadOnlyObjectWrapper<>(this, "boxes");
  private final ReadOnlyStringWrapper ariText = new ReadOnlyStringWrapper(this, "ariText", "");
  private final ReadOnlyStringWrapper stabilityNote = new ReadOnlyStringWrapper(this, "stabilityNote", "");
  // Properties: box-plot choices
  private final StringProperty boxFeature = new SimpleStringProperty(this, "boxFeature");
  private final BooleanProperty boxLog = new SimpleBooleanProperty(this, "boxLog");
  // Properties: the name editor
  private final IntegerProperty selectedSegment = new SimpleIntegerProperty(this, "selectedSegment", -1);
  private final StringProperty nameText = new SimpleStringProperty(this, "nameText", "");
  private final ReadOnlyStringWrapper selectedColour = new ReadOnlyStringWrapper(this, "selectedColour");
  private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper(this, "selectedTitle", "");
  private final ReadOnlyStringWrapper suggestedName = new ReadOnlyStringWrapper(this, "suggestedName", "");
  private final ReadOnlyStringWrapper segmentDescription = new ReadOnlyStringWrapper(this, "segmentDescription", "");
  private final ReadOnlyStringWrapper segmentAction = new ReadOnlyStringWrapper(this, "segmentAction", "");
  private final ReadOnlyBooleanWrapper canApplyName = new ReadOnlyBooleanWrapper(this, "canApplyName");
  private final ReadOnlyBooleanWrapper canReset = new ReadOnlyBooleanWrapper(this, "canReset");

  private final PredictedRevenue predicted;
  private SegmentationResult current;
  /** The name last put into the editor: the draft is the analyst's own while it differs from this. */
  private String editorName = "";

  public ProfilesViewModel(Session session, BiConsumer<Integer, String> rename, BiConsumer<Integer, String> recolour) {
    this(session, rename, recolour, null);
  }

  /**
   * @param async runs the predicted revenue of each segment (the customer-value fit) off the UI thread; null for
   *     none (the table then has no predicted-revenue columns)
   */
  public ProfilesViewModel(Session session, BiConsumer<Integer, String> rename, BiConsumer<Integer, String> recolour,
      Async async) {
    this.predicted = new PredictedRevenue(async);
    this.session = Objects.requireNonNull(session, "session");
    this.rename = Objects.requireNonNull(rename, "rename");
    this.recolour = Objects.requireNonNull(recolour, "recolour");
    session.segmentationProperty().addListener((o, a, r) -> update(r));
    selectedSegment.addListener((o, a, s) -> showSelection(true));
    nameText.addListener((o, a, t) -> updateCanApply());
    boxFeature.addListener((o, a, f) -> {
      int i = features.indexOf(f);
      if (current != null && i >= 0) boxLog.set(ProfileData.skewed(current, i));
      updateBoxes();
    });
    boxLog.addListener((o, a, v) -> updateBoxes());
    update(session.getSegmentation());
  }

  /** Profile rows: one per segment in id order, then "All customers". */
  public ObservableList<ProfileRow> getRows() { return rows; }
  /** Names of the profiled features, the order of each row's means and medians. */
  public ObservableList<String> getFeatures() { return features; }
  /** Transactions mode: revenue is known. */
  public ReadOnlyBooleanProperty hasRevenueProperty() { return hasRevenue.getReadOnlyProperty(); }
  /** Countries are known. */
  public ReadOnlyBooleanProperty hasCountryProperty() { return hasCountry.getReadOnlyProperty(); }
  /** Some segment has a suggested action (rule-based names; not in customer-table mode). */
  public ReadOnlyBooleanProperty hasActionsProperty() { return hasActions.getReadOnlyProperty(); }
  /** Mean standardized feature per segment. */
  public ReadOnlyObjectProperty<SegmentGrid> snakeProperty() { return snake.getReadOnlyProperty(); }
  /** Segment mean ÷ overall mean − 1 per feature. */
  public ReadOnlyObjectProperty<SegmentGrid> heatmapProperty() { return heatmap.getReadOnlyProperty(); }
  /** Box plots of {@link #boxFeatureProperty()} per segment. */
  public ReadOnlyObjectProperty<BoxData> boxesProperty() { return boxes.getReadOnlyProperty(); }
  /** "Mean ARI across 10 seeds: 0.88", or that it is being computed. */
  public ReadOnlyStringProperty ariTextProperty() { return ariText.getReadOnlyProperty(); }
  /** Which segments are unstable, or empty. */
  public ReadOnlyStringProperty stabilityNoteProperty() { return stabilityNote.getReadOnlyProperty(); }
  /** The feature the box plots show; choosing one picks a log axis for skewed features. */
  public StringProperty boxFeatureProperty() { return boxFeature; }
  public BooleanProperty boxLogProperty() { return boxLog; }
  /** The segment in the name editor, or −1. */
  public IntegerProperty selectedSegmentProperty() { return selectedSegment; }
  /** The name being typed in the editor. */
  public StringProperty nameTextProperty() { return nameText; }
  /** The selected segment's colour, {@code #RRGGBB}, or null. */
  public ReadOnlyStringProperty selectedColourProperty() { return selectedColour.getReadOnlyProperty(); }
  public ReadOnlyStringProperty selectedTitleProperty() { return selectedTitle.getReadOnlyProperty(); }
  public ReadOnlyStringProperty suggestedNameProperty() { return suggestedName.getReadOnlyProperty(); }
  public ReadOnlyStringProperty segmentDescriptionProperty() { return segmentDescription.getReadOnlyProperty(); }
  public ReadOnlyStringProperty segmentActionProperty() { return segmentAction.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty canApplyNameProperty() { return canApplyName.getReadOnlyProperty(); }
  /** The selected segment has a name or colour of the analyst's. */
  public ReadOnlyBooleanProperty canResetProperty() { return canReset.getReadOnlyProperty(); }
  public Session session() { return session; }
  /** Per segment id the predicted revenue of the next 12 months (Σ CLV) and its share; null until known. */
  public ReadOnlyObjectProperty<double[][]> predictedRevenueProperty() { return predicted.property(); }
  /** The data can have predicted revenue (transactions): true while it is being computed too. */
  public ReadOnlyBooleanProperty predictedAvailableProperty() { return predicted.availableProperty(); }
  /** A row's predicted revenue of the next 12 months (the overall row: the total), NaN while unknown. */
  public double predictedRevenue(ProfileRow r) { return predicted.revenue(r.segment()); }
  /** A row's share of the predicted revenue, 0..1, NaN while unknown. */
  public double predictedShare(ProfileRow r) { return predicted.share(r.segment()); }

  // Commands

  /** Renames a segment (blank: back to the suggestion); the Segments step keeps it across k changes. */
  public void rename(int segment, String name) {
    if (current == null || segment < 0 || segment >= current.k()) return;
    String clean = name == null ? "" : name.strip();
    if (clean.equals(current.names().get(segment))) return;
    rename.accept(segment, clean.isEmpty() ? null : clean);
  }

  /** Recolours a segment ({@code #RRGGBB}); the same colour again does nothing. */
  public void recolour(int segment, String hex) {
    if (current == null || segment < 0 || segment >= current.k() || !SegmentPalette.isColour(hex)) return;
    if (hex.equalsIgnoreCase(current.colours().get(segment))) return;
    recolour.accept(segment, hex);
  }

  /** Gives the selected segment the name typed in the editor. */
  public void applyName() {
    if (canApplyName.get()) rename(selectedSegment.get(), nameText.get());
  }

  /** Recolours the selected segment. */
  public void recolourSelected(String hex) {
    recolour(selectedSegment.get(), hex);
  }

  /** Gives the selected segment its suggested name and default colour back. */
  public void resetToSuggested() {
    int s = selectedSegment.get();
    if (!canReset.get()) return;
    if (!current.names().get(s).equals(suggested(s))) rename.accept(s, null);
    if (!current.colours().get(s).equalsIgnoreCase(SegmentPalette.colour(s))) recolour.accept(s, null);
  }

  private void update(SegmentationResult r) {
    int oldK = current == null ? -1 : current.k();
    current = r;
    if (r == null) {
      clear();
      return;
    }
    List<String> names = r.analysis().profiles().featureNames();
    if (!features.equals(names)) features.setAll(names);
    hasRevenue.set(!Double.isNaN(r.analysis().profiles().overall().revenue()));
    hasCountry.set(r.analysis().profiles().overall().topCountry() != null);
    predicted.update(r, session.getCleaned());
    rows.setAll(ProfileData.rows(r));
    hasActions.set(r.analysis().names().stream().anyMatch(n -> !n.action().isEmpty()));
    snake.set(ProfileData.grid(r, r.analysis().snake()));
    heatmap.set(ProfileData.grid(r, r.analysis().relativeImportance()));
    ariText.set(ProfileData.ariText(r));
    stabilityNote.set(ProfileData.stabilityNote(r));
    if (boxFeature.get() == null || !features.contains(boxFeature.get())) {
      boxFeature.set(features.isEmpty() ? null : features.get(0));
    } else {
      updateBoxes();
    }
    int s = selectedSegment.get();
    if (s < 0 || s >= r.k()) {
      if (s == 0) showSelection(true); else selectedSegment.set(0);
    } else {
      showSelection(r.k() != oldK);
    }
  }

  private void showSelection(boolean newSegment) {
    int s = selectedSegment.get();
    if (current == null || s < 0 || s >= current.k()) {
      editorName = "";
      nameText.set("");
      selectedColour.set(null);
      selectedTitle.set("");
      suggestedName.set("");
      segmentDescription.set("");
      segmentAction.set("");
      canReset.set(false);
      updateCanApply();
      return;
    }
    String name = current.names().get(s);
    // keep a draft being typed when only stability or another segment's label changed
    if (newSegment || Objects.equals(nameText.get(), editorName)) nameText.set(name);
    editorName = name;
    String colour = current.colours().get(s);
    SegmentName n = current.analysis().names().get(s);
    selectedColour.set(colour);
    selectedTitle.set("Segment " + s + " · " + name);
    suggestedName.set("Suggested: " + n.name());
    segmentDescription.set(n.description());
    segmentAction.set(n.action().isEmpty() ? "No suggested action for this kind of data." : n.action());
    canReset.set(!name.equals(n.name()) || !colour.equalsIgnoreCase(SegmentPalette.colour(s)));
    updateCanApply();
  }

  private void updateCanApply() {
    int s = selectedSegment.get();
    String t = nameText.get() == null ? "" : nameText.get().strip();
    canApplyName.set(current != null && s >= 0 && s < current.k() && !t.isEmpty()
        && !t.equals(current.names().get(s)));
  }

  private void updateBoxes() {
    int i = features.indexOf(boxFeature.get());
    boxes.set(current == null || i < 0 ? null : ProfileData.boxes(current, i, boxLog.get()));
  }

  private String suggested(int s) {
    return current.analysis().names().get(s).name();
  }

  private void clear() {
    rows.clear();
    snake.set(null);
    heatmap.set(null);
    boxes.set(null);
    ariText.set("");
    stabilityNote.set("");
    hasRevenue.set(false);
    hasCountry.set(false);
    hasActions.set(false);
    predicted.update(null, null);
    showSelection(true);
  }
}
