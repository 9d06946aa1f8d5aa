package dev.segmentlab.app.lookup;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.pipeline.SegmentationResult;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.value.CustomerLookup;
import dev.segmentlab.core.value.HoldoutCheck;
import dev.segmentlab.core.value.ValueAnalysis;
import dev.segmentlab.core.value.ValueOptions;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.segmentlab.core.value.PurchaseDays;

/**
 * Customer lookup (Ctrl+F): type an id, pick from the completions, see the customer's segment, features against
 * the segment and everyone, P(alive), expected purchases, CLV and timeline.
 *
 * <p>Properties: {@link #queryProperty()} (typed text), {@link #getCompletions()}, {@link #profileProperty()},
 * {@link #messageProperty()}, {@link #busyProperty()}. Commands: {@link #prepare()}, {@link #lookUp(String)}.
 * The value models are fitted once per segmentation, in the background; completions are a binary search, on the
 * UI thread; the look-up itself (which scans the customer's lines) runs in the background.
 */
public final class LookupViewModel {
  /** Completions shown at most. */
  public static final int MAX_COMPLETIONS = 12;

  private final Session session;
  private final JobSlot build;
  private final JobSlot find;
  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final ObservableList<String> completions = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<CustomerLookup.Profile> profile = new ReadOnlyObjectWrapper<>(this, "profile");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper modelNote = new ReadOnlyStringWrapper(this, "modelNote", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private CustomerLookup lookup;
  private SegmentationResult builtFor;
  private String pending;

  private record Built(CustomerLookup lookup, String note, PurchaseDays days) {}

  private final JobSlot check;
  private final ReadOnlyObjectWrapper<HoldoutCheck.Result> holdout = new ReadOnlyObjectWrapper<>(this, "holdout");
  private PurchaseDays days;

  public LookupViewModel(Session session, Async async) {
    this.session = session;
    this.build = new JobSlot(async);
    this.find = new JobSlot(async);
    this.check = new JobSlot(async);
    session.segmentationProperty().addListener((o, a, s) -> {
      lookup = null;
      builtFor = null;
      days = null;
      holdout.set(null);
      build.cancel();
      busy.set(false);
    });
    query.addListener((o, a, q) -> updateCompletions(q));
  }

  // Properties
  public StringProperty queryProperty() { return query; }
  public ObservableList<String> getCompletions() { return completions; }
  public ReadOnlyObjectProperty<CustomerLookup.Profile> profileProperty() { return profile.getReadOnlyProperty(); }
  public CustomerLookup.Profile getProfile() { return profile.get(); }
  public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
  /** The value model's caveat (a and b barely identified), or empty. */
  public ReadOnlyStringProperty modelNoteProperty() { return modelNote.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
  /** The last holdout check of the purchase model, or null. */
  public ReadOnlyObjectProperty<HoldoutCheck.Result> holdoutProperty() { return holdout.getReadOnlyProperty(); }

  // Commands

  /** Fits the value models for the current segmentation, unless done; called when the lookup opens. */
  public void prepare() {
    SegmentationResult seg = session.getSegmentation();
    CleanedData cleaned = session.getCleaned();
    if (seg == null || cleaned == null) {
      message.set(seg == null ? "No segments yet: open a file and let the Segments step finish." : "Customer lookup needs transactions.");
      return;
    }
    if (seg == builtFor && (lookup != null || busy.get())) return;
    builtFor = seg;
    busy.set(true);
    message.set("Fitting the customer-value models…");
    build.task("Customer value", ctx -> {
      ValueAnalysis v = ValueAnalysis.shared(cleaned, ValueOptions.defaults());
      return new Built(new CustomerLookup(seg.features(), seg.labels(), seg.names(), v, cleaned), v.model().dropoutNote(), v.days());
    })
        .onSuccess(built -> {
      busy.set(false);
      lookup = built.lookup();
      days = built.days();
      modelNote.set(built.note() == null ? "" : built.note());
      message.set(String.format(Locale.ROOT, "%,d customers; type an id.", seg.features().size()));
      updateCompletions(query.get());
      if (pending != null) lookUp(pending);
    })
        .onFailure(e -> {
      busy.set(false);
      builtFor = null;
      message.set("Could not fit the customer-value models: " + e.getMessage());
    })
        .start();
  }

  /** Refits the purchase model on all but the last 13 weeks and compares its predictions with those weeks. */
  public void checkHoldout() {
    PurchaseDays d = days;
    if (d == null) {
      message.set("Open the lookup once the segments are there; the check uses the same data.");
      return;
    }
    int weeks = ValueOptions.defaults().holdoutWeeks();
    check.task("Holdout check", ctx -> HoldoutCheck.run(d, weeks))
        .onSuccess(holdout::set)
        .onFailure(e -> message.set("Could not run the holdout check: " + e.getMessage()))
        .start();
  }

  /** Shows one customer (after the models are ready, if they are still being fitted). */
  public void lookUp(String id) {
    if (id == null || id.isBlank()) return;
    if (lookup == null) {
      pending = id;
      prepare();
      return;
    }
    pending = null;
    CustomerLookup l = lookup;
    find.task("Customer " + id.trim(), ctx -> l.find(id))
        .onSuccess(p -> {
      if (p.isPresent()) {
        profile.set(p.get());
        message.set("");
      } else {
        message.set("No customer '" + id.trim() + "' in the segments.");
      }
    })
        .onFailure(e -> message.set("Could not look up '" + id.trim() + "': " + e.getMessage()))
        .start();
  }

  private void updateCompletions(String q) {
    if (lookup == null) {
      completions.clear();
      return;
    }
    List<String> c = lookup.complete(q, MAX_COMPLETIONS);
    completions.setAll(c);
  }
}
