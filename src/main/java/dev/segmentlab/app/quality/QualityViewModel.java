package dev.segmentlab.app.quality;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.DialogService;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.features.OutlierHandling;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Quality step: cleaning rules (which own {@code session.cleaned} for the whole app), missing values and
 * outliers. Follows {@code session.dataset}: a transaction file is cleaned, profiled and examined in the
 * background; a customer table has no cleaning ({@code cleaned} is null) but its numeric columns are profiled
 * and examined.
 */
public final class QualityViewModel {
  private final Session session;
  private final CleaningViewModel cleaning;
  private final MissingViewModel missing;
  private final OutlierViewModel outliers;

  private final ReadOnlyBooleanWrapper hasData = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper transactions = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(NO_DATA);

  static final String NO_DATA = "Open a file in the Data step to check its quality.";
  static final String CUSTOMER_TABLE = "Cleaning rules apply to transaction files (one row per invoice line). "
      + "This is a customer table: its rows go to the Features step as they are. The missing-value and outlier "
      + "views below work on its columns.";

  public QualityViewModel(Session session, Async async, DialogService dialogs) {
    this.session = session;
    this.cleaning = new CleaningViewModel(session, async, dialogs);
    this.missing = new MissingViewModel(async, cleaning.optionsProperty());
    this.outliers = new OutlierViewModel(async);
    session.datasetProperty().addListener((o, a, d) -> datasetChanged(d));
    session.cleanedProperty().addListener((o, a, c) -> outliers.cleanedChanged(c));
    outliers.outlierTreatmentProperty().addListener((o, a, t) -> publishTreatment());
    outliers.ruleProperty().addListener((o, a, r) -> publishTreatment());
    outliers.fieldProperty().addListener((o, a, f) -> publishTreatment());
    outliers.cleanedChanged(session.getCleaned());
    datasetChanged(session.getDataset());
  }

  public CleaningViewModel cleaning() { return cleaning; }
  public MissingViewModel missing() { return missing; }
  public OutlierViewModel outliers() { return outliers; }
  public Session session() { return session; }

  /** Whether a dataset is open. */
  public ReadOnlyBooleanProperty hasDataProperty() { return hasData.getReadOnlyProperty(); }
  /** Whether the dataset is a transaction file (cleaning applies). */
  public ReadOnlyBooleanProperty transactionsProperty() { return transactions.getReadOnlyProperty(); }
  /** A sentence for the top of the step when cleaning does not apply, else empty. */
  public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

  private void publishTreatment() {
    OutlierTreatment t = outliers.outlierTreatmentProperty().get();
    OutlierHandling.Choice c = t == null ? OutlierHandling.Choice.KEEP
        : t.choice(outliers.ruleProperty().get(), outliers.fieldProperty().get());
    if (!c.equals(session.getOutlierHandling())) session.outlierHandlingProperty().set(c);
  }

  private void datasetChanged(Dataset d) {
    boolean tx = d != null && d.mode() == Mode.TRANSACTIONS && d.transactions() != null;
    hasData.set(d != null);
    transactions.set(tx);
    notice.set(d == null ? NO_DATA : tx ? "" : CUSTOMER_TABLE);
    cleaning.transactionsChanged(tx ? d.transactions() : null);
    missing.datasetChanged(d);
    outliers.datasetChanged(d);
  }
}
