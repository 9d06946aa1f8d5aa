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
import java.util.Objects;

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
    Path folder = checkTarget(file, overwrite);
    Path temp = createTemp(folder, file);
    boolean moved = false;
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
      move(temp, file, overwrite);
      moved = true;
    } finally {
      if (!moved) deleteQuietly(temp);
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

  private static Path createTemp(Path folder, Path file) throws ExportException {
    try {
      // Same folder as the target, so the final rename stays on one file system and can be atomic. Not
      // Files.createTempFile: its 0600 permissions would carry over to the export, while createFile honours
      // the umask like any other new file.
      for (int attempt = 0; ; attempt++) {
        Path temp = folder.resolve("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
          Files.createFile(temp);
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

  private static void move(Path temp, Path file, boolean overwrite) throws ExportException {
    try {
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some network and FUSE file systems cannot rename atomically; a plain replace is the best left.
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
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

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
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
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) { super(out); }

    @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

    @Override public void close() throws IOException { out.flush(); }
  }
}
