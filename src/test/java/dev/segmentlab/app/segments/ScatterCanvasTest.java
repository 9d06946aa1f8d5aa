package dev.segmentlab.app.segments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scatter's pixel buffer blends its dots as the canvas did (premultiplied source over destination). */
class ScatterCanvasTest {
  private static final int RED_55 = 140 << 24 | 140 << 16; // red at opacity 0.55, premultiplied

  @Test
  void aDotOverNothingIsTheDotAndOverWhiteIsTheMix() {
    assertThat(ScatterCanvas.over(RED_55, 0)).isEqualTo(RED_55);
    int onWhite = ScatterCanvas.over(RED_55, 0xffffffff);
    // 0.55 red + 0.45 white = (255, 115, 115), opaque
    assertThat(onWhite).isEqualTo(0xffff7373);
  }

  @Test
  void twoDotsOnOnePixelAddUpTowardsOpaque() {
    int twice = ScatterCanvas.over(RED_55, RED_55);
    assertThat(twice >>> 24).isEqualTo(140 + (140 * 115 + 127) / 255); // 1 - 0.45² of full opacity
    assertThat(twice >> 16 & 0xff).isEqualTo(twice >>> 24); // still pure red, premultiplied
    assertThat(twice & 0xffff).isZero();
  }
}
