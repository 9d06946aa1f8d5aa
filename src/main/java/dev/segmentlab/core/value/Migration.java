package dev.segmentlab.core.value;

import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.model.SegmentModel;
import dev.segmentlab.core.quality.CleanedData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;

/**
 * Where customers went between two periods labelled with the same segmentation: the transition table (from
 * segment × to segment), the new customers (only in the second period) and the lapsed ones (only in the first),
 * and the list of movers for export.
 */
public final class Migration {
  private Migration() {}

  /** A customer who changed: {@code from} or {@code to} is −1 for a new or a lapsed customer. */
  public record Mover(String id, int from, int to) {}

  /**
   * @param k segments
   * @param transitions {@code [from][to]} customers present in both periods
   * @param newCustomers per segment of the second period, customers absent from the first
   * @param lapsed per segment of the first period, customers absent from the second
   * @param movers customers whose segment changed, new or lapsed, in first-period id order then the new ones
   */
  public record Result(int k, int[][] transitions, int[] newCustomers, int[] lapsed, List<Mover> movers) {
    public Result {
      movers = List.copyOf(movers);
    }

    /** Customers in both periods in the same segment. */
    public int stayed() {
      int s = 0;
      for (int i = 0; i < k; i++) s += transitions[i][i];
      return s;
    }

    /** Customers in both periods. */
    public int inBoth() {
      int s = 0;
      for (int[] row : transitions) for (int v : row) s += v;
      return s;
    }

    /** Row percentages: the share of segment {@code from}'s returning customers that went to {@code to}. */
    public double[][] rowShares() {
      double[][] out = new double[k][k];
      for (int i = 0; i < k; i++) {
        int n = 0;
        for (int v : transitions[i]) n += v;
        for (int j = 0; j < k; j++) out[i][j] = n == 0 ? Double.NaN : transitions[i][j] / (double) n;
      }
      return out;
    }
  }

  /** Compares two labellings of customers by id. */
  public static Result compare(String[] idsA, int[] labelsA, String[] idsB, int[] labelsB, int k) {
    Map<String, Integer> b = new HashMap<>(idsB.length * 2);
    for (int i = 0; i < idsB.length; i++) b.put(idsB[i], labelsB[i]);
    int[][] t = new int[k][k];
    int[] fresh = new int[k], lapsed = new int[k];
    List<Mover> movers = new ArrayList<>();
    Set<String> seen = new HashSet<>(idsA.length * 2);
    for (int i = 0; i < idsA.length; i++) {
      seen.add(idsA[i]);
      Integer to = b.get(idsA[i]);
      if (to == null) {
        lapsed[labelsA[i]]++;
        movers.add(new Mover(idsA[i], labelsA[i], -1));
      } else {
        t[labelsA[i]][to]++;
        if (to != labelsA[i]) movers.add(new Mover(idsA[i], labelsA[i], to));
      }
    }
    for (int i = 0; i < idsB.length; i++) {
      if (!seen.contains(idsB[i])) {
        fresh[labelsB[i]]++;
        movers.add(new Mover(idsB[i], -1, labelsB[i]));
      }
    }
    return new Result(k, t, fresh, lapsed, movers);
  }

  /**
   * Labels customers with a fitted segmentation: {@link SegmentModel#assign} (the model's preparation, then its
   * method's rule, e.g. the nearest centroid for k-means). The customers of the data the model was fitted on get
   * their training labels back.
   *
   * @throws IllegalArgumentException when {@code cf} lacks a feature of the model
   */
  public static int[] label(SegmentModel model, CustomerFeatures cf) {
    return model.assign(cf).labels().labels();
  }

  /**
   * A period's customers with the features the model needs: RFM and the rest from the period's own rows (its own
   * snapshot: the day after its last invoice), plus CLV and P(alive) when the model clusters on them.
   */
  public static CustomerFeatures features(CleanedData period, SegmentModel model) {
    return ValueFeatures.ensure(RfmBuilder.build(period, null), period, model.features());
  }

  /** Both periods labelled with the same model, compared. */
  public static Result run(SegmentModel model, CleanedData first, CleanedData second) {
    CustomerFeatures a = features(first, model), b = features(second, model);
    return compare(a.ids(), label(model, a), b.ids(), label(model, b), model.k());
  }

  /**
   * The cleaned rows before a day and from that day on (the two periods of a split).
   *
   * @throws IllegalArgumentException when either side is empty
   */
  public static CleanedData[] split(CleanedData c, LocalDate at) {
    long cut = at.toEpochDay() * 86_400L;
    long[] dates = c.transactions().invoiceDate();
    int before = 0;
    for (int r : c.rows()) if (dates[r] < cut) before++;
    if (before == 0 || before == c.rows().length) {
      throw new IllegalArgumentException("Splitting at " + at + " leaves one period empty: choose a day between the first and the last invoice.");
    }
    int[] a = new int[before], b = new int[c.rows().length - before];
    int i = 0, j = 0;
    for (int r : c.rows()) {
      if (dates[r] < cut) a[i++] = r; else b[j++] = r;
    }
    return new CleanedData[] {new CleanedData(c.transactions(), a, c.options(), c.report()),
        new CleanedData(c.transactions(), b, c.options(), c.report())};
  }
}
