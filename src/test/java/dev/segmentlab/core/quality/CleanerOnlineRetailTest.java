package dev.segmentlab.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.data.Transactions;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CleanerOnlineRetailTest {
  private final Transactions tx = OnlineRetailFixture.transactions();

  @Test
  void defaultRulesGiveTheSeedsFigures() {
    CleaningReport r = Cleaner.clean(tx, CleaningOptions.seeds()).report();
    assertThat(r.steps()).extracting(CleaningReport.Step::rule).containsExactly(CleaningRule.MISSING_CUSTOMER,
        CleaningRule.CANCELLATIONS, CleaningRule.NON_POSITIVE, CleaningRule.DUPLICATES);
    assertThat(r.steps()).extracting(CleaningReport.Step::removed).containsExactly(135_080, 8_905, 40, 5_192);
    assertThat(r.steps()).extracting(CleaningReport.Step::remaining)
        .containsExactly(406_829, 397_924, 397_884, 392_692);
    assertThat(r.rowsAfterCleaning()).isEqualTo(392_692);
    assertThat(r.customers()).isEqualTo(4_338);
  }

  @Test
  void onlyMissingCustomerKeepsEveryCustomer() {
    CleaningReport r = Cleaner.clean(tx, new CleaningOptions(EnumSet.of(CleaningRule.MISSING_CUSTOMER),
        CleaningOptions.DEFAULT_NON_PRODUCT)).report();
    assertThat(r.customers()).isEqualTo(4_372);
    assertThat(r.rowsAfterCleaning()).isEqualTo(541_909 - 135_080);
  }

  @Test
  void duplicatesAloneOnTheRawFileRemove5268() {
    CleaningReport r = Cleaner.clean(tx, new CleaningOptions(EnumSet.of(CleaningRule.DUPLICATES),
        CleaningOptions.DEFAULT_NON_PRODUCT)).report();
    assertThat(r.steps().get(0).removed()).isEqualTo(5_268);
  }

  @Test
  void cancellationsAloneOnTheRawFileRemove9288() {
    CleaningReport r = Cleaner.clean(tx, new CleaningOptions(EnumSet.of(CleaningRule.CANCELLATIONS),
        CleaningOptions.DEFAULT_NON_PRODUCT)).report();
    assertThat(r.steps().get(0).removed()).isEqualTo(9_288);
  }

  @Test
  void optionalRulesRemoveNonProductAndBadDebtRows() {
    CleaningReport r = Cleaner.clean(tx, CleaningOptions.seeds().with(CleaningRule.NON_PRODUCT, true)
        .with(CleaningRule.BAD_DEBT, true)).report();
    assertThat(r.steps()).hasSize(6);
    assertThat(r.steps().get(4).removed()).isPositive();
    assertThat(r.rowsAfterCleaning()).isLessThan(392_692);
  }

  @Test
  void nonProductMatchingIsCaseInsensitiveWithPrefixes() {
    CleaningOptions o = CleaningOptions.seeds();
    assertThat(o.isNonProduct("post")).isTrue();
    assertThat(o.isNonProduct("m")).isTrue();
    assertThat(o.isNonProduct("gift_0001_40")).isTrue();
    assertThat(o.isNonProduct("DCGS0070")).isTrue();
    assertThat(o.isNonProduct("85123A")).isFalse();
  }
}
