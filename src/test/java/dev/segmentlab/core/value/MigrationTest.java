package dev.segmentlab.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigrationTest {

  @Test void countsStayersMoversNewAndLapsed() {
    String[] a = {"1", "2", "3", "4"};
    int[] la = {0, 0, 1, 2};
    String[] b = {"2", "3", "4", "5", "6"};
    int[] lb = {1, 1, 2, 0, 2};
    Migration.Result r = Migration.compare(a, la, b, lb, 3);
    assertThat(r.transitions()).isEqualTo(new int[][] {{0, 1, 0}, {0, 1, 0}, {0, 0, 1}});
    assertThat(r.lapsed()).containsExactly(1, 0, 0);
    assertThat(r.newCustomers()).containsExactly(1, 0, 1);
    assertThat(r.stayed()).isEqualTo(2);
    assertThat(r.inBoth()).isEqualTo(3);
    assertThat(r.movers()).containsExactly(new Migration.Mover("1", 0, -1), new Migration.Mover("2", 0, 1),
        new Migration.Mover("5", -1, 0), new Migration.Mover("6", -1, 2));
    assertThat(r.rowShares()[0][1]).isEqualTo(1.0);
    assertThat(r.rowShares()[1][1]).isEqualTo(1.0);
  }

  @Test void aLabellingAgainstItselfStays() {
    String[] ids = {"a", "b", "c"};
    int[] l = {2, 0, 1};
    Migration.Result r = Migration.compare(ids, l, ids, l, 3);
    assertThat(r.stayed()).isEqualTo(3);
    assertThat(r.movers()).isEmpty();
  }
}
