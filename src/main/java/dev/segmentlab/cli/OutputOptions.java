package dev.segmentlab.cli;

import dev.segmentlab.core.pipeline.ExportRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how {@code segment} and {@code assign} write their customers: shared so the two stay alike. */
final class OutputOptions {
  @Option(names = "--out", paramLabel = "FILE.xlsx|FILE.csv", description = "Write the segments: a workbook with "
      + "Customers, Segments, one sheet per segment, Sweep, Cleaning and Parameters; or the Customers table as CSV.")
  Path out;

  @Option(names = "--force", description = "Replace output files that exist.")
  boolean force;

  @Option(names = "--bom", description = "Start the CSV with a UTF-8 byte-order mark (for Excel).")
  boolean bom;

  @Option(names = "--per-segment", description = "With a CSV --out, also write one CSV per segment beside it.")
  boolean perSegment;

  /** The export to write, or null without {@code --out}. */
  ExportRequest request() { return out == null ? null : ExportRequest.of(out, bom, perSegment, force); }

  /** Refuses, before any work, to overwrite an existing file without {@code --force}. */
  void checkFree(Path target) {
    if (target == null || force) return;
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + " already exists; add --force to replace it or choose another name.");
    }
  }
}
