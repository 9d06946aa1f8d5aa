package dev.segmentlab.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CellTextTest {

  @Test
  void numbersHaveNoNeedlessZerosAndNoExponent() {
    assertThat(CellText.number(4310.0)).isEqualTo("4310");
    assertThat(CellText.number(77183.6)).isEqualTo("77183.6");
    assertThat(CellText.number(-2.5)).isEqualTo("-2.5");
    assertThat(CellText.number(0.1)).isEqualTo("0.1");
    assertThat(CellText.number(1e-7)).isEqualTo("0.0000001");
    assertThat(CellText.number(12345678.9)).isEqualTo("12345678.9");
    assertThat(CellText.number(1e20)).isEqualTo("100000000000000000000");
    assertThat(CellText.number(-0.0)).isEqualTo("0");
    assertThat(CellText.number(Double.NaN)).isEmpty();
  }

  @Test
  void numbersRoundTripAtFullPrecision() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double d = Double.longBitsToDouble(rnd.nextLong());
      if (!Double.isFinite(d)) continue;
      String s = CellText.number(d);
      assertThat(s).doesNotContain("E");
      assertThat(Double.parseDouble(s)).isEqualTo(d == 0 ? 0.0 : d);
    }
    for (int i = 0; i < 20_000; i++) {
      double d = Math.round(rnd.nextDouble(-1e6, 1e6) * 100) / 100.0; // money-like
      assertThat(Double.parseDouble(CellText.number(d))).isEqualTo(d == 0 ? 0.0 : d);
    }
  }

  @Test
  void formulaTriggersGetAnApostrophe() {
    assertThat(CellText.escapeFormula("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(CellText.escapeFormula("+1")).isEqualTo("'+1");
    assertThat(CellText.escapeFormula("-cmd")).isEqualTo("'-cmd");
    assertThat(CellText.escapeFormula("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CellText.escapeFormula("\tx")).isEqualTo("'\tx");
    assertThat(CellText.escapeFormula("WHITE HANGING HEART")).isEqualTo("WHITE HANGING HEART");
    assertThat(CellText.escapeFormula("")).isEmpty();
    assertThat(CellText.escapeFormula(null)).isNull();
  }

  @Test
  void datesAreIsoWithSeconds() {
    long day = java.time.LocalDate.of(2011, 12, 9).toEpochDay();
    assertThat(CellText.date(day)).isEqualTo("2011-12-09");
    assertThat(CellText.dateTime(day * 86_400 + 12 * 3600 + 50 * 60)).isEqualTo("2011-12-09T12:50:00");
    assertThat(CellText.date(SheetData.MISSING)).isEmpty();
  }
}
