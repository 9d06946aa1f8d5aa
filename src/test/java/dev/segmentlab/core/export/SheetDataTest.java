package dev.segmentlab.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SheetDataTest {

  @Test
  void columnsKeepTypesAndBlanks() {
    SheetData t = SheetData.of("Customers",
        SheetData.Column.text("Customer", new String[] {"12346", null}),
        SheetData.Column.integers("Frequency", new long[] {1, SheetData.MISSING}),
        SheetData.Column.numbers("Monetary", new double[] {77183.6, Double.NaN}),
        SheetData.Column.dates("Last", new LocalDate[] {LocalDate.of(2011, 1, 18), null}));
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.columnCount()).isEqualTo(4);
    assertThat(t.column(0).text(0)).isEqualTo("12346");
    assertThat(t.column(3).type()).isEqualTo(SheetData.Type.DATE);
    assertThat(t.column(3).longAt(0)).isEqualTo(LocalDate.of(2011, 1, 18).toEpochDay());
    for (SheetData.Column c : t.columns()) {
      assertThat(c.isMissing(0)).isFalse();
      assertThat(c.isMissing(1)).isTrue();
    }
  }

  @Test
  void accessorTextColumnDoesNotNeedAnArray() {
    String[] dict = {"United Kingdom", "France"};
    int[] codes = {0, 1, 0, -1};
    SheetData.Column c = SheetData.Column.text("Country", codes.length, r -> codes[r] < 0 ? null : dict[codes[r]]);
    assertThat(c.size()).isEqualTo(4);
    assertThat(c.text(1)).isEqualTo("France");
    assertThat(c.isMissing(3)).isTrue();
  }

  @Test
  void rejectsRaggedOrRepeatedColumns() {
    assertThatThrownBy(() -> SheetData.of("t", SheetData.Column.integers("a", new long[2]),
        SheetData.Column.integers("b", new long[3]))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b' has 3 rows");
    assertThatThrownBy(() -> SheetData.of("t", SheetData.Column.integers("a", new long[2]),
        SheetData.Column.integers("A", new long[2]))).hasMessageContaining("repeats");
    assertThatThrownBy(() -> SheetData.of("t", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SheetData.of("t", SheetData.Column.integers("a", new long[1])).column(0).text(0))
        .isInstanceOf(IllegalStateException.class);
  }
}
