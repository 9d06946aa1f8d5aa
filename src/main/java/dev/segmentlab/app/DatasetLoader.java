package dev.segmentlab.app;

import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.DatasetReader;
import dev.segmentlab.core.data.Datasets;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/** How the app reads a file or a database (a seam so that UI tests can hold a load in flight). */
@FunctionalInterface
public interface DatasetLoader {
  Dataset load(Path file, DatasetReader.Options options, Executor executor, DoubleConsumer progress,
      BooleanSupplier cancelled);

  static DatasetLoader standard() { return Datasets::read; }

  /** How the app reads a database table or query (the front door, unless a test replaces it). */
  default Dataset load(DatabaseSource source, DatasetReader.Options options, Executor executor,
      DoubleConsumer progress, BooleanSupplier cancelled) {
    return Datasets.read(source, options, executor, progress, cancelled);
  }
}
