package dev.segmentlab.app.features;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.CustomerTableFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureMatrixBuilder;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.features.OutlierHandling;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.quality.CleanedFields;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.features.RfmScores;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.value.ValueFeatures;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Features step: computes per-customer features from the cleaned transactions (or takes a customer table's
 * columns), publishes them to {@link Session#featuresProperty()}, and turns the analyst's choices of features,
 * transforms, scaling and weights into {@link Session#matrixProperty()}. Previews one feature before and after.
 */
public final class FeaturesViewModel {
  private final Session session;
  private final DialogService dialogs;
  private final JobSlot featureJob;
  private final JobSlot matrixJob;
  private final JobSlot previewJob;

  // Properties
  private final FeatureChoices choices = new FeatureChoices(this::optionsChanged);
  private final BooleanProperty oneHot = new SimpleBooleanProperty(this, "oneHot");
  private final ReadOnlyStringWrapper oneHotLabel = new ReadOnlyStringWrapper("One-hot encode categories");
  private final ReadOnlyBooleanWrapper canOneHot = new ReadOnlyBooleanWrapper();
  private final ObjectProperty<LocalDate> snapshotDate = new SimpleObjectProperty<>(this, "snapshotDate");
  private final ReadOnlyBooleanWrapper transactionsMode = new ReadOnlyBooleanWrapper();
  private final ObservableList<String> histogramFeatures = FXCollections.observableArrayList();
  private final ObjectProperty<String> histogramFeature = new SimpleObjectProperty<>(this, "histogramFeature");
  private final ReadOnlyObjectWrapper<FeaturePreview> preview = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper skewBefore = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper skewAfter = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<FeatureTable> table = new ReadOnlyObjectWrapper<>();
  private final ObservableList<Integer> allRows = FXCollections.observableArrayList();
  private final FilteredList<Integer> rows = new FilteredList<>(allRows);
  private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper outlierNote = new ReadOnlyStringWrapper("");

  private boolean updating;
  private LocalDate snapshotOverride;
  private CustomerFeatures scoresFor;
  private RfmScores scores;
  /** The features the outlier treatment was applied to (cap, exclude), or empty. */
  private List<String> treatedOn = List.of();

  public FeaturesViewModel(Session session, Async async, DialogService dialogs) {
    this.session = session;
    this.dialogs = dialogs;
    this.featureJob = new JobSlot(async);
    this.matrixJob = new JobSlot(async);
    this.previewJob = new JobSlot(async);
    summary.set(emptySummary());
    session.datasetProperty().addListener((o, a, d) -> onDataset(d));
    session.cleanedProperty().addListener((o, a, c) -> onCleaned(c));
    session.featuresProperty().addListener((o, a, f) -> onFeatures(f));
    oneHot.addListener((o, a, b) -> { if (!updating) computeFeatures(); });
    snapshotDate.addListener((o, a, d) -> { if (!updating) { snapshotOverride = d; computeFeatures(); } });
    histogramFeature.addListener((o, a, f) -> computePreview());
    filter.addListener((o, a, f) -> applyFilter());
    session.outlierHandlingProperty().addListener((o, a, h) -> onOutlierHandling());
    onDataset(session.getDataset());
  }

  /** Every feature, in the order of the features, with its choices. */
  public ObservableList<FeatureChoice> getChoices() { return choices.list(); }
  /** Sets the transform of every feature (per-feature choices can then differ). */
  public ObjectProperty<Transform> transformAllProperty() { return choices.transformAllProperty(); }
  public ObjectProperty<Scaling> scalingProperty() { return choices.scalingProperty(); }
  /** Customer-table mode: add 0/1 columns for the categorical columns (e.g. Gender). */
  public BooleanProperty oneHotProperty() { return oneHot; }
  public ReadOnlyStringProperty oneHotLabelProperty() { return oneHotLabel.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty canOneHotProperty() { return canOneHot.getReadOnlyProperty(); }
  /** The RFM snapshot day (transactions mode); setting it recomputes recency and tenure. */
  public ObjectProperty<LocalDate> snapshotDateProperty() { return snapshotDate; }
  public ReadOnlyBooleanProperty transactionsModeProperty() { return transactionsMode.getReadOnlyProperty(); }
  public ObservableList<String> getHistogramFeatures() { return histogramFeatures; }
  public ObjectProperty<String> histogramFeatureProperty() { return histogramFeature; }
  /** The selected feature before and after, or null. */
  public ReadOnlyObjectProperty<FeaturePreview> previewProperty() { return preview.getReadOnlyProperty(); }
  public ReadOnlyStringProperty skewBeforeProperty() { return skewBefore.getReadOnlyProperty(); }
  public ReadOnlyStringProperty skewAfterProperty() { return skewAfter.getReadOnlyProperty(); }
  /** What the features table shows, or null. */
  public ReadOnlyObjectProperty<FeatureTable> tableProperty() { return table.getReadOnlyProperty(); }
  /** Indices into {@link #tableProperty()}'s rows that pass the filter. */
  public ObservableList<Integer> getRows() { return rows; }
  /** Text filter on customer id or country. */
  public StringProperty filterProperty() { return filter; }
  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
  /** Why there is no matrix, or empty. */
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
  /** Something worth knowing that does not stop the matrix (e.g. rows left out), or empty. */
  public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty computingProperty() { return computing.getReadOnlyProperty(); }
  /**
   * What the Quality step's outlier treatment did to the customers ("12 customers capped at the 1st/99th
   * percentile (monetary: 44 above …)"), or empty when outliers are kept.
   */
  public ReadOnlyStringProperty outlierNoteProperty() { return outlierNote.getReadOnlyProperty(); }

  // Commands

  /** Back to the automatic snapshot: the day after the last cleaned invoice. */
  public void resetSnapshot() {
    snapshotOverride = null;
    computeFeatures();
  }

  /** The options the current choices make, or null when no feature is chosen. */
  public FeatureOptions options() { return choices.optionsFor(choices.chosen()); }

  // Upstream

  private void onDataset(Dataset d) {
    updating = true;
    oneHot.set(false);
    updating = false;
    snapshotOverride = null;
    boolean customers = d != null && d.mode() == Mode.CUSTOMERS;
    transactionsMode.set(d != null && !customers);
    List<String> cats = customers ? CustomerTableFeatures.categoricalColumns(d.customerTable(), d.idColumn()) : List.of();
    canOneHot.set(!cats.isEmpty());
    oneHotLabel.set(cats.isEmpty() ? "One-hot encode categories" : "One-hot encode " + String.join(", ", cats));
    CleanedData c = session.getCleaned();
    if (customers || (c != null && d != null && c.transactions() == d.transactions())) computeFeatures();
    else clearFeatures();
    if (session.getFeatures() == null) summary.set(emptySummary());
  }

  private void onCleaned(CleanedData c) {
    if (transactionsMode.get() || session.getDataset() == null) {
      if (c == null) clearFeatures();
      else computeFeatures();
    }
  }

  private void computeFeatures() {
    Dataset d = session.getDataset();
    CleanedData c = session.getCleaned();
    boolean customers = d != null && d.mode() == Mode.CUSTOMERS;
    if (!customers && c == null) { clearFeatures(); return; }
    List<String> oneHotColumns = customers && oneHot.get()
        ? CustomerTableFeatures.categoricalColumns(d.customerTable(), d.idColumn()) : List.of();
    LocalDate snap = snapshotOverride;
    OutlierHandling.Choice handling = session.getOutlierHandling();
    List<String> chosen = choices.chosen();
    computing.set(true);
    featureJob.task("Computing customer features", ctx -> {
          CleanedFields.Trimmed rows = OutlierHandling.rows(c, handling);
          Stages.Features sf = session.stages().features(d, rows == null ? null : rows.cleaned(),
              snap == null ? null : snap.atStartOfDay(), oneHotColumns);
          List<String> on = chosen.stream().filter(sf.features()::has).toList();
          if (on.isEmpty()) on = sf.defaults();
          OutlierHandling.Outcome out = OutlierHandling.apply(sf.features(), handling, on,
              rows == null ? 0 : rows.removed());
          return new Built(sf.features(), out, handling.perFeature() ? on : List.of());
        })
        .onSuccess(b -> {
          computing.set(false);
          CustomerFeatures cf = b.outcome().features();
          treatedOn = b.treatedOn();
          outlierNote.set(b.outcome().text());
          String base = FeatureTexts.note(b.untreated(), customers ? d.customerTable().rowCount() : b.untreated().size());
          note.set(String.join(" ", List.of(base, b.outcome().text()).stream().filter(t -> !t.isEmpty()).toList()));
          session.featuresProperty().set(cf);
        })
        .onFailure(e -> {
          computing.set(false);
          session.featuresProperty().set(null);
          fail("Could not compute the customer features", e);
        })
        .onCancelled(() -> computing.set(false))
        .start();
  }

  private void onOutlierHandling() {
    Dataset d = session.getDataset();
    CleanedData c = session.getCleaned();
    if (d != null && (d.mode() == Mode.CUSTOMERS || (c != null && c.transactions() == d.transactions()))) {
      computeFeatures();
    }
  }

  private void clearFeatures() {
    featureJob.cancel();
    computing.set(false);
    outlierNote.set("");
    treatedOn = List.of();
    note.set("");
    message.set("");
    session.featuresProperty().set(null);
  }

  private void onFeatures(CustomerFeatures cf) {
    matrixJob.cancel();
    previewJob.cancel();
    if (cf == null) {
      choices.clear();
      histogramFeatures.clear();
      allRows.clear();
      table.set(null);
      preview.set(null);
      skewBefore.set("");
      skewAfter.set("");
      session.matrixProperty().set(null);
      summary.set(emptySummary());
      return;
    }
    updating = true;
    Dataset d = session.getDataset();
    choices.sync(cf, cf.snapshot() != null || d == null || d.customerTable() == null ? RfmBuilder.RFM
        : CustomerTableFeatures.numericColumns(d.customerTable(), d.idColumn()),
        cf.snapshot() != null ? Transform.LOG1P : Transform.NONE);
    snapshotDate.set(cf.snapshot() == null ? null : cf.snapshot().toLocalDate());
    histogramFeatures.setAll(cf.names());
    String keep = histogramFeature.get();
    histogramFeature.set(keep != null && cf.has(keep) ? keep
        : choices.chosen().stream().findFirst().orElse(cf.names().get(0)));
    updating = false;
    table.set(new FeatureTable(cf, scoresFor == cf ? scores : null, null));
    allRows.setAll(IntStream.range(0, cf.size()).boxed().toList());
    optionsChanged();
  }

  // Matrix and preview

  private void optionsChanged() {
    if (updating) return;
    List<String> chosen = choices.chosen();
    if (session.getOutlierHandling().perFeature() && !chosen.isEmpty()
        && !new HashSet<>(chosen).equals(new HashSet<>(treatedOn))) {
      // cap and exclude work on the clustered features: other features, other customers
      computeFeatures();
      return;
    }
    computeMatrix();
    computePreview();
  }

  private void computeMatrix() {
    CustomerFeatures cf = session.getFeatures();
    if (cf == null) return;
    FeatureOptions o;
    try {
      o = options();
    } catch (IllegalArgumentException e) {
      matrixJob.cancel();
      showMatrix(cf, null, e.getMessage());
      return;
    }
    if (o == null) {
      matrixJob.cancel();
      showMatrix(cf, null, "Choose at least one feature to cluster on.");
      return;
    }
    RfmScores known = scoresFor == cf ? scores : null;
    CleanedData cleaned = session.getCleaned();
    matrixJob.task("Preparing the feature matrix", ctx -> {
          CustomerFeatures full = ValueFeatures.ensure(cf, cleaned, o.features());
          if (full != cf) return new Prepared(null, null, full);
          return new Prepared(session.stages().matrix(cf, o), known != null || cf.snapshot() == null ? known : RfmScores.of(cf), cf);
        })
        .onSuccess(p -> {
          if (p.features() != cf) { // CLV or P(alive) chosen: the features again with them, then the matrix
            session.featuresProperty().set(p.features());
            return;
          }
          scoresFor = cf;
          scores = p.scores();
          showMatrix(cf, p.matrix(), "");
        })
        .onFailure(e -> {
          showMatrix(cf, null, e.getMessage());
          if (!(e instanceof IllegalArgumentException)) fail("Could not prepare the feature matrix", e);
        })
        .start();
  }

  private void showMatrix(CustomerFeatures cf, FeatureMatrix m, String why) {
    message.set(why);
    table.set(new FeatureTable(cf, scoresFor == cf ? scores : null, m));
    summary.set(m == null ? "No feature matrix: " + why : FeatureTexts.summary(m));
    session.matrixProperty().set(m);
  }

  private void computePreview() {
    CustomerFeatures cf = session.getFeatures();
    String f = histogramFeature.get();
    if (updating || cf == null || f == null || !cf.has(f)) return;
    FeatureOptions o = choices.optionsFor(List.of(f));
    previewJob.task("Previewing " + f, ctx -> FeaturePreview.of(cf, f, o))
        .onSuccess(p -> {
          preview.set(p);
          skewBefore.set(FeaturePreview.skewText(p.skewBefore()));
          skewAfter.set(FeaturePreview.skewText(p.skewAfter()));
        })
        .onFailure(e -> {
          preview.set(null);
          skewBefore.set("");
          skewAfter.set(e.getMessage());
        })
        .start();
  }

  private void applyFilter() {
    String needle = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
    rows.setPredicate(needle.isEmpty() ? null : i -> {
      FeatureTable t = table.get();
      return t != null && i < t.rows() && t.matches(i, needle);
    });
  }

  private void fail(String title, Throwable e) {
    String text = e.getMessage() == null ? e.toString() : e.getMessage();
    message.set(text);
    if (!(e instanceof IllegalArgumentException)) dialogs.showError(title, text);
  }

  private String emptySummary() {
    return transactionsMode.get() ? "No customer features yet: clean the transactions first."
        : session.getDataset() == null ? "No customer features yet: open a dataset." : "No customer features yet.";
  }

  /** The features as built, after the outlier treatment, and the features it treated. */
  private record Built(CustomerFeatures untreated, OutlierHandling.Outcome outcome, List<String> treatedOn) {}

  private record Prepared(FeatureMatrix matrix, RfmScores scores, CustomerFeatures features) {}
}
