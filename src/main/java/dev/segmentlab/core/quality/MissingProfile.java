package dev.segmentlab.core.quality;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Missing values per column, and where the blank customer ids fall (by month and by country): a quarter of
 * Online Retail has no customer, and whether that is random or concentrated matters for the analysis.
 *
 * @param columns per column: name, blank count and share of rows
 * @param missingCustomerByMonth {@code YYYY-MM} → rows without customer id
 * @param rowsByMonth {@code YYYY-MM} → all rows
 * @param missingCustomerByCountry country → rows without customer id, most first
 * @param rows rows profiled
 */
public record MissingProfile(List<Column> columns, Map<String, Integer> missingCustomerByMonth,
    Map<String, Integer> rowsByMonth, Map<String, Integer> missingCustomerByCountry, int rows) {

  /** Blank cells of one column. */
  public record Column(String name, int missing, double share) {}

  public static MissingProfile of(Transactions tx) {
    int n = tx.size();
    List<Column> cols = new ArrayList<>();
    for (TextColumn c : List.of(tx.invoice(), tx.stockCode(), tx.description())) cols.add(col(c, n));
    cols.add(new Column("Quantity", 0, 0));
    cols.add(new Column("InvoiceDate", 0, 0));
    cols.add(new Column("UnitPrice", 0, 0));
    cols.add(col(tx.customer(), n));
    cols.add(col(tx.country(), n));
    Map<String, Integer> byMonth = new TreeMap<>();
    Map<String, Integer> all = new TreeMap<>();
    int[] countryMissing = new int[tx.country().dictionary().length + 1];
    long[] dates = tx.invoiceDate();
    long lastDay = Long.MIN_VALUE;
    String month = null;
    for (int i = 0; i < n; i++) {
      long day = Math.floorDiv(dates[i], 86_400L);
      if (day != lastDay) {
        LocalDateTime t = Transactions.toDateTime(dates[i]);
        month = String.format("%04d-%02d", t.getYear(), t.getMonthValue());
        lastDay = day;
      }
      all.merge(month, 1, Integer::sum);
      if (tx.customer().isMissing(i)) {
        byMonth.merge(month, 1, Integer::sum);
        countryMissing[tx.country().code(i) + 1]++;
      }
    }
    for (String m : all.keySet()) byMonth.putIfAbsent(m, 0);
    List<Map.Entry<String, Integer>> byCountry = new ArrayList<>();
    for (int c = 0; c < countryMissing.length; c++) {
      if (countryMissing[c] == 0) continue;
      String name = c == 0 ? "(blank)" : tx.country().dictionary()[c - 1];
      byCountry.add(Map.entry(name, countryMissing[c]));
    }
    byCountry.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    Map<String, Integer> countries = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : byCountry) countries.put(e.getKey(), e.getValue());
    return new MissingProfile(cols, byMonth, all, countries, n);
  }

  private static Column col(TextColumn c, int n) {
    int m = c.missing();
    return new Column(c.name(), m, n == 0 ? 0 : m / (double) n);
  }
}
