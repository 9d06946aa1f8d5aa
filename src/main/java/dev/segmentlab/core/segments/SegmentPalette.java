package dev.segmentlab.core.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Default segment colours: the Tableau 10 qualitative palette, chosen because its ten hues stay distinguishable
 * on white and in most colour-vision deficiencies better than a generated hue wheel does. Colours are
 * {@code "#RRGGBB"} strings (upper case) so that the core stays free of JavaFX.
 */
public final class SegmentPalette {
  private static final List<String> TABLEAU_10 = List.of(
      "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F",
      "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC");
  private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

  private SegmentPalette() {}

  /** The ten palette colours in order. */
  public static List<String> colours() {
    return TABLEAU_10;
  }

  /**
   * Default colour of a segment. Ids beyond 9 reuse the palette from the start: more than ten segments cannot
   * be told apart by colour anyway, and the legend carries the names.
   *
   * @param segment segment id, &ge; 0
   * @throws IllegalArgumentException if {@code segment} is negative
   */
  public static String colour(int segment) {
    if (segment < 0) throw new IllegalArgumentException("segment must be >= 0, was " + segment);
    return TABLEAU_10.get(segment % TABLEAU_10.size());
  }

  /** Default colours of segments {@code 0..k-1}. @throws IllegalArgumentException if k &lt; 0 */
  public static List<String> colours(int k) {
    if (k < 0) throw new IllegalArgumentException("k must be >= 0");
    List<String> out = new ArrayList<>(k);
    for (int s = 0; s < k; s++) out.add(colour(s));
    return List.copyOf(out);
  }

  /** True for a {@code "#RRGGBB"} string. */
  public static boolean isColour(String hex) {
    return hex != null && HEX.matcher(hex).matches();
  }
}
