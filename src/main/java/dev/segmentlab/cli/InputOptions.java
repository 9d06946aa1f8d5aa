package dev.segmentlab.cli;

import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.ReadOptions;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.pipeline.Stages;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input file and how to read it: shared by every command. */
final class InputOptions {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "CSV, TSV, TXT (optionally .gz), XLSX or Parquet file (or --jdbc).")
  Path file;

  @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first).")
  String sheet;

  @Option(names = "--mode", paramLabel = "transactions|customers", description = "How to read the file: "
      + "transactions (one row per invoice line) or customers (one row per customer). Default: from the columns; "
      + "a file that is neither clearly is an error.")
  String mode;

  ReadOptions readerOptions() {
    return new ReadOptions(sheet, null, parseMode(mode));
  }

  /** {@code --mode}'s value, or null when not given. */
  static Mode parseMode(String mode) {
    if (mode == null) return null;
    for (Mode m : Mode.values()) if (m.key().equalsIgnoreCase(mode.trim())) return m;
    throw new IllegalArgumentException("--mode must be transactions or customers, not '" + mode + "'.");
  }

  @Mixin DatabaseOptions database = new DatabaseOptions();

  /** Reads FILE or the --jdbc table or query (the load stage). */
  Dataset read(Stages stages, RunControl rc) {
    database.checkUnused();
    if (database.given()) {
      if (file != null) throw new IllegalArgumentException("Give either FILE or --jdbc, not both.");
      return stages.load(database.source(), readerOptions(), rc);
    }
    if (file == null) throw new IllegalArgumentException("Missing FILE: give a data file or --jdbc URL.");
    return stages.load(file, readerOptions(), rc);
  }
}
