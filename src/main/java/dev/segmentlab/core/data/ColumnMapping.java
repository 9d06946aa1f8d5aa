package dev.segmentlab.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

/**
 * Which column of the file plays which {@link Role}. Detected from header names (case, spaces and punctuation
 * ignored; Online Retail II's {@code Invoice}, {@code Price}, {@code Customer ID} included) or set by the
 * analyst. Immutable.
 */
public final class ColumnMapping {
  private final List<String> headers;
  private final Map<Role, Integer> byRole;

  private ColumnMapping(List<String> headers, Map<Role, Integer> byRole) {
    this.headers = List.copyOf(headers);
    this.byRole = Collections.unmodifiableMap(new EnumMap<>(byRole.isEmpty() ? new EnumMap<>(Role.class) : byRole));
  }

  /** Maps each role to the best-matching header, each header used at most once. */
  public static ColumnMapping detect(List<String> headers) {
    Map<Role, Integer> map = new EnumMap<>(Role.class);
    List<String> norm = new ArrayList<>();
    for (String h : headers) norm.add(Role.normalise(h));
    boolean[] used = new boolean[headers.size()];
    // exact alias matches first, in alias order, so "InvoiceDate" is taken by the date before "Invoice" logic
    for (int pass = 0; pass < 2; pass++) {
      for (Role r : Role.values()) {
        if (map.containsKey(r)) continue;
        outer:
        for (String alias : r.aliases()) {
          for (int i = 0; i < norm.size(); i++) {
            if (used[i]) continue;
            boolean hit = pass == 0 ? norm.get(i).equals(alias) : norm.get(i).startsWith(alias) && alias.length() >= 5;
            if (hit) {
              map.put(r, i);
              used[i] = true;
              break outer;
            }
          }
        }
      }
    }
    return new ColumnMapping(headers, map);
  }

  /**
   * A mapping set by the analyst: role → header name (blank or absent = not mapped).
   *
   * @throws DataException when a name is not a header of the file or is used twice
   */
  public static ColumnMapping of(List<String> headers, Map<Role, String> names) {
    Map<Role, Integer> map = new EnumMap<>(Role.class);
    Map<Integer, Role> taken = new LinkedHashMap<>();
    for (Map.Entry<Role, String> e : names.entrySet()) {
      String name = e.getValue();
      if (name == null || name.isBlank()) continue;
      int idx = headers.indexOf(name);
      if (idx < 0) {
        throw new DataException("Column '" + name + "' (for " + e.getKey().label() + ") is not in the file. Its columns are: "
            + String.join(", ", headers) + ".");
      }
      Role other = taken.put(idx, e.getKey());
      if (other != null) {
        throw new DataException("Column '" + name + "' is mapped to both " + other.label() + " and " + e.getKey().label() + ".");
      }
      map.put(e.getKey(), idx);
    }
    return new ColumnMapping(headers, map);
  }

  public List<String> headers() { return headers; }

  /** Column index of a role, if mapped. */
  public Optional<Integer> index(Role r) { return Optional.ofNullable(byRole.get(r)); }

  /** Header name of a role, or null. */
  public String column(Role r) {
    Integer i = byRole.get(r);
    return i == null ? null : headers.get(i);
  }

  public boolean has(Role r) { return byRole.containsKey(r); }

  /** Roles needed for transactions mode that are not mapped. */
  public List<Role> missingRequired() {
    List<Role> out = new ArrayList<>();
    for (Role r : Role.values()) if (r.required() && !byRole.containsKey(r)) out.add(r);
    return out;
  }

  /** Whether every required role is mapped. */
  public boolean isTransactions() { return missingRequired().isEmpty(); }

  /** Role key → header, in role order (the JSON {@code mapping}). */
  public Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Role r : Role.values()) if (byRole.containsKey(r)) out.put(r.key(), headers.get(byRole.get(r)));
    return out;
  }

  /** Role → header name. */
  public Map<Role, String> names() {
    Map<Role, String> out = new EnumMap<>(Role.class);
    byRole.forEach((r, i) -> out.put(r, headers.get(i)));
    return out;
  }

  /** The roles whose presence makes a file look like transactions. */
  private static final List<Role> TRANSACTION_SIGNS = List.of(Role.INVOICE, Role.QUANTITY, Role.UNIT_PRICE,
      Role.INVOICE_DATE);

  /**
   * How to read the file, never a silent guess: transactions when every required role is mapped; a customer
   * table when there is no sign of transactions and a customer id column (by its header), or when asked for.
   *
   * @param forced the mode chosen by the analyst, or null to decide from the columns
   * @throws MappingNeeded when the file has transaction columns (two or more of invoice, quantity, unit price,
   *     date) but misses a required one, when transactions are forced without their roles, or when a customer
   *     table would have no customer id column; the message names the missing roles and the columns
   */
  public Mode mode(Mode forced) {
    List<Role> missing = missingRequired();
    if (forced == Mode.CUSTOMERS) return Mode.CUSTOMERS;
    if (missing.isEmpty()) return Mode.TRANSACTIONS;
    int signs = 0;
    for (Role r : TRANSACTION_SIGNS) if (has(r)) signs++;
    if (forced == Mode.TRANSACTIONS || signs >= 2) {
      List<String> found = new ArrayList<>();
      for (Role r : TRANSACTION_SIGNS) if (has(r)) found.add(r.label() + " (" + column(r) + ")");
      List<String> labels = new ArrayList<>();
      for (Role r : missing) labels.add(r.label());
      throw new MappingNeeded((found.isEmpty() ? "No" : "The file has transaction columns: " + String.join(", ", found)
          + "; but no") + " column for " + String.join(", ", labels) + " among " + describe(headers)
          + ". Map the " + String.join(" and ", labels) + " column by hand, or rename it (e.g. "
          + example(missing.get(0)) + ").", missing);
    }
    if (!hasIdColumn()) {
      throw new MappingNeeded("The file has neither transaction columns (invoice, quantity, date, unit price, customer "
          + "id) nor a customer id column among " + describe(headers) + ". Name the id column (e.g. CustomerID) or "
          + "map the columns by hand, or choose to read each row as one customer.",
          List.of(Role.CUSTOMER_ID));
    }
    return Mode.CUSTOMERS;
  }

  /** Whether a header names a customer id: a customer-id alias, {@code id}, or ending in {@code id}. */
  private boolean hasIdColumn() {
    if (has(Role.CUSTOMER_ID)) return true;
    for (String h : headers) {
      String n = Role.normalise(h);
      if (n.equals("id") || n.endsWith("id")) return true;
    }
    return false;
  }

  private static String example(Role r) {
    return switch (r) {
      case CUSTOMER_ID -> "CustomerID";
      case INVOICE -> "InvoiceNo";
      case QUANTITY -> "Quantity";
      case INVOICE_DATE -> "InvoiceDate";
      case UNIT_PRICE -> "UnitPrice";
      default -> r.label();
    };
  }

  /** The columns for a message: all of a few, or the count and the first ones of many. */
  static String describe(List<String> headers) {
    if (headers.size() <= 12) return "its columns " + String.join(", ", headers);
    return String.format(Locale.ROOT, "its %,d columns (%s, …)", headers.size(),
        String.join(", ", headers.subList(0, 6)));
  }

  @Override public String toString() { return asMap().toString(); }
}
