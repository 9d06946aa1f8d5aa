package dev.segmentlab.app.explore;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.explore.CohortBuilder;
import dev.segmentlab.core.explore.CohortTable;
import dev.segmentlab.core.explore.KeyFigures;
import dev.segmentlab.core.explore.Overview;
import dev.segmentlab.core.explore.OverviewBuilder;
import dev.segmentlab.core.quality.CleanedData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Explore step: the overview (key figures, months, weekdays, hours, countries, baskets, customers) and
 * cohorts of the cleaned rows, recomputed in the background whenever the rows or the segment change; product
 * pairs live in {@link #rules()}.
 */
public final class ExploreViewModel {
  static final String NO_DATA = "Open a transactions file in the Data step to explore it.";
  static final String NEEDS_TRANSACTIONS = "Explore needs a transactions file (one row per invoice line, with "
      + "invoice, date, product, quantity and price). This file is a customer table: go on to Features.";
  static final String NOT_CLEANED = "Waiting for the cleaned rows: apply the cleaning rules in the Quality step.";

  private final Session session;
  private final DialogService dialogs;
  private final JobSlot slot;
  private final RulesViewModel rules;

  // Properties
  private final ReadOnlyObjectWrapper<Overview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
  private final ReadOnlyObjectWrapper<CohortTable> cohorts = new ReadOnlyObjectWrapper<>(this, "cohorts");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", NO_DATA);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
  private final ObjectProperty<SegmentFilter> segmentFilter = new SimpleObjectProperty<>(this, "segmentFilter", SegmentFilter.ALL);
  private final ObservableList<SegmentFilter> segments = FXCollections.observableArrayList(SegmentFilter.ALL);
  private final ObservableList<String> segmentNames = FXCollections.observableArrayList(SegmentFilter.ALL.name());
  private final StringProperty segmentChoice = new SimpleStringProperty(this, "segmentChoice", SegmentFilter.ALL.name());
  private final ObjectProperty<PeriodMetric> periodMetric = new SimpleObjectProperty<>(this, "periodMetric", PeriodMetric.REVENUE);
  private final ObjectProperty<CohortMetric> cohortMetric = new SimpleObjectProperty<>(this, "cohortMetric", CohortMetric.RETENTION);

  public ExploreViewModel(Session session, Async async, DialogService dialogs) {
    this.session = session;
    this.dialogs = dialogs;
    this.slot = new JobSlot(async);
    this.rules = new RulesViewModel(async, dialogs);
    session.cleanedProperty().addListener((o, a, c) -> refresh());
    session.datasetProperty().addListener((o, a, d) -> { if (session.getCleaned() == null) refresh(); });
    segmentFilter.addListener((o, a, f) -> {
      if (f == null) {
        segmentFilter.set(SegmentFilter.ALL);
        return;
      }
      segmentChoice.set(f.name());
      refresh();
    });
    segmentChoice.addListener((o, a, name) -> segments.stream().filter(s -> s.name().equals(name)).findFirst()
        .ifPresent(segmentFilter::set));
    refresh();
  }

  /** The overview of the current rows and segment, or null while there is none. */
  public ReadOnlyObjectProperty<Overview> overviewProperty() { return overview.getReadOnlyProperty(); }
  public Overview getOverview() { return overview.get(); }
  /** Cohorts by month of first purchase, or null. */
  public ReadOnlyObjectProperty<CohortTable> cohortsProperty() { return cohorts.getReadOnlyProperty(); }
  public CohortTable getCohorts() { return cohorts.get(); }
  /** Why the step shows nothing (no file, a customer table, not cleaned yet); empty when it shows data. */
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
  /** The last failure, empty after a success. */
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
  /** True while the overview and cohorts are being computed. */
  public ReadOnlyBooleanProperty computingProperty() { return computing.getReadOnlyProperty(); }
  /** True when there are cleaned transactions to explore (the tabs show only then). */
  public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }
  /** The segment everything is restricted to; never null ({@link SegmentFilter#ALL} by default). */
  public ObjectProperty<SegmentFilter> segmentFilterProperty() { return segmentFilter; }
  public SegmentFilter getSegmentFilter() { return segmentFilter.get(); }
  public void setSegmentFilter(SegmentFilter f) { segmentFilter.set(f); }
  /** The names the segment chooser offers, "All customers" first; filled by {@link #setSegments}. */
  public ObservableList<String> getSegmentNames() { return FXCollections.unmodifiableObservableList(segmentNames); }
  /** The chosen segment's name (the chooser binds to it); choosing a name sets {@link #segmentFilterProperty()}. */
  public StringProperty segmentChoiceProperty() { return segmentChoice; }
  public ObjectProperty<PeriodMetric> periodMetricProperty() { return periodMetric; }
  public ObjectProperty<CohortMetric> cohortMetricProperty() { return cohortMetric; }
  public RulesViewModel rules() { return rules; }

  /**
   * The segments the analyst can restrict Explore to, after "All customers" (the Segments step calls this when
   * it has segments). The current choice stays if a segment of that name remains, else it falls back to all.
   */
  public void setSegments(List<SegmentFilter> list) {
    List<SegmentFilter> all = new ArrayList<>();
    all.add(SegmentFilter.ALL);
    for (SegmentFilter s : list) if (!s.isAll()) all.add(s);
    segments.setAll(all);
    segmentNames.setAll(all.stream().map(SegmentFilter::name).toList());
    SegmentFilter current = segmentFilter.get();
    SegmentFilter next = all.stream().filter(s -> s.name().equals(current.name())).findFirst().orElse(SegmentFilter.ALL);
    segmentFilter.set(next);
  }

  /** Key figures formatted for the figure tiles, in tile order; "—" without data. */
  public List<Figure> figures() {
    Overview o = overview.get();
    KeyFigures k = o == null ? null : o.keyFigures();
    return List.of(
        new Figure("figureCustomers", "Customers", k == null ? "—" : Formats.count(k.customers())),
        new Figure("figureInvoices", "Invoices", k == null ? "—" : Formats.count(k.invoices())),
        new Figure("figureProducts", "Products", k == null ? "—" : Formats.count(k.products())),
        new Figure("figureRevenue", "Revenue", k == null ? "—" : Formats.money(k.revenue())),
        new Figure("figureBasket", "Average basket", k == null ? "—" : Formats.money2(k.averageBasketRevenue())),
        new Figure("figureRows", "Rows", k == null ? "—" : Formats.count(k.rows())));
  }

  /** A key figure tile: its fx:id, caption and text. */
  public record Figure(String id, String caption, String text) {}

  /** "8 Dec 2010 – 9 Dec 2011 · 392,692 rows" style caption of the period covered, or "". */
  public String periodCaption() {
    Overview o = overview.get();
    if (o == null || o.keyFigures().firstDate().isEmpty()) return "";
    KeyFigures k = o.keyFigures();
    String scope = segmentFilter.get().isAll() ? "" : " · segment " + segmentFilter.get().name();
    return "From " + k.firstDate().replace('T', ' ') + " to " + k.lastDate().replace('T', ' ') + scope;
  }

  private void refresh() {
    CleanedData c = session.getCleaned();
    SegmentFilter seg = segmentFilter.get();
    rules.setInput(c, seg);
    available.set(c != null);
    if (c == null) {
      slot.cancel();
      computing.set(false);
      overview.set(null);
      cohorts.set(null);
      error.set("");
      message.set(whyEmpty(session.getDataset()));
      return;
    }
    message.set("");
    computing.set(true);
    IntPredicate customers = seg.customers();
    slot.task("Exploring" + (seg.isAll() ? "" : " " + seg.name()), ctx -> {
      Overview o = OverviewBuilder.build(c.transactions(), c.rows(), c.options()::isNonProduct, customers,
          OverviewBuilder.Options.DEFAULT, RunControl.of(null, p -> ctx.progress(0.6 * p), ctx.cancelledCheck()));
      CohortTable t = CohortBuilder.build(c.transactions(), c.rows(), customers, RunControl.of(null, p -> ctx.progress(0.6 + 0.4 * p), ctx.cancelledCheck()));
      return new Result(o, t);
    })
        .onSuccess(r -> {
      computing.set(false);
      error.set("");
      overview.set(r.overview);
      cohorts.set(r.cohorts);
    })
        .onFailure(e -> {
      computing.set(false);
      error.set("Could not explore the data: " + e.getMessage());
      dialogs.showError("Explore", "Could not explore the data: " + e);
    })
        .onCancelled(() -> {
      computing.set(false);
      if (session.getCleaned() == c) message.set("Cancelled. Change the segment or the cleaning to explore again.");
    })
        .start();
  }

  private record Result(Overview overview, CohortTable cohorts) {}

  private static String whyEmpty(Dataset d) {
    if (d == null) return NO_DATA;
    return d.mode() == Mode.CUSTOMERS ? NEEDS_TRANSACTIONS : NOT_CLEANED;
  }
}
