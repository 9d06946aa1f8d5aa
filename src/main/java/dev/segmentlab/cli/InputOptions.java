package dev.segmentlab.cli;

import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.DatasetReader;
import dev.segmentlab.core.concurrent.RunControl;
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

  DatasetReader.Options readerOptions() { return DatasetReader.Options.defaults().withSheet(sheet); }

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
