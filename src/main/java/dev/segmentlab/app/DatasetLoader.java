package dev.segmentlab.app;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.data.DatabaseSource;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Datasets;
import dev.segmentlab.core.data.ReadOptions;
import java.nio.file.Path;

/** How the app reads a file or a database (a seam so that UI tests can hold a load in flight). */
@FunctionalInterface
public interface DatasetLoader {
  Dataset load(Path file, ReadOptions options, RunControl rc);

  static DatasetLoader standard() { return Datasets::read; }

  /** How the app reads a database table or query (the front door, unless a test replaces it). */
  default Dataset load(DatabaseSource source, ReadOptions options, RunControl rc) {
    return Datasets.read(source, options, rc);
  }
}
