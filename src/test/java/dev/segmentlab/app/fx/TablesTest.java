package dev.segmentlab.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The cached cell formats write what {@code String.format} writes. */
class TablesTest {
  private static final List<String> FORMATS = List.of("%,.0f", "%,.1f", "%,.2f", "%.1f", "%.2f", "%.3f", "%.1f%%",
      "%.1f %%", "%.2f %%", "%,d", "%.0f", "%f");
  private static final double[] VALUES = {0, -0.0, 0.05, 0.15, 0.25, 1.005, 2.5, 3.5, -2.5, 12.345, 999.95, 1234.5,
      -1234.5, 4338, 1_000_000.125, 8_300_000.5, 0.0004999, -0.04, 1e-9, 77_183.6};

  @Test
  void cachedFormatsMatchStringFormat() {
    Locale was = Locale.getDefault(Locale.Category.FORMAT);
    try {
      for (Locale l : List.of(Locale.US, Locale.GERMANY, Locale.ROOT)) {
        Locale.setDefault(Locale.Category.FORMAT, l);
        for (String f : FORMATS) {
          for (double v : VALUES) {
            String expected = f.endsWith("d") ? String.format(f, (long) v) : String.format(f, v);
            if (f.endsWith("d") && v != Math.rint(v)) continue; // whole numbers only in an integer column
            assertThat(Tables.text(f, v)).as("%s of %s in %s", f, v, l).isEqualTo(expected);
          }
        }
      }
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, was);
    }
  }

  @Test
  void otherPatternsFallBackToStringFormat() {
    assertThat(Tables.text("%08.2f", 3.14159)).isEqualTo(String.format("%08.2f", 3.14159));
    assertThat(Tables.text("%+.1f", 2.25)).isEqualTo(String.format("%+.1f", 2.25));
  }
}
