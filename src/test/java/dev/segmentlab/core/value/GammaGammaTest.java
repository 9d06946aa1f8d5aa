package dev.segmentlab.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GammaGammaTest {

  @Test void reproducesThePublishedCdnowFit() {
    PurchaseSummary cdnow = Cdnow.load();
    GammaGamma.Fit fit = GammaGamma.fit(cdnow);
    assertThat(fit.customers()).isEqualTo(946);
    assertThat(fit.params().p()).isCloseTo(6.25, within(0.005));
    assertThat(fit.params().q()).isCloseTo(3.74, within(0.005));
    assertThat(fit.params().v()).isCloseTo(15.45, within(0.005));
    // scipy on lifetimes' likelihood (src/test/python/value_reference.py): -4055.9232
    assertThat(fit.logLikelihood()).isCloseTo(-4055.9232, within(1e-3));
    // customer 1 (x = 2, mean $22.35): E[spend] = 24.6586 (the same script)
    assertThat(GammaGamma.expectedSpend(fit.params(), 2, 22.35)).isCloseTo(24.6586, within(1e-3));
  }

  @Test void cdnowClvAndPredictionsMatchTheReferenceScript() {
    PurchaseSummary cdnow = Cdnow.load();
    // weeks: 4.345 periods a month, as lifetimes' customer_lifetime_value(freq="W")
    CustomerValue.Model m = CustomerValue.fit(cdnow, new ValueOptions(12, 0.01, 4.345, 13));
    BgNbd.Params p = m.purchases().params();
    assertThat(BgNbd.expectedPurchases(p, 39, 2, 30.43, 38.86)).isCloseTo(1.2259, within(2e-4));
    assertThat(BgNbd.probabilityAlive(p, 2, 30.43, 38.86)).isCloseTo(0.7266, within(2e-4));
    // customer 2: one repeat purchase in week 1.71, nothing in the 37 weeks since: probably gone
    assertThat(BgNbd.probabilityAlive(p, 1, 1.71, 38.86)).isCloseTo(0.2122, within(2e-4));
    double spend1 = GammaGamma.expectedSpend(m.spend().params(), 2, 22.35);
    assertThat(CustomerValue.clv(m, 2, 30.43, 38.86, spend1)).isCloseTo(36.278, within(0.01));
  }
}
