package dev.segmentlab.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HypergeometricTest {

  @Test void matchesClosedForms() {
    for (double z : new double[] {0.001, 0.1, 0.5, 0.9, 0.99}) {
      // 2F1(1,1;2;z) = -ln(1-z)/z
      assertThat(Hypergeometric.hyp2f1(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, within(1e-12 * -Math.log1p(-z) / z));
      // 2F1(a,b;b;z) = (1-z)^-a
      assertThat(Hypergeometric.hyp2f1(2.5, 3.2, 3.2, z)).isCloseTo(Math.pow(1 - z, -2.5), within(1e-11 * Math.pow(1 - z, -2.5)));
      // 2F1(1/2,1;3/2;z^2) = atanh(z)/z
      double w = Math.sqrt(z);
      double atanh = 0.5 * Math.log((1 + w) / (1 - w));
      assertThat(Hypergeometric.hyp2f1(0.5, 1, 1.5, z)).isCloseTo(atanh / w, within(1e-11 * atanh / w));
    }
    // 2F1(1/2,1/2;3/2;z^2) = asin(z)/z
    assertThat(Hypergeometric.hyp2f1(0.5, 0.5, 1.5, 0.25)).isCloseTo(Math.asin(0.5) / 0.5, within(1e-14));
    assertThat(Hypergeometric.hyp2f1(3, 4, 5, 0)).isEqualTo(1);
  }

  @Test void matchesMpmathIncludingBeyondTheDoubleRange() {
    // mpmath.hyp2f1 at 30 digits
    assertThat(Hypergeometric.hyp2f1(0.243, 2.426, 2.219, 0.6)).isCloseTo(1.2850244482139308, within(1e-13));
    assertThat(Hypergeometric.hyp2f1(30.2, 32.4, 32.2, 0.9)).isCloseTo(2.48282613824488033e30, within(1e-12 * 2.5e30));
    assertThat(Hypergeometric.hyp2f1(1.2, 3.5, 0.4, 0.8)).isCloseTo(5521.18703181452482, within(1e-12 * 5521));
    // beyond the double range: ln 2F1(800, 800.5; 800.2; 0.7) = 963.5393827945086 (scipy returns inf here)
    assertThat(Hypergeometric.log2F1(800, 800.5, 800.2, 0.7)).isCloseTo(963.5393827945086, within(1e-10));
  }

  @Test void eulerFallbackAgreesWithTheSeries() {
    double a = 3.3, b = 1.7, c = 2.9, z = 0.45;
    double alt = Hypergeometric.logSeries(c - a, c - b, c, z) + (c - a - b) * Math.log1p(-z);
    assertThat(alt).isCloseTo(Hypergeometric.logSeries(a, b, c, z), within(1e-13));
  }

  @Test void rejectsZOutsideTheDisc() {
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hypergeometric.hyp2f1(1, 1, -2, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
