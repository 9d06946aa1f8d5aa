package dev.segmentlab.core.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.nio.file.DirectoryStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.FilterOutputStream;

/**
 * Writes a file all-or-nothing: the content goes to a hidden temporary file in the target's folder, which is
 * then moved into place in one atomic rename. A crash, a full disk, a cancellation or an exception from the
 * content writer therefore never leaves a half-written export, nor a stray temporary file, and an existing
 * file is either replaced whole or left exactly as it was.
 *
 * <pre>{@code
 * SafeFileWriter.write(Path.of("segments.csv"), overwrite, out -> out.write(bytes));
 * }</pre>
 */
public final class SafeFileWriter {
  private static final int BUFFER = 1 << 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Temporary files of this process not yet moved into place or deleted; a shutdown hook (SIGTERM, SIGINT /
   * Ctrl-C, System.exit) removes them, so an interrupted export leaves nothing behind. A hard kill (SIGKILL)
   * runs no hook: the name carries the process id, and the next write into the folder removes them.
   */
  static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  /** Our temporary names: {@code .<target name>.<pid>-<hex>.tmp}. */
  private static final Pattern OURS = Pattern.compile("\\..+\\.(\\d+)-[0-9a-f]{1,16}\\.tmp");

  /**
   * The earlier naming, {@code .<target name>.<hex>.tmp}, without a process id: only for the kinds of file we
   * write, so that another program's hidden temporaries are left alone.
   */
  private static final Pattern OURS_BEFORE =
      Pattern.compile("\\..+\\.(?i:xlsx|csv|json|png|svg|pdf|html)\\.[0-9a-f]{1,16}\\.tmp");

  /** A temporary file of the old naming (no process id) is taken for abandoned when untouched this long. */
  private static final Duration OLD_NAMING_STALE = Duration.ofMinutes(10);

  static {
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (Path p : LIVE) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException | RuntimeException ignored) {
            // shutting down: nothing else to try
          }
        }
      }, "segmentlab-temp-cleanup"));
    } catch (IllegalStateException ignored) {
      // already shutting down
    }
  }

  private SafeFileWriter() {}

  /** Writes the whole content to the stream it is given; must not close it. */
  @FunctionalInterface
  public interface ContentWriter {
    /**
     * @param out a buffered stream into the temporary file
     * @throws IOException on failure; any exception (also unchecked, e.g. a cancellation) discards the file
     */
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code target} atomically.
   *
   * @param target the file to create or replace; its folder must exist
   * @param overwrite whether an existing {@code target} may be replaced (the GUI asks, the CLI has --force)
   * @param content writes the bytes; its exceptions propagate unchanged after the temporary file is removed
   * @throws ExportException if the target exists and {@code overwrite} is false, the folder is missing or not
   *     writable, the target is a folder or cannot be replaced (read-only, locked by another program), or
   *     the disk fails; the message says what to do. Nothing is left behind.
   */
  public static void write(Path target, boolean overwrite, ContentWriter content) throws ExportException {
    Objects.requireNonNull(content, "content");
    Path file = target.toAbsolutePath().normalize();
    checkTarget(file, overwrite);
    Path temp = writeTemp(file, content);
    boolean moved = false;
    try {
      // without overwrite, a file that appeared while this one was written is not replaced either
      if (overwrite) move(temp, file, true); else OutputBatch.publishNew(temp, file);
      moved = true;
    } finally {
      if (!moved) deleteQuietly(temp);
    }
  }

  /**
   * Writes the content into a new temporary file beside {@code file} and returns it (registered for removal at
   * JVM shutdown until it is moved or deleted through this class). Removes stale temporaries of earlier,
   * killed runs from the folder first.
   */
  static Path writeTemp(Path file, ContentWriter content) throws ExportException {
    Path folder = file.getParent();
    removeStale(folder);
    Path temp = createTemp(folder, file);
    boolean ok = false;
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER);
        content.write(new NonClosing(out));
        out.flush();
        // Make the bytes durable before the rename publishes them, or a power cut could leave an empty file.
        ch.force(true);
      } catch (ExportException e) {
        throw e;
      } catch (IOException e) {
        throw new ExportException("Could not write " + file + ": " + reason(e)
            + ". Check that the disk is not full and try again.", e);
      }
      ok = true;
      return temp;
    } finally {
      if (!ok) deleteQuietly(temp);
    }
  }

  /**
   * Checks what can be checked before any byte is written, so the common mistakes give a specific message.
   *
   * @return the folder the target goes into
   */
  static Path checkTarget(Path file, boolean overwrite) throws ExportException {
    Path folder = file.getParent();
    if (folder == null || file.getFileName() == null) {
      throw new ExportException("Cannot write to " + file + ": it is not a file name; choose a file inside a folder.");
    }
    if (!Files.exists(folder)) {
      throw new ExportException("The folder " + folder + " does not exist; choose an existing folder or create it first.");
    }
    if (!Files.isDirectory(folder)) {
      throw new ExportException("Cannot write " + file.getFileName() + " into " + folder
          + ": it is a file, not a folder; choose a folder.");
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new ExportException("Cannot write " + file + ": a folder of that name exists; choose another file name.");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      if (!overwrite) {
        throw new ExportException(file + " already exists; choose another name or allow replacing it.");
      }
      if (!Files.isWritable(file)) {
        throw new ExportException("Cannot replace " + file + ": it is read-only or locked by another program; "
            + "close it (for example in Excel) or choose another name.");
      }
    }
    return folder;
  }

  /** A fresh temporary name beside {@code file}: hidden, with this process's id, ending in {@code .tmp}. */
  static Path tempName(Path folder, Path file) {
    return folder.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
        + Long.toHexString(RANDOM.nextLong()) + ".tmp");
  }

  /**
   * Removes temporary files of our naming that no running process owns from {@code folder}: left by a run that
   * was killed (SIGKILL, a power cut) while writing. A file is stale when its process id is not running, or is
   * running but started after the file was last written (the id was reused); an old-style name without a
   * process id when untouched for 10 minutes. Best effort: errors are ignored.
   *
   * @return how many files were removed
   */
  public static int removeStale(Path folder) {
    if (folder == null || !Files.isDirectory(folder)) return 0;
    int removed = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, ".*.tmp")) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        Matcher m = OURS.matcher(name);
        boolean current = m.matches();
        if (!current && !OURS_BEFORE.matcher(name).matches()) continue;
        if (LIVE.contains(p) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
        try {
          Instant modified = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
          if (isStale(current ? m.group(1) : null, modified) && Files.deleteIfExists(p)) removed++;
        } catch (IOException | RuntimeException ignored) {
          // another run may have just moved or removed it
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // an unreadable folder: the write itself will say what is wrong
    }
    return removed;
  }

  private static boolean isStale(String pid, Instant modified) {
    if (pid == null) return modified.isBefore(Instant.now().minus(OLD_NAMING_STALE));
    long id;
    try {
      id = Long.parseLong(pid);
    } catch (NumberFormatException e) {
      return false;
    }
    if (id == ProcessHandle.current().pid()) return false; // ours and alive, though not in LIVE: leave it
    Optional<ProcessHandle> owner = ProcessHandle.of(id);
    if (owner.isEmpty() || !owner.get().isAlive()) return true;
    Optional<Instant> started = owner.get().info().startInstant();
    return started.isPresent() && started.get().isAfter(modified.plusSeconds(2));
  }

  private static Path createTemp(Path folder, Path file) throws ExportException {
    try {
      // Same folder as the target, so the final rename stays on one file system and can be atomic. Not
      // Files.createTempFile: its 0600 permissions would carry over to the export, while createFile honours
      // the umask like any other new file.
      for (int attempt = 0; ; attempt++) {
        Path temp = tempName(folder, file);
        try {
          Files.createFile(temp);
          LIVE.add(temp);
          copyPermissions(file, temp);
          return temp;
        } catch (FileAlreadyExistsException e) {
          if (attempt > 100) throw e;
        }
      }
    } catch (AccessDeniedException e) {
      throw new ExportException("Cannot write to the folder " + folder
          + ": permission denied; choose another folder.", e);
    } catch (IOException e) {
      throw new ExportException("Cannot write to the folder " + folder + ": " + reason(e)
          + "; choose another folder.", e);
    }
  }

  static void move(Path temp, Path file, boolean overwrite) throws ExportException {
    try {
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some network and FUSE file systems cannot rename atomically; a plain replace is the best left.
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      LIVE.remove(temp);
    } catch (AccessDeniedException e) {
      throw new ExportException("Cannot " + (overwrite ? "replace " : "create ") + file
          + ": it is read-only or locked by another program; close it (for example in Excel) or choose another name.", e);
    } catch (FileSystemException e) {
      throw new ExportException("Cannot " + (overwrite ? "replace " : "create ") + file + ": " + reason(e)
          + "; close any program that has it open, or choose another name.", e);
    } catch (IOException e) {
      throw new ExportException("Cannot create " + file + ": " + reason(e) + "; choose another name or folder.", e);
    }
  }

  /** A replaced export keeps the permissions the analyst gave the old one (best effort, POSIX only). */
  private static void copyPermissions(Path from, Path to) {
    try {
      if (Files.exists(from) && Files.getFileStore(to).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
      }
    } catch (IOException | UnsupportedOperationException ignored) {
      // The default permissions of a new file are an acceptable fallback.
    }
  }

  static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
      LIVE.remove(temp);
    } catch (IOException ignored) {
      // Nothing better to do: the original failure is the one worth reporting.
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "the path does not exist";
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Keeps a content writer (or a library it calls, like a zip writer) from closing the stream early. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) { super(out); }

    @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

    @Override public void close() throws IOException { out.flush(); }
  }
}
