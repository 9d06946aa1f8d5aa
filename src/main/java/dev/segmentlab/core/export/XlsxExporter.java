package dev.segmentlab.core.export;

import dev.segmentlab.core.concurrent.RunControl;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import java.io.BufferedOutputStream;

/**
 * Writes tables into one Excel workbook (.xlsx), one sheet per {@link SheetData}, streamed with fastexcel so
 * memory stays flat however many rows there are (rows go to the zip in blocks; no workbook is held in memory).
 *
 * <p>Each sheet has a bold, frozen header row with an auto-filter, columns sized to their content, numbers as
 * numbers, dates as Excel dates with a date format, and percents with a percent format. Text that a
 * spreadsheet could take for a formula is escaped (see {@link Options#escapeFormulas()}).
 *
 * <pre>{@code
 * XlsxExporter.write(Path.of("segments.xlsx"), List.of(summary, customers), XlsxExporter.Options.DEFAULT,
 *     true, RunControl.of(null, p -> progress.set(p), () -> cancelled));
 * }</pre>
 */
public final class XlsxExporter {
  /** Excel's limit on a sheet name, in UTF-16 chars. */
  public static final int MAX_SHEET_NAME = 31;
  /** Excel's limit on the text of one cell. */
  static final int MAX_CELL_TEXT = 32_767;
  private static final int BLOCK = 1_000;
  private static final int WIDTH_SAMPLE = 20_000;
  static final String DATE_FORMAT = "yyyy-mm-dd";
  static final String DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
  static final String PERCENT_FORMAT = "0.0%";
  /** Excel serial of 1970-01-01 in the 1900 date system. */
  private static final long EXCEL_EPOCH_OFFSET = 25_569;
  /** 1900-03-01: before it Excel's serials are off by one (its 1900 leap-year bug), so such dates go as text. */
  private static final long FIRST_SAFE_EPOCH_DAY = -25_508;

  private XlsxExporter() {}

  /**
   * How the workbook is written.
   *
   * @param escapeFormulas prefix text starting with {@code = + - @} (or tab, CR) with an apostrophe, as OWASP
   *     advises, so the text is never run as a formula even after a user edits the cell
   * @param maxColumnWidth widest column in Excel character units, 8..255
   * @param autoFilter whether the header row gets filter buttons
   * @param currency the symbol of {@link SheetData.Column#money money} columns' format, e.g. {@code "£"}
   */
  public record Options(boolean escapeFormulas, double maxColumnWidth, boolean autoFilter, String currency) {
    /** Escaping on, columns at most 60 characters wide, filters on, pounds (the bundled data's currency). */
    public static final Options DEFAULT = new Options(true, 60, true);

    public Options {
      if (!(maxColumnWidth >= 8 && maxColumnWidth <= Worksheet.MAX_COL_WIDTH)) {
        throw new IllegalArgumentException("maxColumnWidth must be in 8.." + Worksheet.MAX_COL_WIDTH + ", was " + maxColumnWidth);
      }
      Objects.requireNonNull(currency, "currency");
    }

    /** With pounds as the currency. */
    public Options(boolean escapeFormulas, double maxColumnWidth, boolean autoFilter) {
      this(escapeFormulas, maxColumnWidth, autoFilter, "£");
    }

    /** The same options with another currency symbol ("" for plain two decimals). */
    public Options withCurrency(String symbol) {
      return new Options(escapeFormulas, maxColumnWidth, autoFilter, symbol);
    }

    /** The Excel number format of money, e.g. {@code "£"#,##0.00}. */
    String moneyFormat() {
      return currency.isEmpty() ? "#,##0.00" : "\"" + currency.replace("\"", "") + "\"#,##0.00";
    }
  }

  /**
   * Writes the sheets into {@code target} through {@link SafeFileWriter}: all or nothing.
   *
   * @param sheets at least one table; names are made valid and unique with {@link #sheetNames(List)}
   * @param overwrite whether an existing file may be replaced
   * @param rc its progress: receives the fraction done, 0..1, from the calling thread; its cancellation check:
   *     polled every block of rows; when it turns true the export stops with a {@link CancellationException} and
   *     no file is left behind
   * @throws ExportException if the file cannot be written (the message says what to do) or a sheet has more
   *     rows or columns than Excel allows
   */
  public static void write(Path target, List<SheetData> sheets, Options options, boolean overwrite,
      RunControl rc) throws ExportException {
    checkLimits(sheets);
    SafeFileWriter.write(target, overwrite, out -> write(out, sheets, options, rc));
  }

  /**
   * Writes the workbook to a stream, which is left open. Prefer {@link #write(Path, List, Options, boolean, RunControl)}
   * for files.
   *
   * @throws IOException if the stream fails; {@link ExportException} if a sheet exceeds Excel's limits
   */
  public static void write(OutputStream out, List<SheetData> sheets, Options options, RunControl rc) throws IOException {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    Objects.requireNonNull(options, "options");
    checkLimits(sheets);
    // fastexcel streams each sheet and so writes <dimension ref="A1"/> before it knows the rows; readers that
    // trust the dimension (openpyxl's read-only mode) would see one cell. The workbook goes to a temporary file
    // and is copied into out with each sheet's real used range.
    Path tmp = Files.createTempFile("segmentlab-", ".xlsx");
    try {
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        writeStreamed(raw, sheets, options, progress, cancelled);
      }
      List<String> refs = new ArrayList<>();
      for (SheetData sh : sheets) refs.add(SheetDimensions.ref(sh.rowCount() + 1, sh.columnCount()));
      SheetDimensions.copyWithDimensions(tmp, out, refs);
      progress.accept(1);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void writeStreamed(OutputStream out, List<SheetData> sheets, Options options, DoubleConsumer progress,
      BooleanSupplier cancelled) throws IOException {
    List<String> names = sheetNames(sheets.stream().map(SheetData::name).toList());
    long totalRows = Math.max(1, sheets.stream().mapToLong(SheetData::rowCount).sum());
    long done = 0;
    progress.accept(0);
    // fastexcel wants "major.minor" digits for the app version it records in docProps/app.xml.
    Workbook wb = new Workbook(out, "SegmentLab", "1.0");
    for (int s = 0; s < sheets.size(); s++) {
      SheetData sheet = sheets.get(s);
      Worksheet ws = wb.newWorksheet(names.get(s));
      writeSheet(ws, sheet, options, done, totalRows, progress, cancelled);
      done += sheet.rowCount();
    }
    wb.finish();
  }

  private static void writeSheet(Worksheet ws, SheetData sheet, Options options, long doneBefore, long totalRows,
      DoubleConsumer progress, BooleanSupplier cancelled) throws IOException {
    int cols = sheet.columnCount();
    // Widths, the freeze pane and the filter live in the sheet's XML head, so they must be set before the first
    // flush, i.e. from a pass over the data before any row is written.
    double[] widths = columnWidths(sheet, options);
    for (int c = 0; c < cols; c++) ws.width(c, widths[c]);
    ws.freezePane(0, 1);
    // The filter covers the data rows; the 3-argument overload would take the rows buffered so far (none).
    if (options.autoFilter()) ws.setAutoFilter(0, 0, sheet.rowCount(), cols - 1);
    for (int c = 0; c < cols; c++) ws.value(0, c, text(sheet.column(c).name(), options));
    ws.range(0, 0, 0, cols - 1).style().bold().set();

    int rows = sheet.rowCount();
    for (int start = 0; start < rows; start += BLOCK) {
      if (cancelled.getAsBoolean()) throw new CancellationException("export cancelled");
      int end = Math.min(rows, start + BLOCK);
      for (int c = 0; c < cols; c++) writeBlock(ws, sheet.column(c), c, start, end, options);
      ws.flush();
      progress.accept((double) (doneBefore + end) / totalRows);
    }
    ws.finish();
  }

  private static void writeBlock(Worksheet ws, SheetData.Column col, int c, int start, int end, Options options) {
    String format = null;
    switch (col.type()) {
      case TEXT:
        for (int r = start; r < end; r++) {
          String v = col.text(r);
          if (v != null) ws.value(r + 1, c, text(v, options));
        }
        break;
      case INTEGER:
        for (int r = start; r < end; r++) {
          long v = col.longAt(r);
          if (v != SheetData.MISSING) ws.value(r + 1, c, v);
        }
        break;
      case NUMBER:
      case PERCENT:
        for (int r = start; r < end; r++) {
          double v = col.doubleAt(r);
          if (Double.isFinite(v)) ws.value(r + 1, c, v);
        }
        format = col.type() == SheetData.Type.PERCENT ? PERCENT_FORMAT : col.isMoney() ? options.moneyFormat() : null;
        break;
      case DATE:
        for (int r = start; r < end; r++) {
          long day = col.longAt(r);
          if (day == SheetData.MISSING) continue;
          if (day >= FIRST_SAFE_EPOCH_DAY) ws.value(r + 1, c, day + EXCEL_EPOCH_OFFSET);
          else ws.value(r + 1, c, CellText.date(day));
        }
        format = DATE_FORMAT;
        break;
      case DATETIME:
        for (int r = start; r < end; r++) {
          long sec = col.longAt(r);
          if (sec == SheetData.MISSING) continue;
          long day = Math.floorDiv(sec, 86_400L);
          if (day >= FIRST_SAFE_EPOCH_DAY) ws.value(r + 1, c, sec / 86_400.0 + EXCEL_EPOCH_OFFSET);
          else ws.value(r + 1, c, CellText.dateTime(sec));
        }
        format = DATETIME_FORMAT;
        break;
      default:
        throw new AssertionError(col.type());
    }
    // One style call per block and column: fastexcel caches the style, each cell only keeps its index.
    if (format != null) ws.range(start + 1, c, end, c).style().format(format).set();
  }

  private static String text(String v, Options options) {
    String s = options.escapeFormulas() ? CellText.escapeFormula(v) : v;
    // Excel refuses to open a file with a longer cell; cutting it is the lesser evil for an export.
    return s.length() > MAX_CELL_TEXT ? s.substring(0, MAX_CELL_TEXT) : s;
  }

  /**
   * Approximate column widths in Excel character units: the longest of the header (plus room for the bold
   * face and the filter button) and the values, capped. Large tables are sampled evenly rather than read in
   * full: widths only need to be about right.
   */
  static double[] columnWidths(SheetData sheet, Options options) {
    int rows = sheet.rowCount();
    int step = Math.max(1, rows / WIDTH_SAMPLE);
    double[] widths = new double[sheet.columnCount()];
    for (int c = 0; c < widths.length; c++) {
      SheetData.Column col = sheet.column(c);
      int longest = col.name().length() + (options.autoFilter() ? 4 : 2);
      switch (col.type()) {
        case DATE: longest = Math.max(longest, DATE_FORMAT.length()); break;
        case DATETIME: longest = Math.max(longest, DATETIME_FORMAT.length()); break;
        default:
          for (int r = 0; r < rows; r += step) {
            longest = Math.max(longest, CellText.format(col, r, options.escapeFormulas()).length() + 1);
          }
      }
      widths[c] = Math.min(options.maxColumnWidth(), Math.max(8, longest + 1));
    }
    return widths;
  }

  /**
   * Turns table names into valid, distinct Excel sheet names: the characters {@code [ ] : * ? / \} become
   * {@code _}, leading and trailing apostrophes and spaces go, names are cut to 31 characters, a blank name
   * becomes "Sheet", Excel's reserved "History" gets a suffix, and a name already used (Excel compares
   * without case) gets " (2)", " (3)", ... within the 31 characters.
   *
   * @return one name per input, in order
   */
  public static List<String> sheetNames(List<String> names) {
    List<String> result = new ArrayList<>(names.size());
    Set<String> used = new HashSet<>();
    for (String raw : names) {
      String base = cleanSheetName(raw);
      String name = base;
      for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) {
        String suffix = " (" + n + ")";
        name = cut(base, MAX_SHEET_NAME - suffix.length()).strip() + suffix;
      }
      used.add(name.toLowerCase(Locale.ROOT));
      result.add(name);
    }
    return result;
  }

  private static String cleanSheetName(String raw) {
    StringBuilder sb = new StringBuilder(raw == null ? "" : raw.strip());
    for (int i = 0; i < sb.length(); i++) {
      char ch = sb.charAt(i);
      if ("[]:*?/\\".indexOf(ch) >= 0 || Character.isISOControl(ch)) sb.setCharAt(i, '_');
    }
    String s = strip(sb.toString());
    s = strip(cut(s, MAX_SHEET_NAME));
    if (s.isEmpty()) s = "Sheet";
    if (s.equalsIgnoreCase("History")) s = s + "_";
    return s;
  }

  /** Excel forbids an apostrophe at either end of a sheet name; spaces there are just confusing. */
  private static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == '\'' || s.charAt(from) == ' ')) from++;
    while (to > from && (s.charAt(to - 1) == '\'' || s.charAt(to - 1) == ' ')) to--;
    return s.substring(from, to);
  }

  /** Cuts to at most {@code max} UTF-16 chars without splitting a surrogate pair. */
  private static String cut(String s, int max) {
    if (s.length() <= max) return s;
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }

  private static void checkLimits(List<SheetData> sheets) throws ExportException {
    if (sheets.isEmpty()) throw new IllegalArgumentException("need at least one sheet");
    for (SheetData s : sheets) {
      if (s.rowCount() + 1 > Worksheet.MAX_ROWS) {
        throw new ExportException("Table '" + s.name() + "' has " + s.rowCount() + " rows, more than an Excel sheet "
            + "holds (" + (Worksheet.MAX_ROWS - 1) + " below the header); export it as CSV instead.");
      }
      if (s.columnCount() > Worksheet.MAX_COLS) {
        throw new ExportException("Table '" + s.name() + "' has " + s.columnCount() + " columns, more than an Excel "
            + "sheet holds (" + Worksheet.MAX_COLS + "); export it as CSV instead.");
      }
    }
  }
}
