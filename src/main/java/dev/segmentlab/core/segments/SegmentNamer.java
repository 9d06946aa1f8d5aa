package dev.segmentlab.core.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Suggests a name for every segment of a run.
 *
 * <p><b>Transactions (RFM) mode</b>, when the features include {@code recency}, {@code frequency} and
 * {@code monetary}: each segment's median of those raw features is turned into a 1–5 score, the quintile of the
 * segment median within the customer-level distribution of that feature: score = min(5, 1 + ⌊5p⌋) where p is the
 * mid-rank percentile of the median among all customers (ties count half). Recency is reversed (recent = 5).
 * {@link RfmSegment#of} then maps the scores to a name by its documented rule table.
 *
 * <p><b>Customer-table mode</b> (or RFM columns missing): a segment is described by the features whose
 * standardized mean (the snake-plot value) is beyond ±{@link Options#threshold()}; the
 * {@link Options#maxFeatures()} strongest of them, listed in column order so that every segment reads the same
 * way, e.g. {@code "High income · Low spending"}, {@code "Young · High spending"}; {@code "Average"} if none.
 *
 * <p><b>Duplicates</b>: when two segments get the same name they are told apart by the first of monetary,
 * frequency, recency in which they differ (different scores, or means at least 1.5 times apart):
 * {@code "At Risk (high value)"} /
 * {@code "At Risk (low value)"}, {@code "(frequent)"} / {@code "(occasional)"}, {@code "(recent)"} /
 * {@code "(lapsing)"}. Three or more, and duplicates in customer-table mode, are numbered {@code "Name 1"},
 * {@code "Name 2"}… (RFM: by decreasing monetary mean; otherwise by segment id). An empty segment is called
 * {@code "Empty"}.
 */
public final class SegmentNamer {
  /** Means differing by this factor count as different even when they fall in the same quintile. */
  private static final double NOTABLE_RATIO = 1.5;

  private SegmentNamer() {}

  /**
   * Options of customer-table naming.
   *
   * @param threshold   a feature is notable when its standardized segment mean is beyond ±threshold; &gt; 0
   * @param maxFeatures at most this many features in a name, 1..5
   */
  public record Options(double threshold, int maxFeatures, String currency) {
    /** Threshold 0.5 standard deviations, at most 2 features: short enough for a legend; pounds (Online Retail). */
    public static final Options DEFAULT = new Options(0.5, 2);

    /** The currency written before money in descriptions when none is given: the bundled data's pound. */
    public static final String DEFAULT_CURRENCY = "£";

    /**
     * @param currency symbol written before money in descriptions ("£", "$", "€", or "" for none)
     * @throws IllegalArgumentException if out of range; @throws NullPointerException if currency is null
     */
    public Options {
      if (!(threshold > 0) || Double.isInfinite(threshold)) throw new IllegalArgumentException("threshold must be > 0");
      if (maxFeatures < 1 || maxFeatures > 5) throw new IllegalArgumentException("maxFeatures must be in 1..5");
      Objects.requireNonNull(currency, "currency");
    }

    /** With the {@link #DEFAULT_CURRENCY}. */
    public Options(double threshold, int maxFeatures) {
      this(threshold, maxFeatures, DEFAULT_CURRENCY);
    }

    /** The same options writing money with another currency symbol. */
    public Options withCurrency(String symbol) {
      return new Options(threshold, maxFeatures, symbol);
    }
  }

  /** {@link #suggest(SegmentInput, Options)} with {@link Options#DEFAULT}. */
  public static List<SegmentName> suggest(SegmentInput input) {
    return suggest(input, Options.DEFAULT);
  }

  /**
   * One suggested name per segment id, unique within the run.
   *
   * @throws NullPointerException if an argument is null
   */
  public static List<SegmentName> suggest(SegmentInput input, Options options) {
    Objects.requireNonNull(options, "options");
    return hasRfm(input) ? rfmNames(input, options) : featureNames(input, options);
  }

  /** True when the input is in transactions mode and has recency, frequency and monetary columns. */
  public static boolean hasRfm(SegmentInput input) {
    return input.mode() == SegmentInput.Mode.TRANSACTIONS && input.featureIndex("recency") >= 0
        && input.featureIndex("frequency") >= 0 && input.featureIndex("monetary") >= 0;
  }

  /**
   * The RFM score of each segment (index = segment id); {@code null} for an empty segment.
   *
   * @throws IllegalArgumentException if the input has no recency, frequency or monetary column
   */
  public static List<RfmScore> rfmScores(SegmentInput input) {
    return scoresOf(rfm(input).percentiles());
  }

  /**
   * Per segment (null rows when empty): the raw means of recency, frequency, monetary, and their percentiles
   * among customers (0..1, higher = better, recency reversed).
   */
  private record Rfm(double[][] means, double[][] percentiles) {}

  private static Rfm rfm(SegmentInput input) {
    String[] names = {"recency", "frequency", "monetary"};
    int k = input.k();
    double[][] means = new double[k][];
    double[][] p = new double[k][];
    int[] sizes = input.segmentSizes();
    for (int s = 0; s < k; s++) {
      if (sizes[s] == 0) continue;
      means[s] = new double[3];
      p[s] = new double[3];
    }
    for (int c = 0; c < 3; c++) {
      int j = input.featureIndex(names[c]);
      if (j < 0) throw new IllegalArgumentException("no feature called '" + names[c] + "'");
      double[] column = input.rawColumn(j);
      double[] sorted = column.clone();
      Arrays.sort(sorted);
      for (int s = 0; s < k; s++) {
        if (p[s] == null) continue;
        double[] members = Stats.select(column, input.labels(), s);
        means[s][c] = Stats.mean(members);
        // the median, not the mean, places a segment: spend and order counts are so skewed that a few big
        // customers lift a segment's mean into a higher quintile than most of its members deserve
        double pct = Stats.midRankPercentile(sorted, Stats.median(members));
        p[s][c] = c == 0 ? 1 - pct : pct;
      }
    }
    return new Rfm(means, p);
  }

  private static List<RfmScore> scoresOf(double[][] percentiles) {
    List<RfmScore> scores = new ArrayList<>(percentiles.length);
    for (double[] row : percentiles) {
      scores.add(row == null ? null : new RfmScore(score(row[0]), score(row[1]), score(row[2])));
    }
    return scores;
  }

  private static int score(double percentile) {
    return Math.min(5, 1 + (int) Math.floor(5 * percentile));
  }

  private static List<SegmentName> rfmNames(SegmentInput input, Options options) {
    Rfm rfm = rfm(input);
    SegmentDescriber.Medians medians = SegmentDescriber.Medians.of(input);
    return rfmNames(rfm, s -> SegmentDescriber.rfmDescription(input, medians, s, options.currency()));
  }

  /**
   * The RFM names from per-segment statistics alone, for engines that keep the customers elsewhere (the Spark
   * job): the same rule table, pairs, actions and numbering as {@link #suggest}; the description is the rule's
   * text, since the medians that {@link #suggest}'s descriptions quote are not among these statistics.
   *
   * @param means per segment id the raw means of recency, frequency and monetary (in that order); a null row
   *     marks an empty segment
   * @param percentiles per segment id the mid-rank percentile (0..1) of the segment's median recency, frequency
   *     and monetary among all customers, recency reversed (1 − p) so that higher is better; null when empty
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public static List<SegmentName> rfmNames(double[][] means, double[][] percentiles) {
    if (means.length != percentiles.length) throw new IllegalArgumentException("one row of means and percentiles per segment");
    Rfm rfm = new Rfm(means, percentiles);
    List<RfmScore> scores = scoresOf(percentiles);
    return rfmNames(rfm, s -> RfmSegment.of(scores.get(s)).description());
  }

  private static List<SegmentName> rfmNames(Rfm rfm, IntFunction<String> describe) {
    List<RfmScore> scores = scoresOf(rfm.percentiles());
    List<SegmentName> names = new ArrayList<>();
    for (int s = 0; s < scores.size(); s++) {
      RfmScore score = scores.get(s);
      if (score == null) {
        names.add(empty(s));
        continue;
      }
      RfmSegment rule = RfmSegment.of(score);
      names.add(new SegmentName(s, rule.displayName(), rule.displayName(), describe.apply(s), rule.action(), score));
    }
    for (List<Integer> group : duplicates(names)) {
      if (group.size() == 2) {
        qualifyPair(names, group.get(0), group.get(1), rfm);
      } else {
        group.sort(Comparator.comparingDouble((Integer s) -> -rfm.means()[s][2]).thenComparing(s -> s));
        number(names, group);
      }
    }
    return List.copyOf(names);
  }

  /**
   * The names, descriptions and actions of {@link #suggest} from per-segment statistics alone, for engines that keep
   * the customers elsewhere (the Spark job): with the same statistics the result equals {@link #suggest}'s.
   *
   * @param mode where the features came from (RFM naming needs transactions and recency, frequency, monetary)
   * @param featureNames the clustered features
   * @param sizes customers per segment id
   * @param means per segment id the raw mean of each feature (a null row for an empty segment)
   * @param medians per segment id the raw median of each feature (linear interpolation, R type 7; null row when
   *     empty)
   * @param overallMedians each feature's median over all customers
   * @param percentiles RFM naming: per segment id the mid-rank percentile (0..1) of its median recency, frequency and
   *     monetary among all customers, recency reversed (1 − p); null row when empty. Otherwise unused (may be null)
   * @param snake customer-table naming: each segment's mean scaled value per feature; otherwise unused (may be null)
   * @param sds customer-table naming: each raw feature's population standard deviation over all customers, which
   *     tells a pair with the same name apart; otherwise unused (may be null)
   * @throws IllegalArgumentException when the arrays do not have one row per segment
   */
  public static List<SegmentName> fromStatistics(SegmentInput.Mode mode, String[] featureNames, int[] sizes,
      double[][] means, double[][] medians, double[] overallMedians, double[][] percentiles,
      SegmentCharts.SegmentMatrix snake, double[] sds, Options options) {
    int k = sizes.length;
    if (means.length != k || medians.length != k) throw new IllegalArgumentException("one row of statistics per segment");
    int d = featureNames.length;
    // the describer reads only the mode and the feature names of its input: one placeholder customer stands in
    SegmentInput shape = new SegmentInput(mode, new String[] {""}, new int[1], k, featureNames, new double[1][d],
        new double[1][d], new double[k][d], null, null);
    double[][] seg = new double[k][];
    for (int s = 0; s < k; s++) if (sizes[s] > 0) seg[s] = medians[s].clone();
    SegmentDescriber.Medians m = new SegmentDescriber.Medians(seg, overallMedians.clone());
    if (hasRfm(shape)) {
      int[] rfmIndex = {shape.featureIndex("recency"), shape.featureIndex("frequency"), shape.featureIndex("monetary")};
      double[][] rfmMeans = new double[k][];
      for (int s = 0; s < k; s++) {
        if (sizes[s] == 0) continue;
        rfmMeans[s] = new double[3];
        for (int c = 0; c < 3; c++) rfmMeans[s][c] = means[s][rfmIndex[c]];
      }
      double[][] p = new double[k][];
      for (int s = 0; s < k; s++) p[s] = sizes[s] == 0 ? null : percentiles[s];
      return rfmNames(new Rfm(rfmMeans, p), s -> SegmentDescriber.rfmDescription(shape, m, s, options.currency()));
    }
    int[] order = SegmentDescriber.displayOrder(shape);
    List<SegmentName> names = featureNames(snake, sizes, options,
        s -> SegmentDescriber.numbers(shape, m, s, order, options.currency()) + ".");
    for (List<Integer> group : duplicates(names)) {
      if (group.size() == 2) {
        qualifyFeaturePair(names, group.get(0), group.get(1), featureNames, sds, m);
      } else {
        number(names, group);
      }
    }
    return List.copyOf(names);
  }

  /**
   * The names of segments clustered on other features, from per-segment statistics alone (the Spark job): the
   * same words, threshold and numbering as {@link #suggest}; the description gives the features' distance from
   * the average customer in standard deviations (the medians {@link #suggest} adds are not among these statistics).
   *
   * @param snake the mean scaled value of each feature per segment (the snake plot)
   * @param sizes customers per segment id
   * @throws IllegalArgumentException when the snake has not one row per size
   */
  public static List<SegmentName> featureNames(SegmentCharts.SegmentMatrix snake, int[] sizes, Options options) {
    List<SegmentName> names = featureNames(snake, sizes, options, s -> "");
    for (List<Integer> group : duplicates(names)) number(names, group);
    return List.copyOf(names);
  }

  /**
   * One name per segment from the features it stands out in, duplicates not yet told apart.
   *
   * @param more a sentence added to a segment's description ("" = none)
   */
  private static List<SegmentName> featureNames(SegmentCharts.SegmentMatrix snake, int[] sizes, Options options,
      IntFunction<String> more) {
    if (snake.values().size() != sizes.length) throw new IllegalArgumentException("one snake row per segment");
    String[] headers = snake.featureNames().toArray(new String[0]);
    List<SegmentName> names = new ArrayList<>();
    for (int s = 0; s < sizes.length; s++) {
      if (sizes[s] == 0) {
        names.add(empty(s));
        continue;
      }
      List<String> words = new ArrayList<>();
      List<String> details = new ArrayList<>();
      for (int j : notableFeatures(snake, s, headers.length, options)) {
        double z = snake.get(s, j);
        words.add(FeatureWords.phrase(FeatureWords.clean(headers[j]), z > 0));
        details.add(String.format(Locale.ROOT, "%s %+.1f sd", headers[j], z));
      }
      String name = words.isEmpty() ? "Average" : String.join(" · ", words);
      String description = words.isEmpty()
          ? "No feature more than " + options.threshold() + " sd from the average customer."
          : "Compared with the average customer: " + String.join(", ", details) + ".";
      String extra = more.apply(s);
      // no rule-based action here: the columns of a customer table are not known well enough to advise on
      names.add(new SegmentName(s, name, name, extra.isEmpty() ? description : description + " " + extra, "", null));
    }
    return names;
  }


  /** The features a segment stands out in (beyond the threshold), at most maxFeatures, in column order. */
  private static List<Integer> notableFeatures(SegmentCharts.SegmentMatrix snake, int s, int features, Options options) {
    List<Integer> notable = new ArrayList<>();
    for (int j = 0; j < features; j++) {
      if (Math.abs(snake.get(s, j)) > options.threshold()) notable.add(j);
    }
    notable.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(snake.get(s, j))).thenComparing(j -> j));
    List<Integer> chosen = new ArrayList<>(notable.subList(0, Math.min(options.maxFeatures(), notable.size())));
    chosen.sort(null);
    return chosen;
  }


  private static void qualifyPair(List<SegmentName> names, int a, int b, Rfm rfm) {
    // value first, then frequency, then recency: the order in which a marketer acts on a difference. Scores
    // alone are not enough: the top quintile saturates, and two "R5 F5 M5" segments can differ six-fold in spend
    String[][] words = {{"(high value)", "(low value)"}, {"(frequent)", "(occasional)"}, {"(recent)", "(lapsing)"}};
    int[] column = {2, 1, 0};
    for (int i = 0; i < 3; i++) {
      int c = column[i];
      double pa = rfm.percentiles()[a][c], pb = rfm.percentiles()[b][c];
      double ma = rfm.means()[a][c], mb = rfm.means()[b][c];
      boolean scoresDiffer = score(pa) != score(pb);
      boolean meansDiffer = Math.min(ma, mb) > 0 && Math.max(ma, mb) >= NOTABLE_RATIO * Math.min(ma, mb);
      if (pa != pb && (scoresDiffer || meansDiffer)) {
        boolean aHigher = pa > pb;
        names.set(a, qualified(names.get(a), words[i][aHigher ? 0 : 1], ACTION_CLAUSES[i][aHigher ? 0 : 1]));
        names.set(b, qualified(names.get(b), words[i][aHigher ? 1 : 0], ACTION_CLAUSES[i][aHigher ? 1 : 0]));
        return;
      }
    }
    number(names, new ArrayList<>(List.of(a, b)));
  }

  /**
   * What the pair qualifier changes in the action, in the order of the qualifiers (value, frequency, recency;
   * higher first): the twin with less of something is not told to be rewarded as if it had the most.
   */
  private static final String[][] ACTION_CLAUSES = {
      {"Of the two, these spend more: give them the personal attention first.",
          "Of the two, these spend less: grow their baskets (bundles, a free-delivery threshold) rather than "
              + "reward them as top spenders."},
      {"Of the two, these order more often: keep the rhythm with timely reminders.",
          "Of the two, these order less often: give them a reason to come back sooner."},
      {"Of the two, these bought more recently: act while they are still engaged.",
          "Of the two, these are lapsing: reach them before they are lost."}};

  private static SegmentName qualified(SegmentName n, String word, String clause) {
    // the lesser twin gets its own advice only: the rule's (e.g. "Reward them… no discounts needed") was written
    // for the segment that really holds the top position
    boolean lesser = clause.contains(" less") || clause.contains("lapsing");
    String action = n.action().isEmpty() || lesser ? clause : n.action() + " " + clause;
    return new SegmentName(n.segment(), n.baseName() + " " + word, n.baseName(), n.description(), action, n.score());
  }

  private static List<SegmentName> featureNames(SegmentInput input, Options options) {
    SegmentDescriber.Medians medians = SegmentDescriber.Medians.of(input);
    int[] order = SegmentDescriber.displayOrder(input);
    List<SegmentName> names = featureNames(SegmentCharts.snake(input), input.segmentSizes(), options,
        s -> SegmentDescriber.numbers(input, medians, s, order, options.currency()) + ".");
    for (List<Integer> group : duplicates(names)) {
      if (group.size() == 2) {
        qualifyFeaturePair(names, group.get(0), group.get(1), input, medians);
      } else {
        number(names, group);
      }
    }
    return List.copyOf(names);
  }

  /**
   * Two customer-table segments with the same name: told apart by the feature whose medians differ the most
   * (in standard deviations of that feature), e.g. "Average (older)" / "Average (younger)"; numbered when no
   * median differs.
   */
  private static void qualifyFeaturePair(List<SegmentName> names, int a, int b, SegmentInput input,
      SegmentDescriber.Medians m) {
    double[] sds = new double[input.dimension()];
    for (int j = 0; j < sds.length; j++) sds[j] = dev.segmentlab.core.quality.Stats.std(input.rawColumn(j));
    qualifyFeaturePair(names, a, b, input.featureNames(), sds, m);
  }

  /** {@link #qualifyFeaturePair(List, int, int, SegmentInput, SegmentDescriber.Medians)} with the sds given. */
  private static void qualifyFeaturePair(List<SegmentName> names, int a, int b, String[] featureNames, double[] sds,
      SegmentDescriber.Medians m) {
    int best = -1;
    double bestGap = 0;
    for (int j = 0; j < featureNames.length; j++) {
      double sd = sds[j];
      double gap = Math.abs(m.segment()[a][j] - m.segment()[b][j]) / (sd > 0 ? sd : 1);
      if (gap > bestGap) {
        bestGap = gap;
        best = j;
      }
    }
    if (best < 0) {
      number(names, new ArrayList<>(List.of(a, b)));
      return;
    }
    String noun = FeatureWords.clean(featureNames[best]);
    boolean aHigher = m.segment()[a][best] > m.segment()[b][best];
    String higher = "(" + FeatureWords.phrase(noun, true).toLowerCase(Locale.ROOT).replace("high ", "higher ") + ")";
    String lower = "(" + FeatureWords.phrase(noun, false).toLowerCase(Locale.ROOT).replace("low ", "lower ") + ")";
    higher = higher.replace("(older)", "(older)").replace("(lapsed)", "(less recent)");
    lower = lower.replace("(young)", "(younger)").replace("(recent)", "(more recent)");
    names.set(a, names.get(a).withName(names.get(a).name() + " " + (aHigher ? higher : lower)));
    names.set(b, names.get(b).withName(names.get(b).name() + " " + (aHigher ? lower : higher)));
  }

  private static SegmentName empty(int s) {
    return new SegmentName(s, "Empty", "Empty", "No customers in this segment.", "", null);
  }

  /** Groups of segment ids sharing a name, each in segment order; only groups of two or more. */
  private static List<List<Integer>> duplicates(List<SegmentName> names) {
    Map<String, List<Integer>> byName = new LinkedHashMap<>();
    for (SegmentName n : names) byName.computeIfAbsent(n.name(), x -> new ArrayList<>()).add(n.segment());
    return byName.values().stream().filter(g -> g.size() > 1).toList();
  }

  private static void number(List<SegmentName> names, List<Integer> ordered) {
    for (int i = 0; i < ordered.size(); i++) {
      int s = ordered.get(i);
      names.set(s, names.get(s).withName(names.get(s).name() + " " + (i + 1)));
    }
  }
}
