package dev.segmentlab.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.core.data.Datasets;
import dev.segmentlab.core.data.OnlineRetailFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CurrencyTest {
  @Test
  void onlineRetailIsInPoundsAndACustomerTableHasNone() {
    // 495,478 of the 541,909 rows (91 %) were sold in the United Kingdom
    assertThat(Currency.guess(OnlineRetailFixture.dataset())).isEqualTo("£");
    assertThat(Currency.guess(Datasets.read(Path.of("src/test/resources/data/mall-customers.csv")))).isEmpty();
    assertThat(Currency.guess(null)).isEmpty();
  }

  @Test
  void amountsAreWrittenWithTheSymbol() {
    assertThat(Currency.format("£", 1_234.5)).isEqualTo("£1,234.50");
    assertThat(Currency.format("€", -3)).isEqualTo("-€3.00");
    assertThat(Currency.format("", 77_183.6)).isEqualTo("77,183.60");
    assertThat(Currency.label("")).isEqualTo("none");
    assertThat(XlsxExporter.Options.DEFAULT.withCurrency("$").moneyFormat()).isEqualTo("\"$\"#,##0.00");
  }
}
