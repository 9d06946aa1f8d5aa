package dev.segmentlab.core.export;

import dev.segmentlab.core.concurrent.RunControl;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

/**
 * Writes a table as CSV: UTF-8, a header line, RFC 4180 quoting, numbers with a {@code .} and no needless
 * zeros (full precision, so values read back exactly), dates in ISO form ({@code 2011-12-09},
 * {@code 2011-12-09T12:50:00}), percents as fractions (0.25), blanks as empty fields.
 *
 * <pre>{@code
 * CsvExporter.write(Path.of("customers.csv"), customers, CsvExporter.Options.EXCEL, false, RunControl.none());
 * List<Path> files = CsvExporter.writeEach(folder, "segments", perSegment, CsvExporter.Options.DEFAULT, true,
 *     RunControl.none()); // segments-Champions.csv, segments-At risk.csv, ...
 * }</pre>
 */
public final class CsvExporter {
  private static final int BLOCK = 4_096;
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvExporter() {}

  /**
   * How the CSV is written.
   *
   * @param byteOrderMark start the file with a UTF-8 byte-order mark, which Excel needs to read it as UTF-8
   *     (otherwise {@code £} turns into {@code Â£}); most other tools do not want it
   * @param delimiter field separator: {@code ,} (RFC 4180), {@code ;} (Excel in comma-decimal locales) or tab
   * @param escapeFormulas prefix text starting with {@code = + - @} (or tab, CR) with an apostrophe (OWASP
   *     CSV-injection advice) so a spreadsheet never runs it as a formula; numbers are never touched
   * @param lineSeparator {@code "\r\n"} (RFC 4180) or {@code "\n"}
   */
  public record Options(boolean byteOrderMark, char delimiter, boolean escapeFormulas, String lineSeparator) {
    /** RFC 4180: comma, CRLF, no BOM, formulas escaped. */
    public static final Options DEFAULT = new Options(false, ',', true, "\r\n");
    /** As {@link #DEFAULT} with a BOM, for opening in Excel by double-click. */
    public static final Options EXCEL = new Options(true, ',', true, "\r\n");

    public Options {
      if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
        throw new IllegalArgumentException("delimiter must be ',', ';' or tab, was '" + delimiter + "'");
      }
      if (!"\r\n".equals(lineSeparator) && !"\n".equals(lineSeparator)) {
        throw new IllegalArgumentException("lineSeparator must be \\r\\n or \\n");
      }
    }

    /** A copy with the byte-order mark switched on or off. */
    public Options withByteOrderMark(boolean bom) {
      return new Options(bom, delimiter, escapeFormulas, lineSeparator);
    }
  }

  /**
   * Writes one table to {@code target} through {@link SafeFileWriter}: all or nothing.
   *
   * @param overwrite whether an existing file may be replaced
   * @param rc its progress: receives the fraction done, 0..1; its cancellation check: polled every few
   *     thousand rows; when true the export stops with a {@link CancellationException} and no file is left behind
   * @throws ExportException if the file cannot be written; the message says what to do
   */
  public static void write(Path target, SheetData table, Options options, boolean overwrite,
      RunControl rc) throws ExportException {
    SafeFileWriter.write(target, overwrite, out -> write(out, table, options, rc));
  }

  /** Writes one table to a stream, which is flushed and left open. */
  public static void write(OutputStream out, SheetData table, Options options, RunControl rc) throws IOException {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    Objects.requireNonNull(options, "options");
    if (options.byteOrderMark()) out.write(BOM);
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    int cols = table.columnCount();
    char d = options.delimiter();
    String eol = options.lineSeparator();
    progress.accept(0);
    for (int c = 0; c < cols; c++) {
      if (c > 0) w.write(d);
      String name = table.column(c).name();
      field(w, options.escapeFormulas() ? CellText.escapeFormula(name) : name, d);
    }
    w.write(eol);
    int rows = table.rowCount();
    for (int r = 0; r < rows; r++) {
      if (r % BLOCK == 0) {
        if (cancelled.getAsBoolean()) throw new CancellationException("export cancelled");
        if (r > 0) progress.accept((double) r / rows);
      }
      for (int c = 0; c < cols; c++) {
        if (c > 0) w.write(d);
        SheetData.Column col = table.column(c);
        String v = CellText.format(col, r, options.escapeFormulas());
        // Only text can hold a delimiter, quote or line break; other types are written without the scan.
        if (col.type() == SheetData.Type.TEXT) field(w, v, d);
        else w.write(v);
      }
      w.write(eol);
    }
    w.flush();
    progress.accept(1);
  }

  /**
   * Writes each table to its own file {@code <folder>/<baseName>-<table name>.csv}, e.g. one file per segment.
   * Table names are made safe for file names on every system. When {@code overwrite} is false every target is
   * checked before anything is written, so the call fails without writing a file. If a later file fails, the
   * files this call had newly created are removed again (replaced files cannot be restored).
   *
   * @return the files written, in table order
   * @throws ExportException if a file exists and {@code overwrite} is false, or a file cannot be written
   */
  public static List<Path> writeEach(Path folder, String baseName, List<SheetData> tables, Options options,
      boolean overwrite, RunControl rc) throws ExportException {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    List<Path> targets = targetsFor(folder, baseName, tables);
    List<Boolean> existed = new ArrayList<>();
    for (Path t : targets) {
      SafeFileWriter.checkTarget(t.toAbsolutePath().normalize(), overwrite);
      existed.add(Files.exists(t, LinkOption.NOFOLLOW_LINKS));
    }
    long total = Math.max(1, tables.stream().mapToLong(t -> t.rowCount() + 1L).sum());
    long[] done = {0};
    List<Path> written = new ArrayList<>();
    boolean ok = false;
    try {
      for (int i = 0; i < tables.size(); i++) {
        SheetData t = tables.get(i);
        long before = done[0];
        write(targets.get(i), t, options, overwrite, RunControl.of(null, f -> progress.accept((before + f * (t.rowCount() + 1)) / total), cancelled));
        written.add(targets.get(i));
        done[0] += t.rowCount() + 1L;
      }
      ok = true;
      return targets;
    } finally {
      if (!ok) {
        for (int i = 0; i < written.size(); i++) {
          if (!existed.get(i)) {
            try {
              Files.deleteIfExists(written.get(i));
            } catch (IOException ignored) {
              // The original failure is the one to report.
            }
          }
        }
      }
    }
  }

  /**
   * The file names {@link #writeEach} uses: {@code <baseName>-<name>.csv}, with characters that Windows, macOS
   * or Linux refuse ({@code < > : " / \ | ? *}, control characters) replaced by {@code _}, and a number added
   * when two names would clash on a case-insensitive file system.
   */
  public static List<Path> targetsFor(Path folder, String baseName, List<SheetData> tables) {
    List<Path> result = new ArrayList<>(tables.size());
    Set<String> used = new HashSet<>();
    String base = fileSafe(baseName);
    for (SheetData t : tables) {
      String stem = base.isEmpty() ? fileSafe(t.name()) : base + "-" + fileSafe(t.name());
      if (stem.isEmpty()) stem = "table";
      String name = stem;
      for (int n = 2; used.contains(name.toLowerCase(Locale.ROOT)); n++) name = stem + "-" + n;
      used.add(name.toLowerCase(Locale.ROOT));
      result.add(folder.resolve(name + ".csv"));
    }
    return result;
  }

  static String fileSafe(String s) {
    StringBuilder sb = new StringBuilder(s == null ? "" : s.strip());
    for (int i = 0; i < sb.length(); i++) {
      char ch = sb.charAt(i);
      if ("<>:\"/\\|?*".indexOf(ch) >= 0 || Character.isISOControl(ch)) sb.setCharAt(i, '_');
    }
    // Windows drops trailing dots and spaces, and a leading dot hides the file on Unix.
    String out = sb.toString().replaceAll("^[.\\s]+|[.\\s]+$", "");
    return out.length() > 100 ? out.substring(0, 100) : out;
  }

  /** RFC 4180: quote a field holding the delimiter, a quote or a line break, or with edge spaces. */
  static void field(Writer w, String v, char delimiter) throws IOException {
    if (needsQuotes(v, delimiter)) {
      w.write('"');
      w.write(v.replace("\"", "\"\""));
      w.write('"');
    } else {
      w.write(v);
    }
  }

  private static boolean needsQuotes(String v, char delimiter) {
    int n = v.length();
    if (n == 0) return false;
    // Edge spaces are data (Online Retail descriptions have them); many readers trim them unless quoted.
    if (v.charAt(0) == ' ' || v.charAt(n - 1) == ' ') return true;
    for (int i = 0; i < n; i++) {
      char ch = v.charAt(i);
      if (ch == delimiter || ch == '"' || ch == '\n' || ch == '\r') return true;
    }
    return false;
  }
}
