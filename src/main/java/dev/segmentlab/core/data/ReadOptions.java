package dev.segmentlab.core.data;

import java.util.List;
import java.util.Map;

/**
 * What the analyst asked of a read, whatever the input: the sheet, the column mapping and the mode.
 *
 * @param sheet the XLSX sheet to read (null = the first)
 * @param mapping role → column name chosen by the analyst (null = detect from the headers)
 * @param mode force a mode (null = transactions when the required roles map, else customers)
 */
public record ReadOptions(String sheet, Map<Role, String> mapping, Mode mode) {
  public static ReadOptions defaults() { return new ReadOptions(null, null, null); }

  public ReadOptions withSheet(String s) { return new ReadOptions(s, mapping, mode); }

  public ReadOptions withMapping(Map<Role, String> m) { return new ReadOptions(sheet, m, mode); }

  /** The analyst's mapping of these headers, or the one detected from them. */
  ColumnMapping mappingOf(List<String> headers) {
    return mapping != null ? ColumnMapping.of(headers, mapping) : ColumnMapping.detect(headers);
  }

  /** The mode asked for, or the one the columns show (see {@link ColumnMapping#mode}). */
  Mode modeOf(ColumnMapping columns) {
    return columns.mode(mode);
  }
}
