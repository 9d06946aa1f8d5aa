package dev.segmentlab.core.segments;

import java.util.Objects;

/**
 * What happened to one custom label when {@link NameCarrier#apply} took a new clustering run.
 *
 * @param kind    what happened
 * @param name    the custom name, or {@code null} when only the colour was custom
 * @param colour  the custom colour {@code "#RRGGBB"}, or {@code null} when only the name was custom
 * @param segment for {@link Kind#RESTORED}, the new segment id that took the label; otherwise the id the label
 *                had in the previous run
 * @param message one sentence for the analyst, e.g. {@code "'VIP' was dropped: no segment matches its centroid
 *                any more"}; it names no segment ids, since the UI may number segments differently
 */
public record CarryNote(Kind kind, String name, String colour, int segment, String message) {
  /** What happened to a label. */
  public enum Kind {
    /** No new centroid is close enough; the label is remembered in case the segment comes back. */
    DROPPED,
    /** The number of features changed, so centroids cannot be compared; the label is forgotten. */
    FEATURES_CHANGED,
    /** A label dropped earlier matched a new centroid and is shown again. */
    RESTORED
  }

  /** @throws NullPointerException if kind or message is null */
  public CarryNote {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message;
  }
}
