package dev.segmentlab.core.segments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.core.cluster.KMeans;
import dev.segmentlab.core.cluster.KMeansResult;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.features.FeatureMatrixBuilder;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.features.RfmBuilder;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.pipeline.Segmentation;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No description states a rank or a direction that its segment's profile contradicts, for k = 2..10 on Online
 * Retail, a 10× replica of it and Mall Customers. The ranks and directions are recomputed here from the profile
 * table's medians (what the analyst sees beside the text), independently of the code that wrote the text.
 */
class DescriptionConsistencyTest {
  private static final Pattern LEAD = Pattern.compile("Compared with the median customer: ([^.]*)\\.");
  private static final Pattern TOP = Pattern.compile("(joint )?highest ([a-z ]+?) of the (\\d+)");
  private static final Pattern BOTTOM = Pattern.compile("(joint )?lowest ([a-z ]+?) of the (\\d+)");
  private static final Pattern RECENT = Pattern.compile("(joint )?(most|least) recent of the (\\d+)");
  private static final Pattern NTH_RECENT = Pattern.compile("(joint )?(\\d+)(?:st|nd|rd|th) most recent of (\\d+)");
  private static final Pattern NTH = Pattern.compile("(joint )?(\\d+)(?:st|nd|rd|th) of (\\d+) in ([a-z ]+)");
  private static final Pattern SUPERLATIVE = Pattern.compile("(?i)\\b(most|least|highest|lowest|best|worst)\\b");

  private static CustomerFeatures retail;

  @BeforeAll
  static void load() {
    retail = RfmBuilder.build(Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.defaults()), null);
  }

  @Test
  void onlineRetailDescriptionsMatchTheirProfiles() {
    int checked = sweep(retail);
    assertThat(checked).isEqualTo(54); // 2 + 3 + … + 10 segments, none empty
  }

  @Test
  void tenfoldReplicaDescriptionsMatchTheirProfiles() {
    assertThat(sweep(replicate(retail, 10))).isEqualTo(54);
  }

  @Test
  void mallCustomersDescriptionsMatchTheirProfiles() {
    double[][] raw = Fixtures.mallCustomers();
    double[][] z = Fixtures.standardize(raw);
    String[] names = {"Age", "Annual Income (k$)", "Spending Score (1-100)"};
    int checked = 0;
    for (int k = 2; k <= 10; k++) {
      KMeansResult r = KMeans.fit(z, KMeans.Options.of(k).withRestarts(5));
      SegmentInput in = SegmentInput.forCustomerTable(Fixtures.ids(raw.length), r.labels(), k, names, raw, z,
          r.centroids());
      checked += check(SegmentAnalysis.of(in), "mall k=" + k);
    }
    assertThat(checked).isEqualTo(54);
  }

  @Test
  void lostIsNotCalledLowestInRecency() {
    assertThat(RfmSegment.LOST.description()).doesNotContainIgnoringCase("lowest recency");
  }

  /** Clusters k = 2..10 (log1p, standard scaling, 3 restarts) and checks every segment; returns how many. */
  private static int sweep(CustomerFeatures cf) {
    FeatureMatrix m = FeatureMatrixBuilder.build(cf, FeatureOptions.of(RfmBuilder.RFM, Transform.LOG1P,
        Scaling.STANDARD));
    int checked = 0;
    for (int k = 2; k <= 10; k++) {
      KMeansResult r = KMeans.fit(m.scaled(), KMeans.Options.of(k).withRestarts(3)
          .withOrdering(Segmentation.ordering(cf)));
      checked += check(Segmentation.analyse(cf, m, r), cf.size() + " customers, k=" + k);
    }
    return checked;
  }

  /**
   * Ten copies of every customer, each copy shifted a little (recency + c days, spend × (0.9 + 0.02c), one more
   * order every third copy) so the replica is not ten stacked points per customer.
   */
  private static CustomerFeatures replicate(CustomerFeatures cf, int times) {
    int n = cf.size();
    String[] ids = new String[n * times];
    double[][] cols = new double[cf.names().size()][n * times];
    int rec = cf.names().indexOf("recency"), freq = cf.names().indexOf("frequency");
    int mon = cf.names().indexOf("monetary");
    for (int c = 0; c < times; c++) {
      for (int i = 0; i < n; i++) {
        int at = c * n + i;
        ids[at] = cf.ids()[i] + "-" + c;
        for (int f = 0; f < cols.length; f++) cols[f][at] = cf.columns()[f][i];
        cols[rec][at] += c;
        cols[freq][at] += c % 3 == 2 ? 1 : 0;
        cols[mon][at] *= 0.9 + 0.02 * c;
      }
    }
    return new CustomerFeatures(ids, cf.names(), cols, null, cf.snapshot(), null);
  }

  private static int check(SegmentAnalysis a, String run) {
    SegmentProfiles p = a.profiles();
    List<String> features = p.featureNames();
    int checked = 0;
    for (SegmentName n : a.names()) {
      SegmentProfile sp = p.segment(n.segment());
      if (sp.size() == 0) continue;
      String where = run + ", segment " + n.segment() + " '" + n.name() + "': " + n.description();
      String text = n.description();
      text = checkLead(text, sp, p.overall(), features, where);
      text = checkRanks(text, n.segment(), p, features, where);
      assertThat(SUPERLATIVE.matcher(text).find()).as("an unchecked superlative in " + where).isFalse();
      checkQualifier(n, a, features, where);
      checked++;
    }
    return checked;
  }

  /** Directions in the lead against the overall medians; returns the text without the lead. */
  private static String checkLead(String text, SegmentProfile sp, SegmentProfile all, List<String> features,
      String where) {
    Matcher m = LEAD.matcher(text);
    if (!m.find()) return text; // customer-table mode leads with standard deviations
    for (String word : m.group(1).split(", ")) {
      int j = leadFeature(word, features);
      assertThat(j).as("lead word '%s' in %s", word, where).isNotNegative();
      int c = Double.compare(sp.medians().get(j), all.medians().get(j));
      boolean up = word.startsWith("more") || word.startsWith("higher");
      boolean down = word.startsWith("less") || word.startsWith("fewer") || word.startsWith("lower");
      if (features.get(j).equals("recency")) {
        // "more recent" means fewer days
        assertThat(word.startsWith("more") ? c < 0 : word.startsWith("less") ? c > 0 : c == 0).as(where).isTrue();
      } else {
        assertThat(up ? c > 0 : down ? c < 0 : c == 0).as("'%s' in %s", word, where).isTrue();
      }
    }
    return text.substring(0, m.start()) + text.substring(m.end());
  }

  private static int leadFeature(String word, List<String> features) {
    if (word.endsWith("recent")) return features.indexOf("recency");
    if (word.endsWith("orders")) return features.indexOf("frequency");
    if (word.endsWith("spend")) return features.indexOf("monetary");
    return -1;
  }

  /** Every rank phrase against ranks recomputed from the medians; returns the text without them. */
  private static String checkRanks(String text, int s, SegmentProfiles p, List<String> features, String where) {
    int of = (int) p.segments().stream().filter(x -> x.size() > 0).count();
    Matcher m = RECENT.matcher(text);
    while (m.find()) {
      int j = features.indexOf("recency");
      int[] rank = rank(p, s, j, true);
      assertThat(Integer.parseInt(m.group(3))).as(where).isEqualTo(of);
      if (m.group(2).equals("most")) assertThat(rank[0]).as("most recent: " + where).isEqualTo(1);
      else assertThat(rank[0] + rank[1] - 1).as("least recent: " + where).isEqualTo(of);
      assertThat(m.group(1) != null).as(where).isEqualTo(rank[1] > 1);
    }
    text = m.replaceAll("");
    m = NTH_RECENT.matcher(text);
    while (m.find()) {
      int[] rank = rank(p, s, features.indexOf("recency"), true);
      assertThat(Integer.parseInt(m.group(2))).as(where).isEqualTo(rank[0]);
      assertThat(Integer.parseInt(m.group(3))).as(where).isEqualTo(of);
    }
    text = m.replaceAll("");
    for (Pattern pat : new Pattern[] {TOP, BOTTOM}) {
      m = pat.matcher(text);
      while (m.find()) {
        int j = featureOfNoun(m.group(2), features);
        assertThat(j).as("noun '%s' in %s", m.group(2), where).isNotNegative();
        int[] rank = rank(p, s, j, false);
        if (pat == TOP) assertThat(rank[0]).as("highest: " + where).isEqualTo(1);
        else assertThat(rank[0] + rank[1] - 1).as("lowest: " + where).isEqualTo(of);
        assertThat(Integer.parseInt(m.group(3))).as(where).isEqualTo(of);
      }
      text = m.replaceAll("");
    }
    m = NTH.matcher(text);
    while (m.find()) {
      int j = featureOfNoun(m.group(4).trim(), features);
      int[] rank = rank(p, s, j, false);
      assertThat(Integer.parseInt(m.group(2))).as("rank in %s: %s", m.group(4), where).isEqualTo(rank[0]);
      assertThat(Integer.parseInt(m.group(3))).as(where).isEqualTo(of);
    }
    return m.replaceAll("");
  }

  private static int featureOfNoun(String noun, List<String> features) {
    for (int j = 0; j < features.size(); j++) {
      String f = features.get(j).toLowerCase(Locale.ROOT);
      String expected = switch (f) {
        case "monetary" -> "spend";
        case "frequency" -> "orders";
        default -> FeatureWords.clean(features.get(j));
      };
      if (noun.startsWith(expected)) return j;
    }
    return -1;
  }

  /** {rank (1 = highest median, or fewest days), segments sharing that median}. */
  private static int[] rank(SegmentProfiles p, int s, int j, boolean fewerFirst) {
    double v = p.segment(s).medians().get(j);
    int better = 0, same = 0;
    for (SegmentProfile o : p.segments()) {
      if (o.size() == 0) continue;
      double w = o.medians().get(j);
      if (w == v) same++;
      else if (fewerFirst ? w < v : w > v) better++;
    }
    return new int[] {better + 1, same};
  }

  /** A pair's qualifier points the way the medians do, and the lesser twin is not told it is the best. */
  private static void checkQualifier(SegmentName n, SegmentAnalysis a, List<String> features, String where) {
    String[][] pairs = {{"(high value)", "(low value)", "monetary"}, {"(frequent)", "(occasional)", "frequency"},
        {"(lapsing)", "(recent)", "recency"}};
    for (String[] pair : pairs) {
      boolean high = n.name().endsWith(pair[0]), low = n.name().endsWith(pair[1]);
      if (!high && !low) continue;
      SegmentName twin = null;
      for (SegmentName o : a.names()) {
        if (o.segment() != n.segment() && o.baseName().equals(n.baseName())
            && o.name().endsWith(high ? pair[1] : pair[0])) twin = o;
      }
      assertThat(twin).as("twin of " + where).isNotNull();
      int j = features.indexOf(pair[2]);
      double mine = a.profiles().segment(n.segment()).medians().get(j);
      double theirs = a.profiles().segment(twin.segment()).medians().get(j);
      assertThat(high ? mine > theirs : mine < theirs).as("qualifier of " + where).isTrue();
      if (n.name().endsWith("(low value)")) assertThat(n.action()).doesNotContain("no discounts needed");
    }
  }

  @Test
  void exampleFromTheIssueReadsAsSpecified() {
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    Fixtures.group(rows, labels, 0, 20, 5, 24, 6000, 0.1, 0.1, 10);
    Fixtures.group(rows, labels, 1, 15, 350, 1, 50, 1, 0, 1);
    Fixtures.group(rows, labels, 2, 30, 120, 4, 800, 1, 0.05, 5);
    SegmentInput in = Fixtures.rfm(rows.toArray(new double[0][]), Fixtures.toArray(labels), 3, null);
    List<SegmentName> names = SegmentNamer.suggest(in);
    // the middle group sits just below the (mixed) median of all 65 customers in every feature
    assertThat(names.get(2).description()).isEqualTo("Compared with the median customer: less recent, fewer orders, "
        + "lower spend. Last bought 120 days ago (median; all customers 118), 4 orders (4.1), £800 (£812): "
        + "2nd of 3 in spend, 2nd of 3 in orders, 2nd most recent of 3.");
    assertThat(names.get(0).description()).contains("highest spend of the 3", "most recent of the 3",
        "Last bought 5 days ago (median; all customers 118), 24 orders (4.1), £6,000 (£812)");
    assertThat(names.get(1).description()).contains("lowest spend of the 3", "least recent of the 3");
  }
}
