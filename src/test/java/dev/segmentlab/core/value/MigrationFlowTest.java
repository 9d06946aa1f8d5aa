package dev.segmentlab.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationFlowTest {
  // period 1: a = {1, 2}, b = {3}; period 2: a = {2, 5}, b = {1, 3, 6}; 4 lapsed from a; new 5 (a), 6 (b)
  static final Migration.Result R = Migration.compare(new String[] {"1", "2", "3", "4"}, new int[] {0, 0, 1, 0},
      new String[] {"2", "5", "1", "3", "6"}, new int[] {0, 0, 1, 1, 1}, 2);

  @Test
  void bandsAreProportionalToCustomersAndStackWithoutGaps() {
    MigrationFlow f = MigrationFlow.layout(R, List.of("A", "B"), List.of("#ff0000", "#0000ff"), 0.1, 0.1);
    assertThat(f.customers()).isEqualTo(6); // 3 in both + 1 lapsed + 2 new
    double scale = (1 - 0.1 * 2) / 6;
    // left: A (3 customers: 1 stays, 1 to B, 1 lapsed), B (1: stays), New (2)
    assertThat(f.left()).extracting(MigrationFlow.Node::count).containsExactly(3, 1, 2);
    assertThat(f.left()).extracting(MigrationFlow.Node::label).containsExactly("A", "B", "New customers");
    assertThat(f.left().get(1).y()).isCloseTo(3 * scale + 0.1, within(1e-12));
    assertThat(f.left().get(2).y() + f.left().get(2).height()).isCloseTo(1, within(1e-12));
    // right: A (2: 1 stayed + 1 new), B (3: from A, from B, new), Lapsed (1)
    assertThat(f.right()).extracting(MigrationFlow.Node::count).containsExactly(2, 3, 1);
    assertThat(f.right().get(2).label()).isEqualTo("Lapsed");
    assertThat(f.bands()).extracting(b -> b.from() + ">" + b.to() + ":" + b.count())
        .containsExactly("0>0:1", "0>1:1", "0>-1:1", "1>1:1", "-1>0:1", "-1>1:1");
    // A's bands stack down A's block; B's incoming bands stack down B's block in source order
    MigrationFlow.Band aToB = f.bands().get(1), bToB = f.bands().get(3), newToB = f.bands().get(5);
    assertThat(aToB.leftY()).isCloseTo(scale, within(1e-12));
    assertThat(aToB.rightY()).isCloseTo(f.right().get(1).y(), within(1e-12));
    assertThat(bToB.rightY()).isCloseTo(f.right().get(1).y() + scale, within(1e-12));
    assertThat(newToB.rightY() + newToB.thickness())
        .isCloseTo(f.right().get(1).y() + f.right().get(1).height(), within(1e-12));
    assertThat(f.bands()).allSatisfy(b -> assertThat(b.thickness()).isCloseTo(b.count() * scale, within(1e-12)));
    assertThat(f.bands()).allSatisfy(b -> assertThat(b.labelled()).isEqualTo(scale >= 0.1));
  }

  @Test
  void everyoneStayingIsOneBandPerSegment() {
    String[] ids = {"a", "b", "c", "d"};
    int[] l = {0, 1, 1, 2};
    MigrationFlow f = MigrationFlow.layout(Migration.compare(ids, l, ids, l, 3), List.of("x", "y", "z"),
        List.of("#111111", "#222222", "#333333"), 0.05, 0.2);
    assertThat(f.bands()).extracting(MigrationFlow.Band::count).containsExactly(1, 2, 1);
    assertThat(f.bands()).allSatisfy(b -> assertThat(b.from()).isEqualTo(b.to()));
    assertThat(f.bands()).extracting(MigrationFlow.Band::labelled).containsExactly(true, true, true);
    assertThat(f.left().get(3).count()).isZero();
    assertThat(f.right().get(3).count()).isZero();
  }
}
