package dev.segmentlab.app.quality;

import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.features.CustomerTableFeatures;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.CleanedFields;
import dev.segmentlab.core.quality.OutlierDetector;
import dev.segmentlab.core.quality.OutlierReport;
import dev.segmentlab.core.quality.OutlierRule;
import dev.segmentlab.core.quality.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
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
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Outliers of one numeric field under one rule: fences, count, box plot, histogram and the most extreme rows. */
public final class OutlierViewModel {
  /** Fields of a transaction file. */
  public static final String QUANTITY = CleanedFields.QUANTITY, UNIT_PRICE = CleanedFields.UNIT_PRICE,
      REVENUE = CleanedFields.REVENUE;
  /** The rules offered, the first is the default. */
  public static final List<OutlierRule> RULES = List.of(OutlierRule.iqr(1.5), OutlierRule.iqr(3),
      OutlierRule.zScore(3), OutlierRule.robustZ(3.5));

  /**
   * One extreme row for the table. {@code line} is the file line (transactions) or the 1-based row (customer
   * table); the text fields are null where they do not apply.
   */
  public record ExtremeRow(int line, double value, double score, String invoice, String stockCode,
      String description, String customer, String country) {}

  /** One histogram bin, values in [{@code from}, {@code to}). */
  public record Bin(String label, double from, double to, int count) {}

  private record Result(OutlierReport report, List<ExtremeRow> rows) {}

  private final JobSlot slot;
  private Dataset dataset;
  private CleanedData cleaned;

  private final ObservableList<String> fields = FXCollections.observableArrayList();
  private final ObservableList<String> fieldsView = FXCollections.unmodifiableObservableList(fields);
  private final StringProperty field = new SimpleStringProperty(this, "field");
  private final ObjectProperty<OutlierRule> rule = new SimpleObjectProperty<>(this, "rule", RULES.get(0));
  private final ObjectProperty<OutlierTreatment> treatment = new SimpleObjectProperty<>(this, "outlierTreatment",
      OutlierTreatment.KEEP);
  private final ReadOnlyStringWrapper treatmentExplanation = new ReadOnlyStringWrapper(OutlierTreatment.KEEP.explanation());
  private final ReadOnlyBooleanWrapper transactions = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyObjectWrapper<OutlierReport> report = new ReadOnlyObjectWrapper<>();
  private final ObservableList<ExtremeRow> extremes = FXCollections.observableArrayList();
  private final ObservableList<Bin> histogram = FXCollections.observableArrayList();
  private final BooleanProperty logCounts = new SimpleBooleanProperty(this, "logCounts");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  OutlierViewModel(Async async) {
    this.slot = new JobSlot(async);
    field.addListener((o, a, b) -> run());
    rule.addListener((o, a, b) -> run());
    treatment.addListener((o, a, t) -> treatmentExplanation.set(t == null ? "" : t.explanation()));
  }

  /** The numeric fields that can be examined. */
  public ObservableList<String> getFields() { return fieldsView; }
  /** The field examined; changing it re-runs the detection. */
  public StringProperty fieldProperty() { return field; }
  public List<OutlierRule> getRules() { return RULES; }
  /** The rule; changing it re-runs the detection. */
  public ObjectProperty<OutlierRule> ruleProperty() { return rule; }
  /** What clustering should do with outliers later (the Features step reads it). */
  public ObjectProperty<OutlierTreatment> outlierTreatmentProperty() { return treatment; }
  public ReadOnlyStringProperty treatmentExplanationProperty() { return treatmentExplanation.getReadOnlyProperty(); }
  /** True for a transaction file (the extremes table shows invoice, stock code, …), false for a customer table. */
  public ReadOnlyBooleanProperty transactionsProperty() { return transactions.getReadOnlyProperty(); }
  public ReadOnlyObjectProperty<OutlierReport> reportProperty() { return report.getReadOnlyProperty(); }
  public OutlierReport getReport() { return report.get(); }
  /** The most extreme rows, farthest first. */
  public ObservableList<ExtremeRow> getExtremes() { return extremes; }
  public ObservableList<Bin> getHistogram() { return histogram; }
  /** Whether the histogram shows log10(1 + count): one bin often holds nearly every value. */
  public BooleanProperty logCountsProperty() { return logCounts; }

  /** The height of a bin's bar under the current scale. */
  public double barHeight(Bin b) { return logCounts.get() ? Math.log10(1 + b.count()) : b.count(); }
  /** Fences and count in words. */
  public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

  /**
   * The rows the cleaning rules keep (transactions): the outliers of a transaction file are those of these rows,
   * so they follow the rules and the returns switch.
   */
  void cleanedChanged(CleanedData c) {
    if (c == cleaned) return;
    cleaned = c;
    if (dataset != null && dataset.transactions() != null) run();
  }

  void datasetChanged(Dataset d) {
    dataset = d;
    show(null);
    transactions.set(d == null || d.transactions() != null);
    List<String> f = d == null ? List.of() : d.transactions() != null ? List.of(QUANTITY, UNIT_PRICE, REVENUE)
        : CustomerTableFeatures.numericColumns(d.customerTable(), d.idColumn());
    fields.setAll(f);
    String keep = field.get() != null && f.contains(field.get()) ? field.get() : f.isEmpty() ? null : f.get(0);
    if (keep != null && keep.equals(field.get())) run(); else field.set(keep);
  }

  private void run() {
    Dataset d = dataset;
    String name = field.get();
    OutlierRule r = rule.get();
    CleanedData c = d == null || d.transactions() == null || cleaned == null
        || cleaned.transactions() != d.transactions() ? null : cleaned;
    if (d == null || name == null || r == null || (d.transactions() != null && c == null)) {
      slot.cancel();
      running.set(false);
      show(null);
      return;
    }
    running.set(true);
    slot.task("Finding outliers in " + name, ctx -> {
      double[] values = c != null ? CleanedFields.values(c, name) : values(d, name);
      if (ctx.isCancelled()) throw new CancellationException();
      OutlierReport rep = OutlierDetector.detect(name, values, r, OutlierDetector.EXTREMES);
      return new Result(rep, rows(d, c, rep));
    })
        .onSuccess(res -> {
      running.set(false);
      error.set("");
      show(res.report());
      extremes.setAll(res.rows());
    })
        .onFailure(e -> {
      running.set(false);
      show(null);
      error.set("Could not examine " + name + ": " + e.getMessage());
    })
        .onCancelled(() -> running.set(false))
        .start();
  }

  static double[] values(Dataset d, String name) {
    Transactions tx = d.transactions();
    if (tx == null) return ((NumericColumn<?>) d.customerTable().column(name)).asDoubleArray();
    switch (name) {
      case QUANTITY: return tx.quantity();
      case UNIT_PRICE: return tx.unitPrice();
      case REVENUE: {
        double[] v = new double[tx.size()];
        for (int i = 0; i < v.length; i++) v[i] = tx.revenue(i);
        return v;
      }
      default: throw new IllegalArgumentException("Unknown field " + name);
    }
  }

  private static List<ExtremeRow> rows(Dataset d, CleanedData c, OutlierReport rep) {
    List<ExtremeRow> out = new ArrayList<>();
    Transactions tx = d.transactions();
    Table t = d.customerTable();
    for (OutlierReport.Extreme e : rep.extremes()) {
      int i = c != null ? c.rows()[e.row()] : e.row();
      if (tx != null) {
        out.add(new ExtremeRow(tx.lineNumber()[i], e.value(), e.score(), tx.invoice().get(i), tx.stockCode().get(i),
            tx.description().get(i), tx.customer().get(i), tx.country().get(i)));
      } else {
        String id = d.idColumn() == null ? null : t.column(d.idColumn()).getString(i);
        out.add(new ExtremeRow(i + 1, e.value(), e.score(), null, null, null, id, null));
      }
    }
    return out;
  }

  private void show(OutlierReport rep) {
    report.set(rep);
    if (rep == null) {
      extremes.clear();
      histogram.clear();
      summary.set("");
      return;
    }
    Stats.Histogram h = rep.histogram();
    int[] counts = h.counts();
    List<Bin> bins = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      double from = h.min() + i * h.width();
      bins.add(new Bin(Format.number(from), from, from + h.width(), counts[i]));
    }
    histogram.setAll(bins);
    summary.set(String.format("%s, %s: values below %s or above %s are outliers. %,d of %,d values (%.2f%%) fall "
        + "outside%s.", rep.field(), rep.rule(), Format.number(rep.lower()), Format.number(rep.upper()), rep.count(),
        rep.n(), rep.n() == 0 ? 0 : 100.0 * rep.count() / rep.n(),
        transactions.get() ? " (the rows the cleaning rules keep, returns as chosen)" : ""));
  }
}
