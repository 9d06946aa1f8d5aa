package dev.segmentlab.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.data.Transactions;
import org.junit.jupiter.api.Test;

class OutlierDetectorTest {

  @Test
  void iqrFencesMatchAHandComputation() {
    // sorted: 1 2 3 4 5 6 7 8 9 100; n=10; Q1 at h=2.25 -> 3.25; Q3 at h=6.75 -> 7.75; IQR 4.5
    double[] v = {5, 1, 9, 3, 100, 7, 2, 8, 4, 6};
    OutlierReport r = OutlierDetector.detect("x", v, OutlierRule.iqr(1.5), 3);
    assertThat(r.box().q1()).isEqualTo(3.25);
    assertThat(r.box().q3()).isEqualTo(7.75);
    assertThat(r.lower()).isEqualTo(3.25 - 6.75);
    assertThat(r.upper()).isEqualTo(7.75 + 6.75);
    assertThat(r.count()).isEqualTo(1);
    assertThat(r.extremes().get(0).row()).isEqualTo(4);
    assertThat(r.box().upperWhisker()).isEqualTo(9);
    OutlierReport k3 = OutlierDetector.detect("x", v, OutlierRule.iqr(3), 3);
    assertThat(k3.upper()).isEqualTo(7.75 + 13.5);
  }

  @Test
  void zScoreAndRobustZ() {
    double[] v = {1, 2, 3, 4, 5};
    OutlierReport z = OutlierDetector.detect("x", v, OutlierRule.zScore(1), 5);
    double sd = Math.sqrt(2); // population std of 1..5
    assertThat(z.lower()).isCloseTo(3 - sd, within(1e-12));
    assertThat(z.count()).isEqualTo(2);
    OutlierReport rz = OutlierDetector.detect("x", v, OutlierRule.robustZ(3.5), 5);
    // median 3, MAD 1 -> scale 1/0.6745
    assertThat(rz.upper()).isCloseTo(3 + 3.5 / 0.6745, within(1e-12));
    assertThat(rz.count()).isZero();
  }

  @Test
  void onlineRetailExtremesShowTheKnownRows() {
    Transactions tx = OnlineRetailFixture.transactions();
    OutlierReport q = OutlierDetector.detect("Quantity", tx.quantity(), OutlierRule.iqr(1.5), 4);
    assertThat(q.extremes()).extracting(OutlierReport.Extreme::value).contains(80_995d, -80_995d);
    OutlierReport p = OutlierDetector.detect("UnitPrice", tx.unitPrice(), OutlierRule.iqr(1.5), OutlierDetector.EXTREMES);
    assertThat(p.extremes()).extracting(OutlierReport.Extreme::value).contains(38_970d, 11_062.06d, -11_062.06d);
    int row = p.extremes().stream().filter(e -> e.value() == 11_062.06d).findFirst().orElseThrow().row();
    assertThat(tx.description().get(row)).isEqualTo("Adjust bad debt");
  }

  @Test
  void missingProfileLocatesBlankCustomers() {
    MissingProfile m = MissingProfile.of(OnlineRetailFixture.transactions());
    assertThat(m.columns()).filteredOn(c -> c.name().equals("CustomerID")).singleElement()
        .satisfies(c -> {
          assertThat(c.missing()).isEqualTo(135_080);
          assertThat(c.share()).isCloseTo(0.249, within(0.001));
        });
    assertThat(m.missingCustomerByMonth().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(135_080);
    assertThat(m.missingCustomerByMonth()).containsKeys("2010-12", "2011-12");
    assertThat(m.missingCustomerByCountry().keySet().iterator().next()).isEqualTo("United Kingdom");
  }
}
