package dev.segmentlab.core.export;

import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.TextColumn;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The currency symbol of a dataset's money (XLSX money format, the app's amounts). The file does not say it, so
 * the Data step guesses it from where most transaction rows were sold and the analyst can change it.
 */
public final class Currency {
  private Currency() {}

  /** The symbols offered; {@link #NONE} shows plain numbers with two decimals. */
  public static final String POUND = "£", DOLLAR = "$", EURO = "€", YEN = "¥", NONE = "";
  public static final List<String> CHOICES = List.of(POUND, DOLLAR, EURO, YEN, NONE);

  private static final Set<String> POUND_COUNTRIES = Set.of("united kingdom", "uk", "great britain", "england",
      "scotland", "wales", "northern ireland", "channel islands");
  private static final Set<String> DOLLAR_COUNTRIES = Set.of("usa", "united states", "united states of america", "us");
  private static final Set<String> EURO_COUNTRIES = Set.of("austria", "belgium", "croatia", "cyprus", "eire",
      "ireland", "estonia", "finland", "france", "germany", "greece", "italy", "latvia", "lithuania", "luxembourg",
      "malta", "netherlands", "portugal", "slovakia", "slovenia", "spain", "eurozone");
  private static final Set<String> YEN_COUNTRIES = Set.of("japan");

  /**
   * The currency of the country where more than half of the transaction rows were sold (£ for Online Retail,
   * whose rows are 91 % United Kingdom); {@link #NONE} for a customer table, a file without countries or no
   * majority.
   */
  public static String guess(Dataset d) {
    if (d == null || d.transactions() == null) return NONE;
    TextColumn c = d.transactions().country();
    int[] counts = new int[c.dictionary().length];
    int known = 0;
    for (int code : c.codes()) {
      if (code >= 0) { counts[code]++; known++; }
    }
    if (known == 0) return NONE;
    int pound = 0, dollar = 0, euro = 0, yen = 0;
    for (int i = 0; i < counts.length; i++) {
      String name = c.dictionary()[i] == null ? "" : c.dictionary()[i].trim().toLowerCase(Locale.ROOT);
      if (POUND_COUNTRIES.contains(name)) pound += counts[i];
      else if (DOLLAR_COUNTRIES.contains(name)) dollar += counts[i];
      else if (EURO_COUNTRIES.contains(name)) euro += counts[i];
      else if (YEN_COUNTRIES.contains(name)) yen += counts[i];
    }
    if (2L * pound > known) return POUND;
    if (2L * dollar > known) return DOLLAR;
    if (2L * euro > known) return EURO;
    if (2L * yen > known) return YEN;
    return NONE;
  }

  /** "£" → "£", "" → "none" (for a chooser). */
  public static String label(String symbol) {
    return symbol == null || symbol.isEmpty() ? "none" : symbol;
  }

  /** An amount with the symbol: "£1,234.50", "-£3.00", or "1,234.50" without one. */
  public static String format(String symbol, double amount) {
    String s = String.format(Locale.ROOT, "%,.2f", Math.abs(amount));
    return (amount < 0 ? "-" : "") + (symbol == null ? "" : symbol) + s;
  }
}
