package dev.segmentlab.app.quality;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.pipeline.Stages;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.CleaningReport;
import dev.segmentlab.core.quality.CleaningRule;
import dev.segmentlab.core.quality.Returns;
import dev.segmentlab.core.quality.ReturnsNetting;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cleaning rules of the Quality step. Owns cleaning for the whole app: every change of the rules or of the
 * non-product list re-runs the cleaning in the background and publishes the result as {@code session.cleaned}.
 */
public final class CleaningViewModel {
  /** One bar of the waterfall: a total (rows loaded, rows left) or a rule's removal floating above {@code base}. */
  public record WaterfallBar(String label, int base, int rows, boolean total) {}

  /** What one background run gives: the cleaned rows, and what each rule that is off would remove if turned on. */
  record Result(CleanedData cleaned, Map<CleaningRule, Integer> wouldRemove) {}

  private final Session session;
  private final DialogService dialogs;
  private final JobSlot slot;
  private Transactions transactions;
  private final Deque<CleaningOptions> undo = new ArrayDeque<>();
  private boolean syncing;

  // Properties
  private final ReadOnlyObjectWrapper<CleaningOptions> options = new ReadOnlyObjectWrapper<>(CleaningOptions.defaults());
  private final Map<CleaningRule, BooleanProperty> ruleOn = new EnumMap<>(CleaningRule.class);
  private final Map<CleaningRule, ReadOnlyStringWrapper> ruleEffect = new EnumMap<>(CleaningRule.class);
  private final ReadOnlyObjectWrapper<CleaningReport> report = new ReadOnlyObjectWrapper<>();
  private final ObservableList<WaterfallBar> waterfall = FXCollections.observableArrayList();
  // one wrapper: it listens weakly to the list, so a fresh one per call could be collected with its listeners
  private final ObservableList<WaterfallBar> waterfallView = FXCollections.unmodifiableObservableList(waterfall);
  private final ReadOnlyStringWrapper rowsLeft = new ReadOnlyStringWrapper("—");
  private final ReadOnlyStringWrapper customersLeft = new ReadOnlyStringWrapper("—");
  private final StringProperty nonProductText = new SimpleStringProperty(this, "nonProductText");
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final BooleanProperty netReturns = new SimpleBooleanProperty(this, "netReturns", true);
  private final ReadOnlyStringWrapper returnsNote = new ReadOnlyStringWrapper("");

  CleaningViewModel(Session session, Async async, DialogService dialogs) {
    this.session = session;
    this.dialogs = dialogs;
    this.slot = new JobSlot(async);
    for (CleaningRule r : CleaningRule.values()) {
      BooleanProperty p = new SimpleBooleanProperty(this, r.key(), options.get().isOn(r));
      p.addListener((o, was, on) -> { if (!syncing) apply(options.get().with(r, on), true); });
      ruleOn.put(r, p);
      ruleEffect.put(r, new ReadOnlyStringWrapper(""));
    }
    nonProductText.set(String.join("\n", options.get().nonProductCodes()));
    netReturns.addListener((o, was, on) -> {
      if (!syncing) apply(options.get().withReturns(on ? Returns.NET : Returns.DROP), true);
    });
  }

  /** True when cancellations are netted against purchases (the default), false when dropped as the seeds do. */
  public BooleanProperty netReturnsProperty() { return netReturns; }
  /** What netting changed, e.g. "23 customers with net spend ≤ 0 left out; 161 orders cancelled whole; …". */
  public ReadOnlyStringProperty returnsNoteProperty() { return returnsNote.getReadOnlyProperty(); }

  /** Nets or drops cancellations (undoable). */
  public void setReturns(Returns r) { netReturns.set(r == Returns.NET); }

  /** Whether a rule is on; bind a switch to it bidirectionally (each change re-runs the cleaning). */
  public BooleanProperty ruleOnProperty(CleaningRule r) { return ruleOn.get(r); }
  /** What a rule does to the rows now, e.g. "−8,905 rows" or "off · would remove 1,542". */
  public ReadOnlyStringProperty ruleEffectProperty(CleaningRule r) { return ruleEffect.get(r).getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<CleaningOptions> optionsProperty() { return options.getReadOnlyProperty(); }
  public CleaningOptions getOptions() { return options.get(); }
  /** The report of the last cleaning, null before the first one or for a customer table. */
  public ReadOnlyObjectProperty<CleaningReport> reportProperty() { return report.getReadOnlyProperty(); }
  public ObservableList<WaterfallBar> getWaterfall() { return waterfallView; }
  public ReadOnlyStringProperty rowsLeftProperty() { return rowsLeft.getReadOnlyProperty(); }
  public ReadOnlyStringProperty customersLeftProperty() { return customersLeft.getReadOnlyProperty(); }
  /** The non-product stock codes being edited, one per line (or separated by commas); see {@link #applyNonProductCodes}. */
  public StringProperty nonProductTextProperty() { return nonProductText; }
  public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

  // Commands

  /** Turns a rule on or off (undoable). */
  public void setRule(CleaningRule r, boolean on) { ruleOn.get(r).set(on); }

  /** Applies the edited non-product list (undoable); blank lines are ignored. */
  public void applyNonProductCodes() {
    List<String> codes = parseCodes(nonProductText.get());
    if (codes.equals(options.get().nonProductCodes())) return;
    apply(options.get().withNonProductCodes(codes), true);
  }

  /** Puts the seeds' non-product list back (undoable). */
  public void resetNonProductCodes() {
    nonProductText.set(String.join("\n", CleaningOptions.DEFAULT_NON_PRODUCT));
    applyNonProductCodes();
  }

  /** Restores the options before the last change. */
  public void undo() {
    if (undo.isEmpty()) return;
    apply(undo.pop(), false);
  }

  static List<String> parseCodes(String text) {
    if (text == null) return List.of();
    List<String> out = new ArrayList<>();
    for (String s : text.split("[,;\\n\\r]+")) {
      String t = s.trim();
      if (!t.isEmpty() && !out.contains(t)) out.add(t);
    }
    return out;
  }

  // Called by QualityViewModel

  void transactionsChanged(Transactions tx) {
    transactions = tx;
    undo.clear();
    canUndo.set(false);
    session.cleanedProperty().set(null);
    if (tx == null) {
      slot.cancel();
      running.set(false);
      show(null);
      return;
    }
    run();
  }

  private void apply(CleaningOptions o, boolean recordUndo) {
    CleaningOptions before = options.get();
    if (recordUndo && !o.equals(before)) undo.push(before);
    canUndo.set(!undo.isEmpty());
    options.set(o);
    syncing = true;
    try {
      for (CleaningRule r : CleaningRule.values()) ruleOn.get(r).set(o.isOn(r));
      netReturns.set(o.returns() == Returns.NET);
      if (!parseCodes(nonProductText.get()).equals(o.nonProductCodes())) {
        nonProductText.set(String.join("\n", o.nonProductCodes()));
      }
    } finally {
      syncing = false;
    }
    if (transactions != null) run();
  }

  private void run() {
    Transactions tx = transactions;
    CleaningOptions o = options.get();
    running.set(true);
    slot.task("Cleaning", ctx -> clean(session.stages(), tx, o, ctx))
        .onSuccess(r -> {
      running.set(false);
      error.set("");
      show(r);
      session.cleanedProperty().set(r.cleaned());
    })
        .onFailure(e -> {
      running.set(false);
      String message = "Cleaning failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      error.set(message);
      dialogs.showError("Cleaning failed", message);
    })
        .onCancelled(() -> running.set(false))
        .start();
  }

  private static Result clean(Stages stages, Transactions tx, CleaningOptions o, Async.Context ctx) {
    CleanedData cleaned = stages.clean(tx, o, ctx.control(null));
    Map<CleaningRule, Integer> would = new EnumMap<>(CleaningRule.class);
    CleaningRule[] off = Arrays.stream(CleaningRule.values()).filter(r -> !o.isOn(r)).toArray(CleaningRule[]::new);
    for (int i = 0; i < off.length; i++) {
      ctx.progress((i + 1.0) / (off.length + 1));
      // the difference in rows left, not the rule's own step: that is what the analyst gains or loses
      int left = Cleaner.clean(tx, o.with(off[i], true), ctx.cancelledCheck()).size();
      would.put(off[i], cleaned.size() - left);
    }
    return new Result(cleaned, Collections.unmodifiableMap(would));
  }

  private void show(Result r) {
    if (r == null) {
      report.set(null);
      waterfall.clear();
      rowsLeft.set("—");
      customersLeft.set("—");
      returnsNote.set("");
      for (CleaningRule rule : CleaningRule.values()) ruleEffect.get(rule).set("");
      return;
    }
    CleaningReport rep = r.cleaned().report();
    report.set(rep);
    rowsLeft.set(String.format("%,d", rep.rowsAfterCleaning()));
    customersLeft.set(String.format("%,d", rep.customers()));
    returnsNote.set(returnsNote(r.cleaned()));
    for (CleaningRule rule : CleaningRule.values()) ruleEffect.get(rule).set(effect(rule, rep, r.wouldRemove()));
    waterfall.setAll(bars(rep));
  }

  static String returnsNote(CleanedData c) {
    ReturnsNetting n = c.netting();
    if (c.options().returns() == Returns.DROP) return "Cancellations dropped; the purchases they undo still count (the seeds' way).";
    if (n == null) return "Cancellations are kept as lines (rules 2 and 3 are off): they subtract themselves.";
    return String.format("%,d %s with net spend ≤ 0 left out of clustering · %,d %s cancelled whole no longer "
        + "counted · %,d cancellation lines netted (%,.0f taken back from purchases, %,.0f from spends)",
        n.excludedCustomers(), n.excludedCustomers() == 1 ? "customer" : "customers", n.ordersCancelledWhole(),
        n.ordersCancelledWhole() == 1 ? "order" : "orders", n.cancellationLines(), n.matchedValue(),
        n.unmatchedValue());
  }

  private static String effect(CleaningRule rule, CleaningReport rep, Map<CleaningRule, Integer> would) {
    for (CleaningReport.Step s : rep.steps()) {
      if (s.rule() == rule) return String.format("−%,d rows", s.removed());
    }
    Integer w = would.get(rule);
    return w == null ? "off" : String.format("off · would remove %,d", w);
  }

  /** Rows loaded, one floating bar per enabled rule, rows left. */
  static List<WaterfallBar> bars(CleaningReport rep) {
    List<WaterfallBar> out = new ArrayList<>();
    out.add(new WaterfallBar("rows loaded", 0, rep.rowsBefore(), true));
    for (CleaningReport.Step s : rep.steps()) out.add(new WaterfallBar(s.rule().label(), s.remaining(), s.removed(), false));
    out.add(new WaterfallBar("rows left", 0, rep.rowsAfterCleaning(), true));
    return out;
  }
}
