package dev.segmentlab.core.data;

import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;

/**
 * What was read from a file and how: counts, rejected rows with reasons and examples, and the detected format.
 *
 * @param file the file name (no folder)
 * @param format {@code csv} or {@code xlsx}
 * @param sheet the sheet read (XLSX), else null
 * @param sheets every sheet of the workbook (XLSX), else empty
 * @param rows rows loaded (not counting the header or rejected rows)
 * @param rejected rows that could not be read and were skipped
 * @param rejectReasons reason → count
 * @param examples up to 10 rejected rows with their line numbers
 * @param encoding e.g. {@code UTF-8} or {@code windows-1252}
 * @param delimiter the field separator as written ({@code ,} {@code ;} or {@code \t}); null for XLSX
 * @param dateFormat the date pattern chosen and why; null in customer-table mode
 * @param mode transactions or customers
 * @param mapping role key → column name
 * @param columns a summary per column
 * @param customers distinct non-blank customer ids
 * @param bytes size of the file in bytes
 * @param warnings what the analyst should know about how the file was read (e.g. a charset fallback); may be empty
 * @param replacedCharacters characters that were not valid in the encoding the file declared (a UTF-8
 *     byte-order mark) and were read in the fallback encoding instead; 0 when none or unknown
 */
public record LoadReport(String file, String format, String sheet, List<String> sheets, int rows, int rejected,
    Map<String, Integer> rejectReasons, List<Rejection> examples, String encoding, String delimiter,
    String dateFormat, Mode mode, Map<String, String> mapping, List<ColumnSummary> columns, int customers,
    long bytes, List<String> warnings, long replacedCharacters) {

  /** A report without warnings. */
  public LoadReport(String file, String format, String sheet, List<String> sheets, int rows, int rejected,
      Map<String, Integer> rejectReasons, List<Rejection> examples, String encoding, String delimiter,
      String dateFormat, Mode mode, Map<String, String> mapping, List<ColumnSummary> columns, int customers,
      long bytes) {
    this(file, format, sheet, sheets, rows, rejected, rejectReasons, examples, encoding, delimiter, dateFormat, mode,
        mapping, columns, customers, bytes, List.of(), 0);
  }

  /** This report read in {@code newEncoding}, with a warning and the count of characters concerned. */
  public LoadReport withEncodingFallback(String newEncoding, String warning, long replaced) {
    List<String> w = new ArrayList<>(warnings);
    w.add(warning);
    return new LoadReport(file, format, sheet, sheets, rows, rejected, rejectReasons, examples, newEncoding, delimiter,
        dateFormat, mode, mapping, columns, customers, bytes, w, replaced);
  }

  public LoadReport {
    warnings = List.copyOf(warnings);
    sheets = List.copyOf(sheets);
    rejectReasons = Map.copyOf(rejectReasons);
    examples = List.copyOf(examples);
    mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    columns = List.copyOf(columns);
  }

  /** A row that was skipped: its 1-based line in the file, why, and its first characters. */
  public record Rejection(int line, String reason, String text) {}

  /** Per-column type and counts; {@code type} is {@code text}, {@code number} or {@code datetime}. */
  public record ColumnSummary(String name, String type, int missing, int distinct, String role) {}
}
