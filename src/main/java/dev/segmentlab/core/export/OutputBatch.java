package dev.segmentlab.core.export;

import dev.segmentlab.core.concurrent.RunControl;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Several output files written all or nothing: each is {@linkplain #stage staged} into a temporary file in its
 * own folder, and only {@link #commit} moves them into place, all of them or (on any failure) none. A target
 * that appeared after the check (another run writing the same name) is not replaced unless {@code overwrite}
 * is on; a replaced file is restored when a later one fails. {@link #close} removes what was not committed; the
 * temporaries are also removed when the JVM is shut down (SIGTERM, Ctrl-C) and, after a hard kill, by the next
 * write into that folder (see {@link SafeFileWriter#removeStale}).
 *
 * <pre>{@code
 * try (OutputBatch batch = OutputBatch.open(force)) {
 *   batch.check(xlsx);                       // before any work: folder exists, name free, …
 *   batch.check(workspace);
 *   … the long run …
 *   batch.stage(xlsx, out -> XlsxExporter.write(out, sheets, options, RunControl.none()));
 *   batch.stage(workspace, out -> out.write(json));
 *   batch.commit();                          // both, or neither
 * }
 * }</pre>
 *
 * Not thread-safe: one thread drives a batch.
 */
public final class OutputBatch implements AutoCloseable {
  private final boolean overwrite;
  private final Map<Path, Path> staged = new LinkedHashMap<>(); // target → temporary
  private boolean committed;

  private OutputBatch(boolean overwrite) { this.overwrite = overwrite; }

  /** @param overwrite whether existing targets may be replaced (the CLI's --force) */
  public static OutputBatch open(boolean overwrite) { return new OutputBatch(overwrite); }

  /** Whether existing targets may be replaced. */
  public boolean overwrite() { return overwrite; }

  /**
   * Checks a target before any work: its folder exists and is a folder, the name is not a folder, and it does
   * not exist unless {@code overwrite}.
   *
   * @return the absolute, normalised target
   * @throws ExportException naming the target and what to do
   */
  public Path check(Path target) throws ExportException {
    Path file = target.toAbsolutePath().normalize();
    SafeFileWriter.checkTarget(file, overwrite);
    return file;
  }

  /**
   * Writes one target's content into a temporary file beside it (nothing visible under the target's name yet).
   *
   * @return the absolute, normalised target
   * @throws ExportException as {@link #check}, when the same target is staged twice, or when writing fails
   */
  public Path stage(Path target, SafeFileWriter.ContentWriter content) throws ExportException {
    Objects.requireNonNull(content, "content");
    Path file = target.toAbsolutePath().normalize();
    if (!overwrite && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) throw appeared(file);
    check(file);
    if (staged.containsKey(file)) {
      throw new ExportException(file + " is named twice among the outputs; give each output its own name.");
    }
    if (committed) throw new IllegalStateException("batch already committed");
    staged.put(file, SafeFileWriter.writeTemp(file, content));
    return file;
  }

  /** The targets staged so far, in order. */
  public List<Path> targets() { return List.copyOf(staged.keySet()); }

  /**
   * Moves every staged file into place, in staging order. When one cannot be placed (it appeared meanwhile and
   * {@code overwrite} is off, it is locked, …) the ones already placed are taken back: new files removed,
   * replaced files restored.
   *
   * @return the targets, in staging order
   * @throws ExportException naming the target that failed and what to do; no target is left changed
   */
  public List<Path> commit() throws ExportException {
    if (committed) throw new IllegalStateException("batch already committed");
    List<Path[]> done = new ArrayList<>(); // {target, backup or null}
    boolean ok = false;
    try {
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        Path target = e.getKey();
        Path temp = e.getValue();
        if (!overwrite) {
          publishNew(temp, target);
          done.add(new Path[] {target, null});
        } else {
          Path backup = backup(target);
          try {
            SafeFileWriter.move(temp, target, true);
          } catch (ExportException ex) {
            if (backup != null) SafeFileWriter.deleteQuietly(backup);
            throw ex;
          }
          done.add(new Path[] {target, backup});
        }
      }
      ok = true;
      committed = true;
      for (Path[] d : done) if (d[1] != null) SafeFileWriter.deleteQuietly(d[1]);
      return targets();
    } finally {
      if (!ok) rollBack(done);
    }
  }

  /** Removes the temporary files not committed; safe to call more than once. */
  @Override public void close() {
    for (Path temp : staged.values()) SafeFileWriter.deleteQuietly(temp);
    if (!committed) staged.clear();
  }

  /**
   * Places a new file without replacing one that appeared since the check: a hard link fails atomically if the
   * name is taken. Where links are not supported, a move that refuses an existing target (a short race left).
   */
  static void publishNew(Path temp, Path target) throws ExportException {
    try {
      Files.createLink(target, temp);
      SafeFileWriter.deleteQuietly(temp);
      return;
    } catch (FileAlreadyExistsException e) {
      throw appeared(target);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // no hard links here (FAT, some network shares): fall through to a move
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) throw appeared(target);
    try {
      Files.move(temp, target);
      SafeFileWriter.LIVE.remove(temp);
    } catch (FileAlreadyExistsException e) {
      throw appeared(target);
    } catch (IOException e) {
      SafeFileWriter.move(temp, target, false); // reports the reason the usual way
    }
  }

  private static ExportException appeared(Path target) {
    return new ExportException(target + " was created by another program while this run was working; nothing was "
        + "written. Choose another name, or allow replacing it (--force).");
  }

  /** A hard link to the file about to be replaced, so that it can be put back; null when there is none. */
  private static Path backup(Path target) {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return null;
    try {
      Path b = SafeFileWriter.tempName(target.getParent(), target);
      Files.createLink(b, target);
      SafeFileWriter.LIVE.add(b);
      return b;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null; // best effort: the replace itself is still atomic
    }
  }

  private static void rollBack(List<Path[]> done) {
    for (int i = done.size() - 1; i >= 0; i--) {
      Path target = done.get(i)[0];
      Path backup = done.get(i)[1];
      try {
        if (backup != null) {
          try {
            Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(backup, target, StandardCopyOption.REPLACE_EXISTING);
          }
          SafeFileWriter.LIVE.remove(backup);
        } else {
          Files.deleteIfExists(target);
        }
      } catch (IOException ignored) {
        // the failure that started the roll-back is the one to report
      }
    }
  }
}
