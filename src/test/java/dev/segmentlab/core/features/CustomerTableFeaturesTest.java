package dev.segmentlab.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Datasets;
import dev.segmentlab.core.data.Mode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTableFeaturesTest {

  @Test
  void mallCustomersGiveA200x3Matrix() {
    for (String f : List.of("mall-customers.csv", "mall-customers-genre-variant.csv")) {
      Dataset d = Datasets.read(Path.of("src/test/resources/data", f));
      assertThat(d.mode()).isEqualTo(Mode.CUSTOMERS);
      assertThat(d.idColumn()).isEqualTo("CustomerID");
      List<String> numeric = CustomerTableFeatures.numericColumns(d.customerTable(), d.idColumn());
      assertThat(numeric).containsExactly("Age", "Annual Income (k$)", "Spending Score (1-100)");
      CustomerFeatures cf = CustomerTableFeatures.build(d.customerTable(), d.idColumn(), List.of());
      FeatureMatrix m = FeatureMatrixBuilder.build(cf, FeatureOptions.of(numeric, Transform.NONE, Scaling.STANDARD));
      assertThat(m.rows()).isEqualTo(200);
      assertThat(m.dims()).isEqualTo(3);
      assertThat(cf.sum("Age")).isEqualTo(7_770d);
    }
  }

  @Test
  void genderCanBeOneHotEncoded() {
    Dataset d = Datasets.read(Path.of("src/test/resources/data/mall-customers.csv"));
    assertThat(CustomerTableFeatures.categoricalColumns(d.customerTable(), d.idColumn())).containsExactly("Gender");
    CustomerFeatures cf = CustomerTableFeatures.build(d.customerTable(), d.idColumn(), List.of("Gender"));
    assertThat(cf.names()).contains("Gender=Male", "Gender=Female");
    assertThat(cf.sum("Gender=Female")).isEqualTo(112d);
  }
}
