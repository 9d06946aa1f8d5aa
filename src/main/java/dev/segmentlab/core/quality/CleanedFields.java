package dev.segmentlab.core.quality;

import dev.segmentlab.core.data.Transactions;
import java.util.Arrays;
import java.util.List;

/**
 * The numeric fields of the rows that the cleaning rules keep, as the Quality step examines them: quantities after
 * netting the returns, unit prices, and revenue (net quantity × unit price).
 */
public final class CleanedFields {
  private CleanedFields() {}

  /** Fields of a transaction file. */
  public static final String QUANTITY = "Quantity", UNIT_PRICE = "UnitPrice", REVENUE = "Revenue";
  /** The fields, in the order the Quality step offers them. */
  public static final List<String> FIELDS = List.of(QUANTITY, UNIT_PRICE, REVENUE);

  /**
   * One value per kept row: {@code values[i]} belongs to transaction row {@code cleaned.rows()[i]}.
   *
   * @throws IllegalArgumentException for a field not in {@link #FIELDS}
   */
  public static double[] values(CleanedData cleaned, String field) {
    Transactions tx = cleaned.transactions();
    int[] rows = cleaned.rows();
    double[] q = cleaned.quantity();
    double[] p = tx.unitPrice();
    double[] v = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      switch (field) {
        case QUANTITY: v[i] = q[r]; break;
        case UNIT_PRICE: v[i] = p[r]; break;
        case REVENUE: v[i] = q[r] * p[r]; break;
        default: throw new IllegalArgumentException("Unknown field " + field + ". Available: " + FIELDS + ".");
      }
    }
    return v;
  }

  /** The kept rows whose {@code field} lies outside the rule's fences removed, and how many went. */
  public record Trimmed(CleanedData cleaned, int removed, double lower, double upper) {}

  /**
   * Removes the outlying rows of one field (the Quality step's "remove" treatment), with the fences computed on
   * the kept rows; the cleaning report stays that of the rules.
   */
  public static Trimmed removeOutliers(CleanedData cleaned, String field, OutlierRule rule) {
    double[] v = values(cleaned, field);
    OutlierReport rep = OutlierDetector.detect(field, v, rule, 0);
    int[] rows = cleaned.rows();
    int[] kept = new int[rows.length];
    int n = 0;
    for (int i = 0; i < rows.length; i++) {
      if (!(v[i] < rep.lower() || v[i] > rep.upper())) kept[n++] = rows[i];
    }
    CleanedData out = new CleanedData(cleaned.transactions(), Arrays.copyOf(kept, n), cleaned.options(),
        cleaned.report(), cleaned.netting());
    return new Trimmed(out, rows.length - n, rep.lower(), rep.upper());
  }
}
