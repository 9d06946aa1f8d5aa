package dev.segmentlab.core.value;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.quality.CleanedData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * Finds one customer and everything known about them: segment, features against the segment's and everyone's
 * means, the value model's predictions, the timeline of purchase days and returns, and top products. Built once
 * per segmentation (linear in customers and rows); then a lookup is a hash look-up plus one pass over the
 * customer's own lines.
 */
public final class CustomerLookup {

  /** A dated event of the timeline: a purchase day (spend &gt; 0) or a return (cancelled value &lt; 0). */
  public record Event(LocalDate day, double value, boolean isReturn) {}

  /** A product and the customer's spend on it. */
  public record Product(String description, double spend) {}

  /**
   * @param segment segment id, or −1 when the customer is not in the segmentation
   * @param features the customer's values of the segmentation's features (original units)
   * @param segmentMeans the same features' means in the customer's segment
   * @param allMeans the same features' means over all customers
   * @param frequency repeat purchase days (the model's x); recency and age in days
   * @param clv the discounted value of the next months
   */
  public record Profile(String id, int segment, String segmentName, Map<String, Double> features,
      Map<String, Double> segmentMeans, Map<String, Double> allMeans, double frequency, double recency, double age,
      double monetary, double pAlive, double purchases30, double purchases90, double purchases365, double spend,
      double clv, List<Event> timeline, List<Product> topProducts) {}

  private final CustomerFeatures features;
  private final int[] labels;
  private final List<String> names;
  private final ValueAnalysis value;
  private final CleanedData cleaned;
  private final Map<String, Integer> featureRow, valueRow, dayRow;
  private final double[][] segmentMeans;
  private final double[] allMeans;
  private final String[] sortedIds;
  private final int[] rowStart;   // raw rows of customer code c: rowsByCustomer[rowStart[c] .. rowStart[c + 1])
  private final int[] rowsByCustomer;
  private final boolean[] kept;   // whether a raw row survived cleaning

  /**
   * @param features every feature per customer of the segmentation
   * @param labels segment per row of {@code features}
   * @param names segment names by id
   * @param value the value analysis of the same cleaned data
   * @param cleaned the cleaned data (for returns and products); its transactions' raw rows give the returns
   */
  public CustomerLookup(CustomerFeatures features, int[] labels, List<String> names, ValueAnalysis value,
      CleanedData cleaned) {
    this.features = features;
    this.labels = labels.clone();
    this.names = List.copyOf(names);
    this.value = value;
    this.cleaned = cleaned;
    featureRow = index(features.ids());
    valueRow = value.summary().index();
    String[] dayIds = value.days().ids();
    dayRow = index(dayIds);
    int k = this.names.size(), d = features.names().size();
    segmentMeans = new double[k][d];
    allMeans = new double[d];
    int[] size = new int[k];
    for (int i = 0; i < features.size(); i++) size[labels[i]]++;
    for (int f = 0; f < d; f++) {
      double[] col = features.columns()[f];
      for (int i = 0; i < col.length; i++) {
        segmentMeans[labels[i]][f] += col[i];
        allMeans[f] += col[i];
      }
      for (int s = 0; s < k; s++) segmentMeans[s][f] = size[s] == 0 ? Double.NaN : segmentMeans[s][f] / size[s];
      allMeans[f] /= Math.max(1, col.length);
    }
    sortedIds = features.ids().clone();
    Arrays.sort(sortedIds);
    // every raw row grouped by customer code (a counting sort), so a look-up reads only its customer's rows
    int[] codes = cleaned.transactions().customer().codes();
    int dict = cleaned.transactions().customer().dictionary().length;
    rowStart = new int[dict + 1];
    for (int c : codes) if (c != TextColumn.MISSING) rowStart[c + 1]++;
    for (int c = 0; c < dict; c++) rowStart[c + 1] += rowStart[c];
    rowsByCustomer = new int[rowStart[dict]];
    int[] fill = Arrays.copyOf(rowStart, dict);
    for (int r = 0; r < codes.length; r++) if (codes[r] != TextColumn.MISSING) rowsByCustomer[fill[codes[r]]++] = r;
    kept = new boolean[codes.length];
    for (int r : cleaned.rows()) kept[r] = true;
  }

  private static Map<String, Integer> index(String[] ids) {
    Map<String, Integer> m = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) m.put(ids[i], i);
    return m;
  }

  /** Up to {@code max} ids that start with {@code prefix} (trimmed), in text order. */
  public List<String> complete(String prefix, int max) {
    String p = prefix == null ? "" : prefix.trim();
    int i = Arrays.binarySearch(sortedIds, p);
    if (i < 0) i = -i - 1;
    List<String> out = new ArrayList<>();
    for (; i < sortedIds.length && out.size() < max && sortedIds[i].startsWith(p); i++) out.add(sortedIds[i]);
    return out;
  }

  /** Whether an id is known (ids are compared as written, after trimming; {@code 17850.0} finds {@code 17850}). */
  public Optional<Profile> find(String id) {
    if (id == null) return Optional.empty();
    String key = normalise(id);
    Integer f = featureRow.get(key);
    if (f == null) return Optional.empty();
    int s = labels[f];
    Map<String, Double> mine = new LinkedHashMap<>(), seg = new LinkedHashMap<>(), all = new LinkedHashMap<>();
    for (int j = 0; j < features.names().size(); j++) {
      String name = features.names().get(j);
      mine.put(name, features.columns()[j][f]);
      seg.put(name, segmentMeans[s][j]);
      all.put(name, allMeans[j]);
    }
    Integer v = valueRow.get(key);
    CustomerValue.Values vals = value.values();
    PurchaseSummary sum = value.summary();
    double nan = Double.NaN;
    return Optional.of(new Profile(key, s, names.get(s), mine, seg, all,
        v == null ? nan : sum.frequency()[v], v == null ? nan : sum.recency()[v], v == null ? nan : sum.age()[v],
        v == null ? nan : sum.monetary()[v], v == null ? nan : vals.pAlive()[v], v == null ? nan : vals.purchases30()[v],
        v == null ? nan : vals.purchases90()[v], v == null ? nan : vals.purchases365()[v],
        v == null ? nan : vals.spend()[v], v == null ? nan : vals.clv()[v], timeline(key), topProducts(key, 5)));
  }

  private String normalise(String id) {
    String t = id.trim();
    if (featureRow.containsKey(t)) return t;
    if (t.endsWith(".0") && featureRow.containsKey(t.substring(0, t.length() - 2))) return t.substring(0, t.length() - 2);
    return t;
  }

  /** Purchase days (from the cleaned lines) and returns (the customer's cancellation lines, raw), by day. */
  private List<Event> timeline(String id) {
    List<Event> out = new ArrayList<>();
    Integer d = dayRow.get(id);
    if (d != null) {
      LocalDate[] days = value.days().days(d);
      double[] spend = value.days().spend(d);
      for (int i = 0; i < days.length; i++) out.add(new Event(days[i], spend[i], false));
    }
    Transactions tx = cleaned.transactions();
    int code = codeOf(tx.customer(), id);
    if (code != TextColumn.MISSING) {
      long[] dates = tx.invoiceDate();
      Map<Long, Double> returns = new TreeMap<>();
      for (int k = rowStart[code]; k < rowStart[code + 1]; k++) {
        int r = rowsByCustomer[k];
        if (tx.isCancellation(r)) returns.merge(Math.floorDiv(dates[r], 86_400L), tx.revenue(r), Double::sum);
      }
      returns.forEach((day, v) -> out.add(new Event(LocalDate.ofEpochDay(day), v, true)));
    }
    out.sort(Comparator.comparing(Event::day));
    return out;
  }

  private List<Product> topProducts(String id, int max) {
    Transactions tx = cleaned.transactions();
    int code = codeOf(tx.customer(), id);
    if (code == TextColumn.MISSING || tx.description() == null) return List.of();
    Map<String, Double> spend = new HashMap<>();
    for (int k = rowStart[code]; k < rowStart[code + 1]; k++) {
      int r = rowsByCustomer[k];
      if (!kept[r]) continue;
      String desc = tx.description().get(r);
      spend.merge(desc == null || desc.isBlank() ? tx.stockCode().get(r) : desc.trim(), tx.revenue(r), Double::sum);
    }
    return spend.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(max)
        .map(e -> new Product(e.getKey(), e.getValue())).toList();
  }

  private int codeOf(TextColumn c, String id) {
    Integer row = featureRow.get(id);
    if (row != null && features.customerCodes() != null) return features.customerCodes()[row];
    return TextColumn.MISSING;
  }
}
