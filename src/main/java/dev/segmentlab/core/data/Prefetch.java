package dev.segmentlab.core.data;

import java.nio.file.Path;

/**
 * A head start for a one-shot command: inflating a .gz input on a background thread while the command line
 * sets itself up. The next read of the same unchanged file by {@link DatasetReader} (with an executor) takes the
 * inflated bytes over; nothing changes in what it returns. Meant for a process that reads one file and ends:
 * bytes that nobody reads stay in memory until the next prefetch.
 */
public final class Prefetch {
  private Prefetch() {}

  /** Starts inflating {@code file} if it is a large enough .gz file; never fails. */
  public static void gzip(Path file) {
    OverlappedGzip.prefetch(file);
  }
}
