package dev.segmentlab.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  @Override public String toString() { return asMap().toString(); }
}
