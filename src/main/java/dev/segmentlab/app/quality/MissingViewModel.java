package dev.segmentlab.app.quality;

import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.JobSlot;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.quality.CleaningRule;
import dev.segmentlab.core.quality.MissingProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Missing values per column, and where the rows without a customer id fall (by month, by country). */
public final class MissingViewModel {
  /** A labelled count for a chart or table; {@code share} is of the rows in the same group (0..1). */
  public record Count(String label, int count, double share) {}

  /** How many countries the country chart shows. */
  public static final int TOP_COUNTRIES = 10;

  private final JobSlot slot;
  private final ObservableValue<CleaningOptions> options;

  private final ReadOnlyObjectWrapper<MissingProfile> profile = new ReadOnlyObjectWrapper<>();
  private final ObservableList<MissingProfile.Column> columns = FXCollections.observableArrayList();
  private final ObservableList<Count> byMonth = FXCollections.observableArrayList();
  private final ObservableList<Count> byCountry = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper("Open a file to see its missing values.");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  MissingViewModel(Async async, ObservableValue<CleaningOptions> options) {
    this.slot = new JobSlot(async);
    this.options = options;
    options.addListener((o, a, b) -> updateSentence());
  }

  public ReadOnlyObjectProperty<MissingProfile> profileProperty() { return profile.getReadOnlyProperty(); }
  public MissingProfile getProfile() { return profile.get(); }
  /** Every column with its blank count and share of rows. */
  public ObservableList<MissingProfile.Column> getColumns() { return columns; }
  /** Rows without a customer id per month ({@code share}: of that month's rows). Empty for customer tables. */
  public ObservableList<Count> getByMonth() { return byMonth; }
  /** The countries with the most rows without a customer id ({@code share}: of all such rows). */
  public ObservableList<Count> getByCountry() { return byCountry; }
  /** What happens to the rows without a customer id. */
  public ReadOnlyStringProperty sentenceProperty() { return sentence.getReadOnlyProperty(); }
  public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

  void datasetChanged(Dataset d) {
    show(null);
    if (d == null) {
      slot.cancel();
      return;
    }
    slot.task("Profiling missing values", ctx -> d.transactions() != null ? MissingProfile.of(d.transactions())
        : ofTable(d.customerTable()))
        .onSuccess(p -> { error.set(""); show(p); })
        .onFailure(e -> error.set("Could not profile missing values: " + e.getMessage()))
        .start();
  }

  /** The missing-value profile of a customer table: its columns only (no months or countries to break down). */
  static MissingProfile ofTable(Table t) {
    int n = t.rowCount();
    List<MissingProfile.Column> cols = new ArrayList<>();
    for (Column<?> c : t.columns()) {
      int m = c.countMissing();
      cols.add(new MissingProfile.Column(c.name(), m, n == 0 ? 0 : m / (double) n));
    }
    return new MissingProfile(cols, Map.of(), Map.of(), Map.of(), n);
  }

  private void show(MissingProfile p) {
    profile.set(p);
    if (p == null) {
      columns.clear();
      byMonth.clear();
      byCountry.clear();
    } else {
      columns.setAll(p.columns());
      List<Count> months = new ArrayList<>();
      p.missingCustomerByMonth().forEach((m, c) -> {
        int all = p.rowsByMonth().getOrDefault(m, 0);
        months.add(new Count(m, c, all == 0 ? 0 : c / (double) all));
      });
      byMonth.setAll(months);
      int total = p.missingCustomerByCountry().values().stream().mapToInt(Integer::intValue).sum();
      List<Count> countries = new ArrayList<>();
      for (Map.Entry<String, Integer> e : p.missingCustomerByCountry().entrySet()) {
        if (countries.size() == TOP_COUNTRIES) break;
        countries.add(new Count(e.getKey(), e.getValue(), total == 0 ? 0 : e.getValue() / (double) total));
      }
      byCountry.setAll(countries);
    }
    updateSentence();
  }

  private void updateSentence() {
    MissingProfile p = profile.get();
    if (p == null) {
      sentence.set("Open a file to see its missing values.");
      return;
    }
    if (p.rowsByMonth().isEmpty()) {
      int blankRows = p.columns().stream().mapToInt(MissingProfile.Column::missing).max().orElse(0);
      sentence.set(blankRows == 0 ? String.format("No blank cells in the %,d rows of this customer table.", p.rows())
          : "Customer table: rows with a blank numeric value are left out when clustering; blank text cells are kept.");
      return;
    }
    int blank = p.missingCustomerByMonth().values().stream().mapToInt(Integer::intValue).sum();
    String head = String.format("%,d of %,d rows (%.1f%%) have no customer id. ", blank, p.rows(),
        p.rows() == 0 ? 0 : 100.0 * blank / p.rows());
    if (blank == 0) {
      sentence.set("Every row has a customer id.");
    } else if (options.getValue() != null && options.getValue().isOn(CleaningRule.MISSING_CUSTOMER)) {
      sentence.set(head + "Rule 1 (" + CleaningRule.MISSING_CUSTOMER.label() + ") is on: they are dropped before "
          + "customer features are built.");
    } else {
      sentence.set(head + "Rule 1 (" + CleaningRule.MISSING_CUSTOMER.label() + ") is off: they are kept for the "
          + "Explore views (revenue, baskets, countries), but cannot count towards any customer.");
    }
  }
}
