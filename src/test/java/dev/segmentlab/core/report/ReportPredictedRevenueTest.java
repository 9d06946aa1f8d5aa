package dev.segmentlab.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The report's predicted revenue of the next 12 months: per segment, in its section and in the summary. */
class ReportPredictedRevenueTest {

  @Test
  void onlineRetailSegmentsCarryTheirPredictedRevenue() throws Exception {
    ReportModel m = ReportFixtures.onlineRetail();
    double total = 0, shares = 0;
    for (ReportModel.Segment s : m.segments()) {
      assertThat(s.hasPredictedRevenue()).isTrue();
      total += s.predictedRevenue();
      shares += s.predictedShare();
    }
    // 4,338 customers after the seeds' cleaning: Σ CLV 8.62 M (README, value_reference.py)
    assertThat(total).isCloseTo(8.62e6, within(0.01e6));
    assertThat(shares).isCloseTo(1, within(1e-9));
    String sum = String.format(java.util.Locale.ROOT, "%,.0f", total);
    assertThat(m.summary()).anySatisfy(line -> assertThat(line)
        .startsWith("Predicted revenue of the next 12 months").contains(sum));
    String html = HtmlReport.html(m);
    ReportModel.Segment first = m.segments().get(0);
    assertThat(html).contains("predicted revenue of the next 12 months " + HtmlReport.money(first.predictedRevenue()));
  }

  @Test
  void aCustomerTableHasNone() throws Exception {
    ReportModel m = ReportFixtures.mall();
    assertThat(m.segments()).allSatisfy(s -> assertThat(s.hasPredictedRevenue()).isFalse());
    assertThat(m.summary()).noneSatisfy(line -> assertThat(line).startsWith("Predicted revenue"));
  }
}
