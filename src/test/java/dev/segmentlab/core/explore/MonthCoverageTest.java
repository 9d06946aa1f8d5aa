package dev.segmentlab.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonthCoverageTest {
  private static MonthlyPoint m(String month) { return new MonthlyPoint(month, 1, 1, 1); }

  @Test
  void onlineRetailsLastMonthHasNineDays() {
    // Online Retail runs from 2010-12-01 08:26 to 2011-12-09 12:50
    List<MonthCoverage> c = MonthCoverage.of(List.of(m("2010-12"), m("2011-11"), m("2011-12")),
        "2010-12-01T08:26:00", "2011-12-09T12:50:00");
    assertThat(c).extracting(MonthCoverage::partial).containsExactly(false, false, true);
    assertThat(c.get(2).days()).isEqualTo(9);
    assertThat(c.get(2).length()).isEqualTo(31);
    assertThat(c.get(2).label()).isEqualTo("partial: 9 days");
    assertThat(c.get(0).label()).isEmpty();
  }

  @Test
  void aLateStartAndASingleMonthArePartial() {
    assertThat(MonthCoverage.of(List.of(m("2011-02"), m("2011-03")), "2011-02-15T00:00:00", "2011-03-31T23:00:00"))
        .extracting(MonthCoverage::days).containsExactly(14, 31);
    MonthCoverage one = MonthCoverage.of(List.of(m("2011-02")), "2011-02-10", "2011-02-10").get(0);
    assertThat(one.days()).isEqualTo(1);
    assertThat(one.label()).isEqualTo("partial: 1 day");
    assertThat(MonthCoverage.of(List.of(m("2011-02")), "", null).get(0).partial()).isFalse();
  }
}
