package dev.segmentlab.app.explore;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.explore.AssociationRules;
import dev.segmentlab.core.explore.ProductPair;
import dev.segmentlab.core.explore.Rule;
import dev.segmentlab.core.explore.RuleSet;
import dev.segmentlab.core.quality.CleanedData;
import java.util.function.IntPredicate;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Product pairs" tab: thresholds, a background FP-Growth run, the top rules. Part of
 * {@link ExploreViewModel}, which hands it the cleaned rows and the segment.
 */
public final class RulesViewModel {
  /** Rules the table shows at most. */
  public static final int TOP_N = 100;
  /** Largest itemset (antecedent + consequent): pairs and triples. */
  public static final int MAX_LENGTH = 2;
  static final String IDLE = "Set the thresholds and press Find rules.";

  private final DialogService dialogs;
  private final JobSlot slot;

  // Properties
  private final ObjectProperty<Double> minSupport = new SimpleObjectProperty<>(this, "minSupport", 2.0);
  private final ObjectProperty<Double> minConfidence = new SimpleObjectProperty<>(this, "minConfidence", 0.0);
  private final ObjectProperty<Double> minLift = new SimpleObjectProperty<>(this, "minLift", 1.0);
  private final ObservableList<Rule> rules = FXCollections.observableArrayList();
  private final ObservableList<ProductPair> pairs = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<RuleSet> result = new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", IDLE);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
  private final BooleanBinding canFindRules = available.and(running.not());
  private CleanedData input;
  private SegmentFilter segment = SegmentFilter.ALL;
  private boolean mined;

  RulesViewModel(Async async, DialogService dialogs) {
    this.dialogs = dialogs;
    this.slot = new JobSlot(async);
  }

  /** Minimum support in percent of baskets, (0, 100]. */
  public ObjectProperty<Double> minSupportProperty() { return minSupport; }
  public void setMinSupport(double percent) { minSupport.set(percent); }
  /** Minimum confidence in percent, [0, 100]. */
  public ObjectProperty<Double> minConfidenceProperty() { return minConfidence; }
  public void setMinConfidence(double percent) { minConfidence.set(percent); }
  /** Minimum lift, ≥ 0 (1 keeps only positive associations). */
  public ObjectProperty<Double> minLiftProperty() { return minLift; }
  public void setMinLift(double lift) { minLift.set(lift); }
  /** The top rules by lift, at most {@link #TOP_N}. */
  public ObservableList<Rule> getRules() { return rules; }
  /** One row per unordered pair of the rules (A + B with both directions' confidence), at most {@link #TOP_N}. */
  public ObservableList<ProductPair> getPairs() { return pairs; }
  /** The last complete result, or null. */
  public ReadOnlyObjectProperty<RuleSet> resultProperty() { return result.getReadOnlyProperty(); }
  /** Baskets, products, itemsets and rules of the last run, or what to do. */
  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
  public BooleanBinding canFindRulesProperty() { return canFindRules; }

  // Commands

  /** Mines rules with the current thresholds in the background; a new request replaces a running one. */
  public void findRules() {
    if (input == null) return;
    AssociationRules.Options options;
    try {
      options = new AssociationRules.Options(minSupport.get() / 100, minConfidence.get() / 100, minLift.get(),
          MAX_LENGTH, 2 * TOP_N);
    } catch (IllegalArgumentException | NullPointerException e) {
      error.set("Check the thresholds: " + (e.getMessage() == null ? "a value is missing" : e.getMessage()) + ".");
      return;
    }
    CleanedData c = input;
    IntPredicate customers = segment.customers();
    String scope = segment.isAll() ? "" : " (" + segment.name() + ")";
    mined = true;
    running.set(true);
    error.set("");
    summary.set(String.format("Finding product pairs at %.2f%% support%s…", minSupport.get(), scope));
    slot.task("Finding product pairs" + scope, ctx -> AssociationRules.mine(c.transactions(), c.rows(), c.options()::isNonProduct, customers, options,
            RunControl.of(null, ctx.progressSink(), ctx.cancelledCheck())))
        .onSuccess(rs -> {
          running.set(false);
          result.set(rs);
          rules.setAll(rs.rules());
          pairs.setAll(ProductPair.of(rs.rules(), TOP_N));
          summary.set(describe(rs, options, pairs.size()) + scope);
        })
        .onFailure(e -> {
          running.set(false);
          error.set("Could not find rules: " + e.getMessage());
          dialogs.showError("Product pairs", "Could not find rules: " + e);
        })
        .onCancelled(() -> {
          running.set(false);
          summary.set("Cancelled; press Find rules to try again." + (result.get() == null ? "" : " The table shows the previous run."));
        })
        .start();
  }

  /** Stops a run in progress. */
  public void cancel() { slot.cancel(); }

  /** New rows or a new segment: clears the table, re-mines if the analyst has mined before. */
  void setInput(CleanedData cleaned, SegmentFilter s) {
    input = cleaned;
    segment = s;
    available.set(cleaned != null);
    result.set(null);
    rules.clear();
    pairs.clear();
    error.set("");
    if (cleaned == null) {
      slot.cancel();
      running.set(false);
      summary.set(IDLE);
    } else if (mined) {
      findRules();
    } else {
      summary.set(IDLE);
    }
  }

  static String describe(RuleSet rs, AssociationRules.Options o, int shown) {
    return String.format("%,d baskets · %,d products · %,d frequent itemsets (≥ %,d baskets = %.2f%%) · "
        + "%,d rules pass the thresholds (each pair in both directions), top %,d pair%s shown", rs.baskets(),
        rs.products(), rs.frequentItemsets(), rs.minCount(), 100 * o.minSupport(), rs.rulesFound(), shown,
        shown == 1 ? "" : "s");
  }
}
