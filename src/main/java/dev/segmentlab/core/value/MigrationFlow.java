package dev.segmentlab.core.value;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of a migration's flow diagram (Sankey style), in pure numbers: the first period's segments on the
 * left with the new customers below them, the second period's segments on the right with the lapsed customers
 * below them, and one band per pair with customers, as thick as its customers. Heights are fractions of the
 * drawing's height (0..1), so a view scales them to its size; computing it is proportional to k², not to the
 * customers.
 *
 * @param left one node per first-period segment, then {@link #NEW}
 * @param right one node per second-period segment, then {@link #LAPSED}
 * @param bands every pair with customers: segment → segment, segment → lapsed, new → segment
 * @param customers customers drawn on each side (in both periods + new + lapsed)
 */
public record MigrationFlow(List<Node> left, List<Node> right, List<Band> bands, int customers) {
  /** The {@link Node#segment()} of the new customers (left) and of the lapsed ones (right). */
  public static final int NEW = -1;
  /** The {@link Node#segment()} of the lapsed customers (right column). */
  public static final int LAPSED = -1;

  public MigrationFlow {
    left = List.copyOf(left);
    right = List.copyOf(right);
    bands = List.copyOf(bands);
  }

  /**
   * A block of customers in one column.
   *
   * @param segment segment id, or −1 for new (left) / lapsed (right)
   * @param label the segment's name, "New customers" or "Lapsed"
   * @param colour {@code #rrggbb}, or null for new and lapsed
   * @param count customers
   * @param y top, 0..1
   * @param height count × the scale, 0..1
   */
  public record Node(int segment, String label, String colour, int count, double y, double height) {}

  /**
   * Customers going from a left node to a right node.
   *
   * @param from left segment, or {@link #NEW}
   * @param to right segment, or {@link #LAPSED}
   * @param count customers
   * @param leftY top of the band at the left node, 0..1
   * @param rightY top of the band at the right node, 0..1
   * @param thickness count × the scale, 0..1
   * @param labelled thick enough to carry its count as a label
   */
  public record Band(int from, int to, int count, double leftY, double rightY, double thickness, boolean labelled) {}

  /**
   * Lays a migration out.
   *
   * @param names segment names, one per segment
   * @param colours segment colours, one per segment
   * @param gap the space between two nodes of a column, as a fraction of the height (0 ≤ gap, k·gap < 1)
   * @param minLabel the thinnest band that carries its count, as a fraction of the height
   * @throws IllegalArgumentException when the names or colours do not match k, or the gaps leave no room
   */
  public static MigrationFlow layout(Migration.Result r, List<String> names, List<String> colours, double gap,
      double minLabel) {
    int k = r.k();
    if (names.size() != k || colours.size() != k) throw new IllegalArgumentException("one name and colour per segment");
    if (!(gap >= 0) || gap * k >= 1) throw new IllegalArgumentException("the gaps must leave room for the nodes");
    int[] leftCount = new int[k + 1], rightCount = new int[k + 1];
    int[][] flow = new int[k + 1][k + 1]; // [from or k = new][to or k = lapsed]
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) flow[i][j] = r.transitions()[i][j];
      flow[i][k] = r.lapsed()[i];
      flow[k][i] = r.newCustomers()[i];
    }
    int total = 0;
    for (int i = 0; i <= k; i++) {
      for (int j = 0; j <= k; j++) {
        leftCount[i] += flow[i][j];
        rightCount[j] += flow[i][j];
        total += flow[i][j];
      }
    }
    double scale = total == 0 ? 0 : (1 - gap * k) / total;
    List<Node> left = nodes(leftCount, names, colours, scale, gap, "New customers");
    List<Node> right = nodes(rightCount, names, colours, scale, gap, "Lapsed");
    double[] leftNext = new double[k + 1], rightNext = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      leftNext[i] = left.get(i).y();
      rightNext[i] = right.get(i).y();
    }
    // each left node stacks its bands in target order, each right node in source order: bands never cross twice
    List<Band> bands = new ArrayList<>();
    for (int i = 0; i <= k; i++) {
      for (int j = 0; j <= k; j++) {
        if (flow[i][j] == 0) continue;
        double t = flow[i][j] * scale;
        bands.add(new Band(i == k ? NEW : i, j == k ? LAPSED : j, flow[i][j], leftNext[i], rightNext[j], t, t >= minLabel));
        leftNext[i] += t;
        rightNext[j] += t;
      }
    }
    return new MigrationFlow(left, right, bands, total);
  }

  private static List<Node> nodes(int[] count, List<String> names, List<String> colours, double scale, double gap,
      String extra) {
    int k = names.size();
    List<Node> out = new ArrayList<>();
    double y = 0;
    for (int i = 0; i <= k; i++) {
      double h = count[i] * scale;
      out.add(i < k ? new Node(i, names.get(i), colours.get(i), count[i], y, h) : new Node(-1, extra, null, count[i], y, h));
      y += h + gap;
    }
    return out;
  }
}
