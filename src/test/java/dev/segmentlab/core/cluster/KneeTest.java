package dev.segmentlab.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class KneeTest {
  @Test
  void handComputedKnee() {
    // x = 1..5, y = 100, 40, 20, 15, 12. Normalised y = 1, .3182, .0909, .0341, 0; flipped 1 - y against
    // x = 0, .25, .5, .75, 1 gives the difference curve 0, .4318, .4091, .2159, 0. Its only local maximum is at
    // x = 2 with threshold .4318 - 1 * .25 = .1818; the curve first drops below that at x = 5, so the knee is 2.
    assertThat(Knee.elbow(new int[] {1, 2, 3, 4, 5}, new double[] {100, 40, 20, 15, 12})).hasValue(2);
  }

  @Test
  void straightLineAndShortCurvesHaveNoKnee() {
    assertThat(Knee.elbow(new int[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1})).isEmpty();
    assertThat(Knee.elbow(new int[] {1, 2}, new double[] {4, 1})).isEmpty();
  }

  @Test
  void threeBlobsGiveKneeAtThree() {
    KSweep.Result r = KSweep.run(Fixtures.threeBlobs(), KSweep.Options.defaults().withK(1, 10));
    assertThat(r.elbowK()).isEqualTo(OptionalInt.of(3));
    assertThat(r.bestSilhouetteK()).isEqualTo(OptionalInt.of(3));
  }
}
