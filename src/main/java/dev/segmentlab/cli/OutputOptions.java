package dev.segmentlab.cli;

import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.OutputBatch;
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

  /**
   * Checks every output before any work (name free unless --force, folder there, not a folder, not named
   * twice) and opens the batch that writes them all or none.
   *
   * @param workspace the {@code --save-workspace} file, or null
   * @throws IllegalArgumentException or ExportException saying which option's file is wrong and what to do
   */
  OutputBatch checkAll(Path workspace) throws ExportException {
    if (out != null) ExportRequest.Format.of(out);
    checkFree(out);
    checkFree(workspace);
    if (out != null && workspace != null
        && out.toAbsolutePath().normalize().equals(workspace.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--out and --save-workspace name the same file " + out
          + "; give each its own name.");
    }
    OutputBatch batch = OutputBatch.open(force);
    check(batch, "--out", out);
    check(batch, "--save-workspace", workspace);
    return batch;
  }

  private static void check(OutputBatch batch, String option, Path target) throws ExportException {
    if (target == null) return;
    try {
      batch.check(target);
    } catch (ExportException e) {
      throw new ExportException(option + " " + target + ": " + e.getMessage(), e);
    }
  }

  /** Refuses, before any work, to overwrite an existing file without {@code --force}. */
  void checkFree(Path target) {
    if (target == null || force) return;
    if (Files.exists(target)) {
      throw new IllegalArgumentException(target + " already exists; add --force to replace it or choose another name.");
    }
  }
}
