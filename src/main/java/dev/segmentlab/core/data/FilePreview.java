package dev.segmentlab.core.data;

import java.util.List;

/**
 * The first rows of an input, for the mapping dialog.
 *
 * @param sheets the workbook's sheet names (empty for other inputs)
 * @param sheet the sheet shown (null for other inputs)
 */
public record FilePreview(List<String> headers, List<List<String>> rows, ColumnMapping detected, List<String> sheets,
    String sheet) {}
