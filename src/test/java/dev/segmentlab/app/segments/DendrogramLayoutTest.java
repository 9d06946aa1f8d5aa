package dev.segmentlab.app.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.core.cluster.Points;
import dev.segmentlab.core.cluster.Ward;
import dev.segmentlab.core.concurrent.RunControl;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The dendrogram's drawn top: the cut at k crosses k links, and the drawn leaves hold every customer. */
class DendrogramLayoutTest {
  @Test
  void cutAtKCrossesKLinksAndLeavesHoldEveryPoint() {
    SplittableRandom r = new SplittableRandom(7);
    double[][] x = new double[300][2];
    for (int i = 0; i < x.length; i++) {
      int c = i % 4;
      x[i][0] = 5 * (c % 2) + r.nextGaussian();
      x[i][1] = 5 * (c / 2) + r.nextGaussian();
    }
    Ward.Result w = Ward.fit(Points.of(x), Ward.Options.defaults(), RunControl.none());
    DendrogramLayout t = DendrogramLayout.of(w.dendrogram(), DendrogramLayout.TOP, false);
    assertThat(t.merges()).isEqualTo(30);
    assertThat(t.leaves()).isEqualTo(31);
    int total = 0;
    for (int s : t.leafSize()) total += s;
    assertThat(total).isEqualTo(300);
    assertThat(t.leafX()).containsExactly(java.util.stream.IntStream.range(0, 31).asDoubleStream().toArray());
    for (int k = 1; k <= 31; k++) assertThat(t.branchesCrossing(t.cutHeight(k))).as("k = %d", k).isEqualTo(k);
    assertThat(t.cutHeight(32)).isNaN();
    assertThat(t.maxHeight()).isEqualTo(w.dendrogram().height(298));
  }
}
