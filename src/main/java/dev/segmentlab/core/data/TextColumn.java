package dev.segmentlab.core.data;

import java.util.Arrays;

/**
 * A dictionary-encoded text column: {@code codes[row]} indexes {@code dictionary}, or is {@link #MISSING}
 * where the cell was blank. Arrays are owned by the column and never mutated after construction; accessors
 * hand them out without copying for speed, so callers must not write to them.
 */
public final class TextColumn {
  /** Code of a blank cell. */
  public static final int MISSING = -1;

  private final String name;
  private final int[] codes;
  private final String[] dictionary;

  /**
   * @param name the column name as shown to the analyst
   * @param codes one code per row, {@link #MISSING} or an index into {@code dictionary}
   * @param dictionary the distinct values, each once
   */
  public TextColumn(String name, int[] codes, String[] dictionary) {
    this.name = name;
    this.codes = codes;
    this.dictionary = dictionary;
  }

  public String name() { return name; }

  public int size() { return codes.length; }

  /** The value at {@code row}, or {@code null} when blank. */
  public String get(int row) {
    int c = codes[row];
    return c == MISSING ? null : dictionary[c];
  }

  public int code(int row) { return codes[row]; }

  public boolean isMissing(int row) { return codes[row] == MISSING; }

  /** The raw codes (not a copy: do not modify). */
  public int[] codes() { return codes; }

  /** The dictionary (not a copy: do not modify). */
  public String[] dictionary() { return dictionary; }

  /** Number of distinct non-blank values that occur in the column. */
  public int distinct() {
    boolean[] seen = new boolean[dictionary.length];
    int n = 0;
    for (int c : codes) {
      if (c != MISSING && !seen[c]) { seen[c] = true; n++; }
    }
    return n;
  }

  /** Number of blank cells. */
  public int missing() {
    int n = 0;
    for (int c : codes) if (c == MISSING) n++;
    return n;
  }

  @Override public String toString() {
    return "TextColumn[" + name + ", rows=" + codes.length + ", dict=" + dictionary.length + "]";
  }

  /** A column of {@code rows} blank cells (for an unmapped optional role). */
  public static TextColumn blank(String name, int rows) {
    int[] codes = new int[rows];
    Arrays.fill(codes, MISSING);
    return new TextColumn(name, codes, new String[0]);
  }
}
