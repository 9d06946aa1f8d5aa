package dev.segmentlab.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportModelTest {

  @Test
  void onlineRetailReportHoldsTheKnownFigures() throws Exception {
    ReportModel m = ReportFixtures.onlineRetail();
    ReportModel.Data d = m.data();
    assertThat(d.rows()).isEqualTo(541_909);
    assertThat(d.customersInFile()).isEqualTo(4_372);
    assertThat(d.customers()).isEqualTo(4_338);
    assertThat(m.customers()).isEqualTo(4_338);
    assertThat(d.firstDate()).isEqualTo("2010-12-01");
    assertThat(d.lastDate()).isEqualTo("2011-12-09");
    assertThat(d.cleaning()).first().satisfies(s -> assertThat(s.removed()).isEqualTo(135_080));

    ReportModel.KChoice c = m.choice();
    assertThat(c.chosen()).isEqualTo(4);
    ReportModel.KPoint at4 = c.points().stream().filter(p -> p.k() == 4).findFirst().orElseThrow();
    assertThat(at4.wcss()).isCloseTo(3962.71, within(0.01 * 3962.71));
    assertThat(c.explanation()).contains("chosen k = 4");

    assertThat(m.segments()).hasSize(4);
    assertThat(m.segments().stream().mapToDouble(ReportModel.Segment::revenueShare).sum()).isCloseTo(1.0, within(1e-9));
    for (ReportModel.Segment s : m.segments()) {
      assertThat(s.figures()).extracting(ReportModel.Figure::feature).containsExactly("recency", "frequency", "monetary");
      assertThat(s.topProducts()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
      assertThat(s.topCountries()).isNotEmpty();
      assertThat(s.stability()).isBetween(0.0, 1.0);
    }
    // segment 0 has the highest mean monetary (the pipeline's numbering) and the biggest share of revenue
    ReportModel.Segment best = m.segments().get(0);
    assertThat(best.revenueShare()).isGreaterThan(best.share());
    assertThat(best.topCountries().get(0).label()).isEqualTo("United Kingdom");

    ReportModel.Explore e = m.explore();
    assertThat(e.monthly()).hasSize(13);
    assertThat(e.monthly().get(0).partial()).isFalse();
    assertThat(e.monthly().get(12).partial()).as("December 2011 ends on the 9th").isTrue();
    assertThat(e.countries().get(0).country()).isEqualTo("United Kingdom");
    assertThat(e.cohorts().get(0).cohort()).isEqualTo("2010-12");
    assertThat(e.cohorts().get(0).retention().get(0)).isEqualTo(1.0);

    ReportModel.Reproduce r = m.reproduce();
    assertThat(r.sha256()).hasSize(64);
    assertThat(r.features()).isEqualTo(List.of("recency", "frequency", "monetary"));
    assertThat(r.command()).contains("--k 4", "--seed 42", "--transform log1p");
    assertThat(m.summary().get(0)).startsWith("4,338 customers from online-retail.csv.gz");
  }

  @Test
  void mallCustomersReportHasNoRevenueButEverySegment() throws Exception {
    ReportModel m = ReportFixtures.mall();
    assertThat(m.data().mode()).isEqualTo("customers");
    assertThat(m.customers()).isEqualTo(200);
    assertThat(m.explore()).isNull();
    assertThat(m.hasRevenue()).isFalse();
    assertThat(m.data().cleaning()).isEmpty();
    assertThat(m.segments()).hasSize(m.choice().chosen());
    assertThat(m.segments()).allSatisfy(s -> {
      assertThat(s.revenueShare()).isNaN();
      assertThat(s.topProducts()).isEmpty();
    });
  }
}
