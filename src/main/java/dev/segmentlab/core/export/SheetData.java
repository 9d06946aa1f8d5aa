package dev.segmentlab.core.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * One table to export: a name (the sheet name in XLSX, the file-name suffix in per-segment CSV) and typed
 * columns of equal length. This is the only thing the exporters know about, so export does not depend on the
 * clustering or segment code.
 *
 * <p>Columns are stored column by column in primitive arrays (or, for text, behind an accessor) so that a
 * 541k-line transactions table is exported without boxing a single cell. Arrays are taken <em>without
 * copying</em>: the caller hands them over and must not modify them afterwards.
 *
 * <pre>{@code
 * SheetData customers = SheetData.of("Customers", List.of(
 *     SheetData.Column.text("Customer", ids),
 *     SheetData.Column.integers("Frequency", frequency),
 *     SheetData.Column.numbers("Monetary", monetary),
 *     SheetData.Column.dates("Last purchase", lastPurchase)));
 * }</pre>
 */
public final class SheetData {

  /** What a column holds, which decides how each exporter writes it. */
  public enum Type {
    /** Free text; blank is {@code null}. Escaped against formula injection on export. */
    TEXT,
    /** Whole numbers in a {@code long[]}; blank is {@link #MISSING}. */
    INTEGER,
    /** Real numbers in a {@code double[]}; blank is {@code NaN}. */
    NUMBER,
    /** Fractions in a {@code double[]} (0.25 means 25 %); blank is {@code NaN}. XLSX shows them as percent. */
    PERCENT,
    /** Calendar dates as epoch days in a {@code long[]}; blank is {@link #MISSING}. */
    DATE,
    /** Wall-clock date-times as local epoch seconds (no zone) in a {@code long[]}; blank is {@link #MISSING}. */
    DATETIME
  }

  /** The blank value of {@link Type#INTEGER}, {@link Type#DATE} and {@link Type#DATETIME} cells. */
  public static final long MISSING = Long.MIN_VALUE;

  private final String name;
  private final List<Column> columns;
  private final int rowCount;

  private SheetData(String name, List<Column> columns, int rowCount) {
    this.name = name;
    this.columns = columns;
    this.rowCount = rowCount;
  }

  /**
   * @param name the table name as the analyst should see it; exporters make it safe for their format
   * @param columns at least one column, all of the same length, with distinct names (case-insensitive)
   * @throws IllegalArgumentException if there is no column, lengths differ or a name repeats
   */
  public static SheetData of(String name, List<Column> columns) {
    Objects.requireNonNull(name, "name");
    List<Column> copy = List.copyOf(columns);
    if (copy.isEmpty()) throw new IllegalArgumentException("table '" + name + "' needs at least one column");
    int rows = copy.get(0).size();
    Set<String> seen = new HashSet<>();
    for (Column c : copy) {
      if (c.size() != rows) {
        throw new IllegalArgumentException("table '" + name + "': column '" + c.name() + "' has " + c.size()
            + " rows, column '" + copy.get(0).name() + "' has " + rows);
      }
      if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("table '" + name + "': column name '" + c.name() + "' repeats");
      }
    }
    return new SheetData(name, copy, rows);
  }

  /** Convenience for {@link #of(String, List)}. */
  public static SheetData of(String name, Column... columns) {
    return of(name, List.of(columns));
  }

  public String name() { return name; }

  /** The columns, unmodifiable, in export order. */
  public List<Column> columns() { return columns; }

  public int columnCount() { return columns.size(); }

  /** Number of data rows (the header is not counted). */
  public int rowCount() { return rowCount; }

  public Column column(int index) { return columns.get(index); }

  @Override public String toString() {
    return "SheetData[" + name + ", columns=" + columns.size() + ", rows=" + rowCount + "]";
  }

  /**
   * One named, typed column. Exactly one of the backing stores is used, chosen by {@link #type()}: text
   * through an accessor, integers and dates in a {@code long[]}, numbers and percents in a {@code double[]}.
   */
  public static final class Column {
    private final String name;
    private final Type type;
    private final int size;
    private final IntFunction<String> text;
    private final long[] longs;
    private final double[] doubles;
    private boolean money;

    private Column(String name, Type type, int size, IntFunction<String> text, long[] longs, double[] doubles) {
      this.name = Objects.requireNonNull(name, "column name");
      if (name.isBlank()) throw new IllegalArgumentException("column name must not be blank");
      if (size < 0) throw new IllegalArgumentException("column '" + name + "': negative size " + size);
      this.type = type;
      this.size = size;
      this.text = text;
      this.longs = longs;
      this.doubles = doubles;
    }

    /** Text cells; a {@code null} element is a blank cell. The array is not copied. */
    public static Column text(String name, String[] values) {
      Objects.requireNonNull(values, "values");
      return new Column(name, Type.TEXT, values.length, row -> values[row], null, null);
    }

    /**
     * Text cells read through an accessor, e.g. {@code TextColumn::get} of a dictionary-encoded column, so the
     * strings are never materialised as one array.
     *
     * @param size number of rows; the accessor is called with 0 &lt;= row &lt; size and may return {@code null}
     */
    public static Column text(String name, int size, IntFunction<String> values) {
      return new Column(name, Type.TEXT, size, Objects.requireNonNull(values, "values"), null, null);
    }

    /** Whole numbers; {@link SheetData#MISSING} is a blank cell. The array is not copied. */
    public static Column integers(String name, long[] values) {
      return new Column(name, Type.INTEGER, values.length, null, values, null);
    }

    /** Whole numbers from an {@code int[]} (copied into a {@code long[]}); there is no blank marker. */
    public static Column integers(String name, int[] values) {
      long[] copy = new long[values.length];
      for (int i = 0; i < values.length; i++) copy[i] = values[i];
      return new Column(name, Type.INTEGER, copy.length, null, copy, null);
    }

    /** Real numbers; {@code NaN} is a blank cell (infinities are written blank too). The array is not copied. */
    public static Column numbers(String name, double[] values) {
      return new Column(name, Type.NUMBER, values.length, null, null, values);
    }

    /**
     * Amounts of money: numbers rounded to cents, shown in XLSX with the workbook's currency format; {@code NaN}
     * is blank. The array is copied (rounded).
     */
    public static Column money(String name, double[] values) {
      double[] cents = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        cents[i] = Double.isFinite(values[i]) ? Math.round(values[i] * 100) / 100.0 : values[i];
      }
      Column c = new Column(name, Type.NUMBER, cents.length, null, null, cents);
      c.money = true;
      return c;
    }

    /**
     * Customer ids: whole numbers when every id is one (no leading zeros, sign or spaces, so nothing is lost),
     * else text. The accessor is read once.
     */
    public static Column ids(String name, int size, IntFunction<String> values) {
      long[] numbers = new long[size];
      for (int i = 0; i < size; i++) {
        String v = values.apply(i);
        if (v == null || v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)
            || (v.length() > 1 && v.charAt(0) == '0')) {
          return text(name, size, values);
        }
        numbers[i] = Long.parseLong(v);
      }
      return integers(name, numbers);
    }

    /** Fractions shown as percent in XLSX (0.125 → 12.5 %); {@code NaN} is blank. The array is not copied. */
    public static Column percents(String name, double[] fractions) {
      return new Column(name, Type.PERCENT, fractions.length, null, null, fractions);
    }

    /** Dates as epoch days ({@link LocalDate#toEpochDay()}); {@link SheetData#MISSING} is blank. Not copied. */
    public static Column epochDays(String name, long[] epochDays) {
      return new Column(name, Type.DATE, epochDays.length, null, epochDays, null);
    }

    /** Dates; a {@code null} element is blank. Converted once into epoch days. */
    public static Column dates(String name, LocalDate[] values) {
      long[] days = new long[values.length];
      for (int i = 0; i < values.length; i++) days[i] = values[i] == null ? MISSING : values[i].toEpochDay();
      return epochDays(name, days);
    }

    /**
     * Date-times as local epoch seconds, the encoding of {@code Transactions.invoiceDate()};
     * {@link SheetData#MISSING} is blank. Not copied.
     */
    public static Column epochSeconds(String name, long[] localEpochSeconds) {
      return new Column(name, Type.DATETIME, localEpochSeconds.length, null, localEpochSeconds, null);
    }

    /** Date-times (wall clock, no zone); a {@code null} element is blank. Converted once into epoch seconds. */
    public static Column dateTimes(String name, LocalDateTime[] values) {
      long[] secs = new long[values.length];
      for (int i = 0; i < values.length; i++) {
        secs[i] = values[i] == null ? MISSING : values[i].toEpochSecond(ZoneOffset.UTC);
      }
      return epochSeconds(name, secs);
    }

    public String name() { return name; }

    public Type type() { return type; }

    /** Whether the numbers are money (rounded to cents, with the currency format in XLSX). */
    public boolean isMoney() { return money; }

    public int size() { return size; }

    /** Whether the cell at {@code row} is blank. */
    public boolean isMissing(int row) {
      switch (type) {
        case TEXT: return text.apply(row) == null;
        case NUMBER:
        case PERCENT: return !Double.isFinite(doubles[row]);
        default: return longs[row] == MISSING;
      }
    }

    /** The text at {@code row} ({@code null} when blank). Only for {@link Type#TEXT}. */
    public String text(int row) {
      require(Type.TEXT);
      return text.apply(row);
    }

    /**
     * The raw long at {@code row}: the integer, epoch day or local epoch second; {@link SheetData#MISSING}
     * when blank. Only for {@link Type#INTEGER}, {@link Type#DATE} and {@link Type#DATETIME}.
     */
    public long longAt(int row) {
      if (longs == null) throw new IllegalStateException("column '" + name + "' is " + type + ", not a long column");
      return longs[row];
    }

    /** The number at {@code row} ({@code NaN} when blank). Only for {@link Type#NUMBER} and {@link Type#PERCENT}. */
    public double doubleAt(int row) {
      if (doubles == null) throw new IllegalStateException("column '" + name + "' is " + type + ", not a number column");
      return doubles[row];
    }

    private void require(Type wanted) {
      if (type != wanted) throw new IllegalStateException("column '" + name + "' is " + type + ", not " + wanted);
    }

    @Override public String toString() {
      return "Column[" + name + ", " + type + ", rows=" + size + "]";
    }
  }
}
