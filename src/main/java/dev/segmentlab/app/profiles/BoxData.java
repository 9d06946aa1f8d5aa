package dev.segmentlab.app.profiles;

import dev.segmentlab.core.segments.SegmentCharts.BoxStats;
import java.util.List;

/**
 * The box plots of one raw feature, one box per segment: what the box-plot canvas draws. Immutable.
 *
 * @param feature the feature's name
 * @param names segment names
 * @param colours segment colours {@code #RRGGBB}
 * @param boxes box figures by segment, original units
 * @param log draw on a logarithmic axis
 */
public record BoxData(String feature, List<String> names, List<String> colours, List<BoxStats> boxes, boolean log) {
  public BoxData {
    names = List.copyOf(names);
    colours = List.copyOf(colours);
    boxes = List.copyOf(boxes);
  }
}
