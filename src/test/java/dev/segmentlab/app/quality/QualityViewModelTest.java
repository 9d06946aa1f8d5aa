package dev.segmentlab.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.data.Datasets;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.CleaningReport;
import dev.segmentlab.core.quality.CleaningRule;
import dev.segmentlab.core.quality.MissingProfile;
import dev.segmentlab.core.quality.OutlierRule;
import dev.segmentlab.core.quality.Returns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Quality step's ViewModels on the bundled Online Retail file, same-thread. The expected figures were
 * computed independently with a plain Python csv script over the same file (strip cells, drop blank customer,
 * invoice starting with C, quantity or price ≤ 0, then exact duplicates keeping the first).
 */
class QualityViewModelTest {
  private final Session session = new Session();
  private final TestDialogs dialogs = new TestDialogs();
  private QualityViewModel vm;
  private CleaningViewModel cleaning;

  @BeforeEach
  void setUp() {
    vm = new QualityViewModel(session, new SameThreadAsync(), dialogs);
    cleaning = vm.cleaning();
    cleaning.setReturns(Returns.DROP); // these figures are the seeds' (cancellations dropped)
    session.datasetProperty().set(OnlineRetailFixture.dataset());
  }

  @Test
  void defaultRulesPublishTheSeedsFigures() {
    CleanedData c = session.getCleaned();
    assertThat(c.size()).isEqualTo(392_692);
    assertThat(c.report().customers()).isEqualTo(4_338);
    assertThat(c.report().steps()).extracting(CleaningReport.Step::removed).containsExactly(135_080, 8_905, 40, 5_192);
    assertThat(cleaning.rowsLeftProperty().get()).isEqualTo("392,692");
    assertThat(cleaning.customersLeftProperty().get()).isEqualTo("4,338");
    assertThat(cleaning.getWaterfall()).extracting(CleaningViewModel.WaterfallBar::rows)
        .containsExactly(541_909, 135_080, 8_905, 40, 5_192, 392_692);
    assertThat(cleaning.getWaterfall()).extracting(CleaningViewModel.WaterfallBar::base)
        .containsExactly(0, 406_829, 397_924, 397_884, 392_692, 0);
    assertThat(cleaning.ruleEffectProperty(CleaningRule.CANCELLATIONS).get()).isEqualTo("−8,905 rows");
    assertThat(cleaning.ruleEffectProperty(CleaningRule.NON_PRODUCT).get()).isEqualTo("off · would remove 1,542");
    assertThat(cleaning.ruleEffectProperty(CleaningRule.BAD_DEBT).get()).isEqualTo("off · would remove 0");
    assertThat(vm.noticeProperty().get()).isEmpty();
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void turningRule2OffMovesCancellationsToRule3ButKeepsTheTotals() {
    cleaning.setRule(CleaningRule.CANCELLATIONS, false);
    CleaningReport r = session.getCleaned().report();
    // every cancellation line with a customer has a negative quantity, so rule 3 removes them instead
    assertThat(r.steps()).extracting(CleaningReport.Step::rule).containsExactly(CleaningRule.MISSING_CUSTOMER,
        CleaningRule.NON_POSITIVE, CleaningRule.DUPLICATES);
    assertThat(r.steps()).extracting(CleaningReport.Step::removed).containsExactly(135_080, 8_945, 5_192);
    assertThat(r.rowsAfterCleaning()).isEqualTo(392_692);
    assertThat(r.customers()).isEqualTo(4_338);
    assertThat(cleaning.ruleEffectProperty(CleaningRule.CANCELLATIONS).get()).isEqualTo("off · would remove 0");
  }

  @Test
  void turningRulesOffAndOnChangesRowsAndCustomers() {
    cleaning.setRule(CleaningRule.NON_POSITIVE, false);
    assertThat(session.getCleaned().size()).isEqualTo(392_732);
    assertThat(session.getCleaned().report().customers()).isEqualTo(4_339);
    cleaning.setRule(CleaningRule.NON_POSITIVE, true);
    cleaning.setRule(CleaningRule.DUPLICATES, false);
    assertThat(session.getCleaned().size()).isEqualTo(397_884);
    assertThat(session.getCleaned().report().customers()).isEqualTo(4_338);
    cleaning.setRule(CleaningRule.DUPLICATES, true);
    cleaning.setRule(CleaningRule.NON_PRODUCT, true);
    assertThat(session.getCleaned().size()).isEqualTo(391_150);
    assertThat(session.getCleaned().report().customers()).isEqualTo(4_334);
    assertThat(cleaning.ruleEffectProperty(CleaningRule.NON_PRODUCT).get()).isEqualTo("−1,542 rows");
    cleaning.setRule(CleaningRule.MISSING_CUSTOMER, false);
    assertThat(session.getCleaned().report().steps().get(0).rule()).isEqualTo(CleaningRule.CANCELLATIONS);
  }

  @Test
  void undoRestoresThePreviousOptionsAndResult() {
    assertThat(cleaning.canUndoProperty().get()).isFalse();
    cleaning.setRule(CleaningRule.NON_POSITIVE, false);
    cleaning.setRule(CleaningRule.DUPLICATES, false);
    assertThat(cleaning.canUndoProperty().get()).isTrue();
    cleaning.undo();
    assertThat(cleaning.ruleOnProperty(CleaningRule.DUPLICATES).get()).isTrue();
    assertThat(cleaning.ruleOnProperty(CleaningRule.NON_POSITIVE).get()).isFalse();
    assertThat(session.getCleaned().size()).isEqualTo(392_732);
    cleaning.undo();
    assertThat(cleaning.getOptions().enabled()).isEqualTo(CleaningRule.defaults());
    assertThat(session.getCleaned().size()).isEqualTo(392_692);
    assertThat(session.getCleaned().report().customers()).isEqualTo(4_338);
    assertThat(cleaning.canUndoProperty().get()).isFalse();
  }

  @Test
  void editingTheNonProductListReRunsAndCanBeUndone() {
    cleaning.setRule(CleaningRule.NON_PRODUCT, true);
    cleaning.nonProductTextProperty().set(" POST \n\n");
    cleaning.applyNonProductCodes();
    assertThat(session.getCleaned().options().nonProductCodes()).containsExactly("POST");
    assertThat(session.getCleaned().size()).isEqualTo(391_593);
    assertThat(cleaning.ruleEffectProperty(CleaningRule.NON_PRODUCT).get()).isEqualTo("−1,099 rows");
    cleaning.undo();
    assertThat(session.getCleaned().size()).isEqualTo(391_150);
    assertThat(CleaningViewModel.parseCodes(cleaning.nonProductTextProperty().get())).hasSize(13);
    assertThat(CleaningViewModel.parseCodes("POST, DOT;M\r\nPOST")).containsExactly("POST", "DOT", "M");
  }

  @Test
  void missingValuesShowWhereBlankCustomersFall() {
    MissingViewModel m = vm.missing();
    assertThat(m.getColumns()).extracting(MissingProfile.Column::name).contains("CustomerID", "Description");
    MissingProfile.Column customer = m.getColumns().stream().filter(c -> c.name().equals("CustomerID")).findFirst().orElseThrow();
    assertThat(customer.missing()).isEqualTo(135_080);
    assertThat(customer.share()).isCloseTo(0.2493, within(1e-4));
    assertThat(m.getByCountry()).hasSize(9); // only nine countries have lines without a customer id
    assertThat(m.getByCountry().get(0)).isEqualTo(new MissingViewModel.Count("United Kingdom", 133_600, 133_600 / 135_080.0));
    assertThat(m.getByMonth()).hasSize(13);
    assertThat(m.getByMonth().stream().mapToInt(MissingViewModel.Count::count).sum()).isEqualTo(135_080);
    assertThat(m.sentenceProperty().get()).contains("135,080 of 541,909 rows (24.9%)", "is on", "dropped");
    cleaning.setRule(CleaningRule.MISSING_CUSTOMER, false);
    assertThat(m.sentenceProperty().get()).contains("is off", "kept for the Explore views");
  }

  @Test
  void unitPriceOutliersAreThoseOfTheCleanedRows() {
    OutlierViewModel o = vm.outliers();
    assertThat(o.getFields()).containsExactly("Quantity", "UnitPrice", "Revenue");
    o.fieldProperty().set("UnitPrice");
    // the 392,692 rows the seeds' rules keep, not the 541,909 loaded (the bad-debt adjustment has no customer)
    assertThat(o.getReport().n()).isEqualTo(392_692);
    assertThat(o.getReport().lower()).isCloseTo(-2.5, within(1e-9));
    assertThat(o.getReport().upper()).isCloseTo(7.5, within(1e-9));
    assertThat(o.getReport().count()).isEqualTo(34_112);
    assertThat(o.getExtremes()).hasSize(20);
    assertThat(o.getExtremes().get(0)).extracting(OutlierViewModel.ExtremeRow::line, OutlierViewModel.ExtremeRow::value,
        OutlierViewModel.ExtremeRow::description).containsExactly(173_384, 8_142.75, "POSTAGE");
    assertThat(o.getHistogram().stream().mapToInt(OutlierViewModel.Bin::count).sum()).isEqualTo(392_692);
    assertThat(o.summaryProperty().get()).contains("below -2.50", "above 7.50", "34,112 of 392,692",
        "the rows the cleaning rules keep");
  }

  @Test
  void quantityOutliersFollowTheRulesAndTheReturnsSwitch() {
    OutlierViewModel o = vm.outliers();
    o.fieldProperty().set("Quantity");
    o.ruleProperty().set(OutlierRule.iqr(1.5));
    // returns dropped (the seeds): the cancelled 80,995 and 74,215 purchases stay and top the list
    assertThat(o.getReport().count()).isEqualTo(25_616);
    assertThat(o.getExtremes().subList(0, 2)).extracting(OutlierViewModel.ExtremeRow::value,
        OutlierViewModel.ExtremeRow::customer).containsExactly(
            org.assertj.core.groups.Tuple.tuple(80_995.0, "16446"), org.assertj.core.groups.Tuple.tuple(74_215.0, "12346"));
    // returns netted: both were cancelled whole, their net quantity is 0
    cleaning.setReturns(Returns.NET);
    assertThat(o.getReport().count()).isEqualTo(25_159);
    assertThat(o.getExtremes().get(0)).extracting(OutlierViewModel.ExtremeRow::value,
        OutlierViewModel.ExtremeRow::customer).containsExactly(4_800.0, "12901");
    // a rule turned off: its rows are examined too
    cleaning.setReturns(Returns.DROP);
    cleaning.ruleOnProperty(CleaningRule.DUPLICATES).set(false);
    assertThat(o.getReport().n()).isEqualTo(392_692 + 5_192);
    o.outlierTreatmentProperty().set(OutlierTreatment.CAP);
    assertThat(o.treatmentExplanationProperty().get()).contains("percentiles");
    assertThat(session.getOutlierHandling().kind()).isEqualTo(dev.segmentlab.core.features.OutlierHandling.Kind.CAP);
  }

  @Test
  void customerTableHasNoCleaningButProfilesItsColumns() {
    session.datasetProperty().set(Datasets.read(Path.of("src/test/resources/data/mall-customers.csv")));
    assertThat(session.getCleaned()).isNull();
    assertThat(vm.transactionsProperty().get()).isFalse();
    assertThat(vm.noticeProperty().get()).contains("Cleaning rules apply to transaction files");
    assertThat(cleaning.reportProperty().get()).isNull();
    assertThat(cleaning.rowsLeftProperty().get()).isEqualTo("—");
    assertThat(vm.missing().getColumns()).hasSize(5).allSatisfy(c -> assertThat(c.missing()).isZero());
    assertThat(vm.missing().getByMonth()).isEmpty();
    OutlierViewModel o = vm.outliers();
    assertThat(o.transactionsProperty().get()).isFalse();
    assertThat(o.getFields()).containsExactly("Age", "Annual Income (k$)", "Spending Score (1-100)");
    assertThat(o.fieldProperty().get()).isEqualTo("Age");
    o.fieldProperty().set("Annual Income (k$)");
    // Q1 41.5, Q3 78 → upper fence 132.75: the two customers on 137 k$ (rows 199, 200)
    assertThat(o.getReport().count()).isEqualTo(2);
    assertThat(o.getExtremes().subList(0, 2)).extracting(OutlierViewModel.ExtremeRow::line).containsExactly(199, 200);
    assertThat(List.of(o.getExtremes().get(0).customer())).containsExactly("199");
    // back to the transactions: cleaning runs again
    session.datasetProperty().set(OnlineRetailFixture.dataset());
    assertThat(session.getCleaned().size()).isEqualTo(392_692);
  }
}
