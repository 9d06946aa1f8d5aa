package dev.segmentlab.cli;

import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.LoadReport;
import dev.segmentlab.core.quality.CleaningReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Load and cleaning reports as JSON maps and as text. */
final class Reports {
  private Reports() {}

  static Map<String, Object> profile(Dataset d) {
    LoadReport r = d.report();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", r.file());
    m.put("format", r.format());
    if (r.sheet() != null) m.put("sheet", r.sheet());
    if (!r.sheets().isEmpty()) m.put("sheets", r.sheets());
    m.put("bytes", r.bytes());
    m.put("rows", r.rows());
    m.put("rejected", r.rejected());
    m.put("reject_reasons", r.rejectReasons());
    List<Map<String, Object>> ex = new ArrayList<>();
    for (LoadReport.Rejection x : r.examples()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("line", x.line());
      e.put("reason", x.reason());
      e.put("text", x.text());
      ex.add(e);
    }
    m.put("rejected_examples", ex);
    m.put("encoding", r.encoding());
    m.put("warnings", r.warnings());
    m.put("replaced_characters", r.replacedCharacters());
    m.put("delimiter", r.delimiter());
    m.put("date_format", r.dateFormat());
    m.put("mode", r.mode().key());
    m.put("mapping", r.mapping());
    List<Map<String, Object>> cols = new ArrayList<>();
    for (LoadReport.ColumnSummary c : r.columns()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", c.name());
      e.put("type", c.type());
      e.put("missing", c.missing());
      e.put("distinct", c.distinct());
      if (c.role() != null) e.put("role", c.role());
      cols.add(e);
    }
    m.put("columns", cols);
    m.put("customers", r.customers());
    return m;
  }

  static List<Map<String, Object>> cleaning(CleaningReport c) {
    List<Map<String, Object>> steps = new ArrayList<>();
    for (CleaningReport.Step s : c.steps()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("rule", s.rule().label());
      e.put("key", s.rule().key());
      e.put("removed", s.removed());
      e.put("remaining", s.remaining());
      steps.add(e);
    }
    return steps;
  }

  /** The load report's warnings, one "warning: …" line each (on stderr, so that --json stays one object). */
  static void warn(PrintWriter err, Dataset d) {
    for (String w : d.report().warnings()) err.println("warning: " + w.replace('\n', ' '));
  }

  static void printProfile(PrintWriter out, Dataset d) {
    LoadReport r = d.report();
    out.printf("%s: %,d rows read, %,d rejected (%s, %s)%n", r.file(), r.rows(), r.rejected(), r.format(),
        r.encoding());
    if (r.delimiter() != null) out.printf("  delimiter '%s'%n", r.delimiter());
    if (r.sheet() != null) out.printf("  sheet '%s' of %s%n", r.sheet(), r.sheets());
    if (r.dateFormat() != null) out.printf("  dates %s%n", r.dateFormat());
    out.printf("  mode %s; %,d distinct customers%n", r.mode().key(), r.customers());
    out.printf("  mapping %s%n", r.mapping());
    r.rejectReasons().forEach((k, v) -> out.printf("  rejected: %,d × %s%n", v, k));
    for (LoadReport.Rejection x : r.examples()) out.printf("    line %d: %s%n", x.line(), x.reason());
    out.printf("  %-28s %-9s %10s %10s%n", "column", "type", "missing", "distinct");
    for (LoadReport.ColumnSummary c : r.columns()) {
      out.printf("  %-28s %-9s %,10d %,10d%s%n", c.name(), c.type(), c.missing(), c.distinct(),
          c.role() == null ? "" : "  (" + c.role() + ")");
    }
  }

  static void printCleaning(PrintWriter out, CleaningReport c) {
    out.printf("cleaning: %,d rows", c.rowsBefore());
    for (CleaningReport.Step s : c.steps()) out.printf(" → −%,d %s", s.removed(), s.rule().label());
    out.printf(" → %,d rows, %,d customers%n", c.rowsAfterCleaning(), c.customers());
  }
}
