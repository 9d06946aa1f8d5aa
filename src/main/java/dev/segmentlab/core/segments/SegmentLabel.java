package dev.segmentlab.core.segments;

import java.util.Objects;

/**
 * What the UI shows for one segment: its name and colour, and whether the analyst chose them.
 *
 * @param segment       segment id, 0..k-1
 * @param name          the analyst's name if set, else the suggested one
 * @param colour        {@code "#RRGGBB"}: the analyst's colour if set, else {@link SegmentPalette#colour(int)}
 * @param suggestedName the name {@link SegmentNamer} suggested for this run
 * @param customName    true when {@code name} is the analyst's
 * @param customColour  true when {@code colour} is the analyst's
 */
public record SegmentLabel(int segment, String name, String colour, String suggestedName, boolean customName,
    boolean customColour) {
  /** @throws IllegalArgumentException if segment &lt; 0 or the colour is not #RRGGBB */
  public SegmentLabel {
    if (segment < 0) throw new IllegalArgumentException("segment must be >= 0");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(suggestedName, "suggestedName");
    if (!SegmentPalette.isColour(colour)) throw new IllegalArgumentException("not a #RRGGBB colour: " + colour);
  }
}
