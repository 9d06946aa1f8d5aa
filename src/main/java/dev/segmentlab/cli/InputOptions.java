package dev.segmentlab.cli;

import dev.segmentlab.core.data.DatasetReader;
import dev.segmentlab.core.data.Mode;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input file and how to read it: shared by every command. */
final class InputOptions {
  @Parameters(index = "0", paramLabel = "FILE", description = "CSV, TSV, TXT (optionally .gz) or XLSX file.")
  Path file;

  @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first).")
  String sheet;

  @Option(names = "--mode", paramLabel = "transactions|customers", description = "How to read the file: "
      + "transactions (one row per invoice line) or customers (one row per customer). Default: from the columns; "
      + "a file that is neither clearly is an error.")
  String mode;

  DatasetReader.Options readerOptions() {
    return new DatasetReader.Options(sheet, null, parseMode(mode));
  }

  /** {@code --mode}'s value, or null when not given. */
  static Mode parseMode(String mode) {
    if (mode == null) return null;
    for (Mode m : Mode.values()) if (m.key().equalsIgnoreCase(mode.trim())) return m;
    throw new IllegalArgumentException("--mode must be transactions or customers, not '" + mode + "'.");
  }
}
