package dev.segmentlab.core.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameCarrierTest {

  /** Standardized 2-D points: 60 per blob around each centre, sd 0.7, seeded. */
  static double[][] blobs(double[][] centres) {
    Random random = new Random(7);
    double[][] x = new double[60 * centres.length][];
    for (int b = 0; b < centres.length; b++) {
      for (int i = 0; i < 60; i++) {
        x[b * 60 + i] = new double[] {centres[b][0] + 0.7 * random.nextGaussian(),
            centres[b][1] + 0.7 * random.nextGaussian()};
      }
    }
    return x;
  }

  /**
   * What k-means would report: each point goes to the nearest seed, centroids are the means, and ids are
   * permuted by {@code order} (seed i gets id order[i]) because k-means numbers its clusters arbitrarily.
   */
  static double[][] run(double[][] x, double[][] seeds, int[] order) {
    int[] labels = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      int best = 0;
      for (int s = 1; s < seeds.length; s++) {
        if (SegmentMatcher.squared(x[i], seeds[s]) < SegmentMatcher.squared(x[i], seeds[best])) best = s;
      }
      labels[i] = order[best];
    }
    return Fixtures.centroids(x, labels, seeds.length);
  }

  static List<String> suggested(int k) {
    List<String> names = new ArrayList<>();
    for (int s = 0; s < k; s++) names.add("Suggested " + s);
    return names;
  }

  static final double[][] FOUR = {{0, 0}, {6, 0}, {0, 6}, {6, 6}};
  // k = 5 on the same four blobs: the fourth blob is cut in two
  static final double[][] FOUR_SPLIT = {{0, 0}, {6, 0}, {0, 6}, {5.3, 6}, {6.7, 6}};

  @Test
  void renamedSegmentKeepsItsNameThroughK4To5To4() {
    double[][] x = blobs(FOUR);
    NameCarrier carrier = NameCarrier.create().apply(run(x, FOUR, new int[] {0, 1, 2, 3}), suggested(4));
    carrier = carrier.rename(2, "VIP").rename(3, "Big spenders").recolour(2, "#112233");

    // k = 5, ids shuffled: blob C is now segment 4, blob D's halves are 1 and 3
    carrier = carrier.apply(run(x, FOUR_SPLIT, new int[] {2, 0, 4, 1, 3}), suggested(5));
    assertThat(carrier.labels().get(4).name()).isEqualTo("VIP");
    assertThat(carrier.labels().get(4).colour()).isEqualTo("#112233");
    assertThat(List.of(carrier.labels().get(1).name(), carrier.labels().get(3).name())).contains("Big spenders");
    assertThat(carrier.labels().get(2).name()).isEqualTo("Suggested 2");
    assertThat(carrier.labels().get(2).customName()).isFalse();
    assertThat(carrier.notes()).isEmpty();

    // back to k = 4 with yet another numbering: C is 1, D is 0
    carrier = carrier.apply(run(x, FOUR, new int[] {3, 2, 1, 0}), suggested(4));
    assertThat(carrier.labels()).extracting(SegmentLabel::name)
        .containsExactly("Big spenders", "VIP", "Suggested 2", "Suggested 3");
    assertThat(carrier.labels().get(1).customName()).isTrue();
    assertThat(carrier.labels().get(1).suggestedName()).isEqualTo("Suggested 1");
  }

  static final double[][] FIVE = {{0, 0}, {6, 0}, {0, 6}, {6, 6}, {12, 12}};
  // k = 4 on five blobs: the last two merge
  static final double[][] FIVE_MERGED = {{0, 0}, {6, 0}, {0, 6}, {9, 9}};

  @Test
  void segmentThatMergesAwayIsReportedAndComesBackWithItsK() {
    double[][] x = blobs(FIVE);
    NameCarrier carrier = NameCarrier.create().apply(run(x, FIVE, new int[] {0, 1, 2, 3, 4}), suggested(5));
    carrier = carrier.rename(4, "VIP").rename(0, "Core");

    carrier = carrier.apply(run(x, FIVE_MERGED, new int[] {1, 0, 2, 3}), suggested(4));
    assertThat(carrier.labels()).extracting(SegmentLabel::name).doesNotContain("VIP");
    assertThat(carrier.labels().get(1).name()).isEqualTo("Core");
    assertThat(carrier.notes()).containsExactly(new CarryNote(CarryNote.Kind.DROPPED, "VIP", null, 4,
        "'VIP' was dropped: no segment matches its centroid any more"));
    assertThat(carrier.rememberedCount()).isEqualTo(2);

    carrier = carrier.apply(run(x, FIVE, new int[] {4, 3, 2, 1, 0}), suggested(5));
    assertThat(carrier.labels().get(0).name()).isEqualTo("VIP");
    assertThat(carrier.labels().get(4).name()).isEqualTo("Core");
    assertThat(carrier.notes()).extracting(CarryNote::kind, CarryNote::segment, CarryNote::message)
        .containsExactly(tuple(CarryNote.Kind.RESTORED, 0, "'VIP' is back: a segment matches its centroid again"));

    // a rerun that changes nothing says nothing
    carrier = carrier.apply(run(x, FIVE, new int[] {4, 3, 2, 1, 0}), suggested(5));
    assertThat(carrier.notes()).isEmpty();
  }

  @Test
  void customColourAloneIsCarriedAndReported() {
    double[][] x = blobs(FIVE);
    NameCarrier carrier = NameCarrier.create().apply(run(x, FIVE, new int[] {0, 1, 2, 3, 4}), suggested(5))
        .recolour(4, "#abcdef").recolour(1, "#123456");
    assertThat(carrier.labels().get(4).colour()).isEqualTo("#ABCDEF");
    assertThat(carrier.labels().get(4).name()).isEqualTo("Suggested 4");
    carrier = carrier.apply(run(x, FIVE_MERGED, new int[] {3, 2, 1, 0}), suggested(4));
    assertThat(carrier.labels().get(2).colour()).isEqualTo("#123456");
    assertThat(carrier.notes()).singleElement().extracting(CarryNote::message)
        .isEqualTo("The colour #ABCDEF was dropped: no segment matches its centroid any more");
  }

  @Test
  void dormantLabelIsNotReportedTwice() {
    double[][] x = blobs(FIVE);
    NameCarrier carrier = NameCarrier.create().apply(run(x, FIVE, new int[] {0, 1, 2, 3, 4}), suggested(5))
        .rename(4, "VIP");
    carrier = carrier.apply(run(x, FIVE_MERGED, new int[] {0, 1, 2, 3}), suggested(4));
    assertThat(carrier.notes()).hasSize(1);
    carrier = carrier.apply(run(x, FIVE_MERGED, new int[] {3, 2, 1, 0}), suggested(4));
    assertThat(carrier.notes()).isEmpty();
  }

  @Test
  void resettingANameForgetsIt() {
    double[][] x = blobs(FOUR);
    NameCarrier carrier = NameCarrier.create().apply(run(x, FOUR, new int[] {0, 1, 2, 3}), suggested(4))
        .rename(1, "  VIP ");
    assertThat(carrier.labels().get(1).name()).isEqualTo("VIP");
    carrier = carrier.rename(1, " ");
    assertThat(carrier.labels().get(1).name()).isEqualTo("Suggested 1");
    assertThat(carrier.labels().get(1).colour()).isEqualTo(SegmentPalette.colour(1));
    assertThat(carrier.rememberedCount()).isZero();
  }

  @Test
  void changedFeaturesDropEveryLabel() {
    double[][] x = blobs(FOUR);
    NameCarrier carrier = NameCarrier.create().apply(run(x, FOUR, new int[] {0, 1, 2, 3}), suggested(4))
        .rename(0, "VIP");
    carrier = carrier.apply(new double[][] {{0, 0, 0}, {1, 1, 1}}, suggested(2));
    assertThat(carrier.notes()).singleElement().extracting(CarryNote::kind)
        .isEqualTo(CarryNote.Kind.FEATURES_CHANGED);
    assertThat(carrier.notes().get(0).message()).startsWith("'VIP' was dropped: the features changed");
    assertThat(carrier.rememberedCount()).isZero();
  }

  @Test
  void rejectsMisuse() {
    NameCarrier empty = NameCarrier.create();
    assertThatThrownBy(() -> empty.rename(0, "x")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> empty.apply(new double[][] {{0, 0}}, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    NameCarrier one = empty.apply(new double[][] {{0, 0}}, List.of("a"));
    assertThatThrownBy(() -> one.recolour(0, "red")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> one.rename(1, "x")).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void matcherPairsPermutedCentroidsAndRejectsFarOnes() {
    double[][] old = {{0, 0}, {5, 0}, {0, 5}};
    double[][] fresh = {{0.1, 5}, {20, 20}, {0, 0.1}, {5.1, 0}};
    SegmentMatcher.Matching m = SegmentMatcher.match(old, fresh, SegmentMatcher.Options.DEFAULT);
    assertThat(m.oldOfNew()).containsExactly(2, -1, 0, 1);
    assertThat(m.newOfOld()).containsExactly(2, 3, 0);
    assertThat(m.distances()[1]).isNaN();

    // a lone far-away centroid gets a partner from Hungarian but is beyond the threshold
    SegmentMatcher.Matching far = SegmentMatcher.match(new double[][] {{0, 0}, {5, 0}},
        new double[][] {{0, 0}, {30, 30}}, SegmentMatcher.Options.DEFAULT);
    assertThat(far.oldOfNew()).containsExactly(0, -1);
    assertThat(far.distances()[1]).isGreaterThan(far.threshold());
  }

  @Test
  void paletteIsHexAndCycles() {
    assertThat(SegmentPalette.colours(12)).allMatch(SegmentPalette::isColour);
    assertThat(SegmentPalette.colour(10)).isEqualTo(SegmentPalette.colour(0));
    assertThat(Collections.frequency(SegmentPalette.colours(10), SegmentPalette.colour(3))).isEqualTo(1);
  }
}
