package dev.segmentlab.core.explore;

import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Builds small synthetic {@link Transactions} for tests, one line at a time. */
final class TxBuilder {
  /** The lead's default non-product codes (normalised). */
  static final Predicate<String> NON_PRODUCT = code -> switch (code) {
    case "POST", "DOT", "M", "C2", "D", "S", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "B" -> true;
    default -> code.startsWith("GIFT_0001_") || code.startsWith("DCGS");
  };

  private final Column invoice = new Column("InvoiceNo");
  private final Column stock = new Column("StockCode");
  private final Column desc = new Column("Description");
  private final Column customer = new Column("CustomerID");
  private final Column country = new Column("Country");
  private final List<Double> qty = new ArrayList<>();
  private final List<Double> price = new ArrayList<>();
  private final List<Long> date = new ArrayList<>();

  /** @param when {@code yyyy-MM-ddTHH:mm} */
  TxBuilder line(String inv, String code, String description, double quantity, String when, double unitPrice,
      String cust, String ctry) {
    invoice.add(inv);
    stock.add(code);
    desc.add(description);
    customer.add(cust);
    country.add(ctry);
    qty.add(quantity);
    price.add(unitPrice);
    date.add(Transactions.toEpochSeconds(LocalDateTime.parse(when)));
    return this;
  }

  /** A line with a description derived from the code, quantity 1, price 1 and country UK. */
  TxBuilder item(String inv, String code, String when, String cust) {
    return line(inv, code, "DESC " + code, 1, when, 1, cust, "United Kingdom");
  }

  Transactions build() {
    int n = qty.size();
    double[] q = new double[n];
    double[] p = new double[n];
    long[] d = new long[n];
    int[] lines = new int[n];
    for (int i = 0; i < n; i++) {
      q[i] = qty.get(i);
      p[i] = price.get(i);
      d[i] = date.get(i);
      lines[i] = i + 2;
    }
    return new Transactions(invoice.build(), stock.build(), desc.build(), q, d, p, customer.build(), country.build(), lines);
  }

  static int[] all(Transactions tx) {
    int[] rows = new int[tx.size()];
    for (int i = 0; i < rows.length; i++) rows[i] = i;
    return rows;
  }

  private static final class Column {
    final String name;
    final Map<String, Integer> dict = new LinkedHashMap<>();
    final List<Integer> codes = new ArrayList<>();

    Column(String name) { this.name = name; }

    void add(String v) {
      if (v == null || v.isEmpty()) {
        codes.add(TextColumn.MISSING);
      } else {
        codes.add(dict.computeIfAbsent(v, k -> dict.size()));
      }
    }

    TextColumn build() {
      return new TextColumn(name, codes.stream().mapToInt(Integer::intValue).toArray(), dict.keySet().toArray(new String[0]));
    }
  }
}
