package dev.segmentlab.cli;

import dev.segmentlab.core.data.DatasetReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input file and how to read it: shared by every command. */
final class InputOptions {
  @Parameters(index = "0", paramLabel = "FILE", description = "CSV, TSV, TXT (optionally .gz) or XLSX file.")
  Path file;

  @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first).")
  String sheet;

  DatasetReader.Options readerOptions() { return DatasetReader.Options.defaults().withSheet(sheet); }
}
