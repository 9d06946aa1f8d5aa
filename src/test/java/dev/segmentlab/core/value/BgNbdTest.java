package dev.segmentlab.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published CDNOW fits (weeks), see {@code src/test/resources/value/SOURCES.md}. */
class BgNbdTest {
  static PurchaseSummary cdnow;
  static BgNbd.Fit fit;

  @BeforeAll static void fitCdnow() {
    cdnow = Cdnow.load();
    fit = BgNbd.fit(cdnow);
  }

  @Test void fixtureIsTheCdnowCohort() {
    assertThat(cdnow.size()).isEqualTo(2357);
    assertThat(cdnow.repeatCustomers()).isEqualTo(946);
  }

  @Test void reproducesThePublishedBgNbdFit() {
    BgNbd.Params p = fit.params();
    assertThat(p.r()).isCloseTo(0.243, within(0.0005));
    assertThat(p.alpha()).isCloseTo(4.414, within(0.0005));
    assertThat(p.a()).isCloseTo(0.793, within(0.0005));
    assertThat(p.b()).isCloseTo(2.426, within(0.0005));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
    assertThat(fit.dropoutIdentified()).isTrue();
  }

  @Test void oneLongAgoPurchaseMeansProbablyGone() {
    BgNbd.Params p = fit.params();
    // one repeat purchase in week 2 of 39, nothing since
    assertThat(BgNbd.probabilityAlive(p, 1, 2, 38.86)).isLessThan(0.3);
    // a frequent, recent buyer
    assertThat(BgNbd.probabilityAlive(p, 10, 38, 38.86)).isGreaterThan(0.9);
    assertThat(BgNbd.probabilityAlive(p, 0, 0, 38.86)).isEqualTo(1);
  }

  @Test void matchesTheModelsPublishedPredictions() {
    BgNbd.Params p = fit.params();
    // Fader, Hardie & Lee (2005), section 5: a customer with x = 2, tx = 30.43, T = 38.86 is expected to make
    // 1.226 purchases in the next 39 weeks; lifetimes' conditional_expected_number_of_purchases_up_to_time agrees
    assertThat(BgNbd.expectedPurchases(p, 39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.002));
  }
}
