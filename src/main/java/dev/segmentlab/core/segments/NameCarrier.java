package dev.segmentlab.core.segments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Keeps the analyst's segment names and colours across reruns of the clustering, including changes of k.
 *
 * <p>Custom labels are remembered by centroid, not by segment id: after every run, {@link #apply} matches the
 * remembered centroids to the new ones with {@link SegmentMatcher} (Hungarian on squared distances, threshold
 * documented there) and hands each matched segment its custom name and colour; the memory then moves to the new
 * centroid. A label whose centroid finds no match is reported in {@link #notes()} as dropped but is still
 * remembered (dormant), so that going back to an earlier k (4 → 5 → 4) brings it back. At most
 * {@value #MAX_DORMANT} dormant labels are kept, oldest dropped first. Memories from a run with a different number
 * of features cannot be compared and are forgotten.
 *
 * <p>Immutable: every operation returns a new carrier, which a ViewModel can swap in one assignment.
 *
 * <pre>{@code
 * NameCarrier carrier = NameCarrier.create();
 * carrier = carrier.apply(run1.centroids(), suggested1);      // k = 4
 * carrier = carrier.rename(2, "VIP");
 * carrier = carrier.apply(run2.centroids(), suggested2);      // k = 5: "VIP" follows its centroid
 * carrier.labels();                                           // names and colours by new segment id
 * carrier.notes();                                            // e.g. "'VIP' was dropped: ..."
 * }</pre>
 */
public final class NameCarrier {
  /** Dormant labels kept at most; bounds the memory over a long session. */
  public static final int MAX_DORMANT = 32;

  /** A custom label and where its segment's centre was last seen; immutable. */
  private record Memory(double[] centroid, String name, String colour, int segment) {
    boolean active() {
      return segment >= 0;
    }

    CarryNote note(CarryNote.Kind kind, int at, String what) {
      String subject = name != null ? "'" + name + "'" : "The colour " + colour;
      return new CarryNote(kind, name, colour, at, subject + " " + what);
    }
  }

  private final SegmentMatcher.Options options;
  private final List<Memory> memories;
  private final double[][] centroids;
  private final List<SegmentLabel> labels;
  private final List<CarryNote> notes;

  private NameCarrier(SegmentMatcher.Options options, List<Memory> memories, double[][] centroids,
      List<SegmentLabel> labels, List<CarryNote> notes) {
    this.options = options;
    this.memories = List.copyOf(memories);
    this.centroids = centroids;
    this.labels = List.copyOf(labels);
    this.notes = List.copyOf(notes);
  }

  /** An empty carrier with {@link SegmentMatcher.Options#DEFAULT}. */
  public static NameCarrier create() {
    return create(SegmentMatcher.Options.DEFAULT);
  }

  /** An empty carrier. @throws NullPointerException if options is null */
  public static NameCarrier create(SegmentMatcher.Options options) {
    return new NameCarrier(Objects.requireNonNull(options, "options"), List.of(), new double[0][], List.of(),
        List.of());
  }

  /**
   * Takes a new clustering run: matches remembered labels to its centroids and builds the labels to show.
   *
   * @param newCentroids   k × d centroids in the scaled space, finite, k &ge; 1
   * @param suggestedNames k suggested names, e.g. from {@link SegmentNamer#suggest}
   * @return the carrier for the new run; its {@link #notes()} say which labels were dropped or came back
   * @throws IllegalArgumentException if the sizes disagree or a centroid is not finite
   * @throws NullPointerException     if an argument or a name is null
   */
  public NameCarrier apply(double[][] newCentroids, List<String> suggestedNames) {
    int d = SegmentMatcher.dimension(newCentroids, -1);
    int k = newCentroids.length;
    if (k == 0) throw new IllegalArgumentException("need at least one centroid");
    if (suggestedNames.size() != k) {
      throw new IllegalArgumentException(suggestedNames.size() + " suggested names for " + k + " segments");
    }
    suggestedNames.forEach(n -> Objects.requireNonNull(n, "suggested name"));
    double[][] fresh = new double[k][];
    for (int s = 0; s < k; s++) fresh[s] = newCentroids[s].clone();

    List<CarryNote> out = new ArrayList<>();
    List<Memory> comparable = sameDimension(d, out);
    double[][] remembered = comparable.stream().map(Memory::centroid).toArray(double[][]::new);
    SegmentMatcher.Matching matching = SegmentMatcher.match(remembered, fresh, options);
    int[] newOfOld = matching.newOfOld();

    List<Memory> next = new ArrayList<>();
    List<Memory> dormant = new ArrayList<>();
    Memory[] bySegment = new Memory[k];
    for (int i = 0; i < comparable.size(); i++) {
      Memory m = comparable.get(i);
      int s = newOfOld[i];
      if (s >= 0) {
        Memory moved = new Memory(fresh[s], m.name(), m.colour(), s);
        bySegment[s] = moved;
        next.add(moved);
        if (!m.active()) out.add(m.note(CarryNote.Kind.RESTORED, s, "is back: a segment matches its centroid again"));
      } else {
        if (m.active()) {
          out.add(m.note(CarryNote.Kind.DROPPED, m.segment(), "was dropped: no segment matches its centroid any more"));
        }
        dormant.add(new Memory(m.centroid(), m.name(), m.colour(), -1));
      }
    }
    // memories are appended in age order, so the oldest dormant ones are at the front
    next.addAll(dormant.subList(Math.max(0, dormant.size() - MAX_DORMANT), dormant.size()));

    List<SegmentLabel> shown = new ArrayList<>(k);
    for (int s = 0; s < k; s++) shown.add(label(s, bySegment[s], suggestedNames.get(s)));
    return new NameCarrier(options, next, fresh, shown, out);
  }

  /**
   * Sets the analyst's name of a segment of the current run; {@code null} or blank goes back to the suggestion.
   *
   * @throws IllegalStateException     before the first {@link #apply}
   * @throws IndexOutOfBoundsException if {@code segment} is not in 0..k-1
   */
  public NameCarrier rename(int segment, String name) {
    String clean = name == null || name.isBlank() ? null : name.strip();
    return update(segment, clean, current(segment) == null ? null : current(segment).colour(), true);
  }

  /**
   * Sets the analyst's colour of a segment of the current run; {@code null} goes back to the default.
   *
   * @param colour {@code "#RRGGBB"} or {@code null}
   * @throws IllegalArgumentException  if the colour is not #RRGGBB
   * @throws IllegalStateException     before the first {@link #apply}
   * @throws IndexOutOfBoundsException if {@code segment} is not in 0..k-1
   */
  public NameCarrier recolour(int segment, String colour) {
    if (colour != null && !SegmentPalette.isColour(colour)) {
      throw new IllegalArgumentException("not #RRGGBB: " + colour);
    }
    String hex = colour == null ? null : colour.toUpperCase(Locale.ROOT);
    return update(segment, current(segment) == null ? null : current(segment).name(), hex, false);
  }

  /** Labels of the current run by segment id; empty before the first {@link #apply}. */
  public List<SegmentLabel> labels() {
    return labels;
  }

  /** What happened to custom labels in the last {@link #apply}: dropped, forgotten or restored; in label order. */
  public List<CarryNote> notes() {
    return notes;
  }

  /** Number of custom labels remembered, shown or dormant. */
  public int rememberedCount() {
    return memories.size();
  }

  /** Memories comparable with d-dimensional centroids; notes the shown ones that are not. */
  private List<Memory> sameDimension(int d, List<CarryNote> out) {
    List<Memory> comparable = new ArrayList<>();
    for (Memory m : memories) {
      if (m.centroid().length == d) {
        comparable.add(m);
      } else if (m.active()) {
        out.add(m.note(CarryNote.Kind.FEATURES_CHANGED, m.segment(),
            "was dropped: the features changed, so its segment cannot be found again"));
      }
    }
    return comparable;
  }

  private Memory current(int segment) {
    if (labels.isEmpty()) throw new IllegalStateException("no clustering run applied yet");
    Objects.checkIndex(segment, labels.size());
    for (Memory m : memories) if (m.segment() == segment) return m;
    return null;
  }

  private NameCarrier update(int segment, String name, String colour, boolean nameChanged) {
    Memory old = current(segment);
    List<Memory> next = new ArrayList<>();
    for (Memory m : memories) {
      if (m == old) continue;
      // a dormant label with the same name would come back beside this one: the analyst's latest word wins
      if (nameChanged && name != null && !m.active() && name.equals(m.name())) continue;
      next.add(m);
    }
    Memory updated = name == null && colour == null ? null : new Memory(centroids[segment], name, colour, segment);
    if (updated != null) next.add(updated);
    List<SegmentLabel> shown = new ArrayList<>(labels);
    shown.set(segment, label(segment, updated, labels.get(segment).suggestedName()));
    return new NameCarrier(options, next, centroids, shown, notes);
  }

  private static SegmentLabel label(int s, Memory m, String suggested) {
    boolean customName = m != null && m.name() != null;
    boolean customColour = m != null && m.colour() != null;
    return new SegmentLabel(s, customName ? m.name() : suggested,
        customColour ? m.colour() : SegmentPalette.colour(s), suggested, customName, customColour);
  }
}
