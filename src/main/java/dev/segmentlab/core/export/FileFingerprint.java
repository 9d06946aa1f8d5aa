package dev.segmentlab.core.export;

import dev.segmentlab.core.concurrent.RunControl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Size and SHA-256 of a file, so a workspace can tell whether its input file is still the one it was built
 * from. Read streaming in 64 KiB chunks: memory does not grow with the file.
 *
 * <pre>{@code
 * FileFingerprint fp = FileFingerprint.of(Path.of("online_retail.csv"));
 * boolean same = fp.equals(FileFingerprint.of(workspace.inputPath()));
 * }</pre>
 *
 * @param size the file length in bytes, &gt;= 0
 * @param sha256 64 lower-case hex digits
 */
public record FileFingerprint(long size, String sha256) {
  private static final int CHUNK = 1 << 16;

  public FileFingerprint {
    if (size < 0) throw new IllegalArgumentException("size must be >= 0, was " + size);
    if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits, was " + sha256);
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
  }

  /** {@link #of(Path, RunControl)} without progress or cancellation. */
  public static FileFingerprint of(Path file) throws ExportException {
    return of(file, RunControl.none());
  }

  /**
   * Reads the whole file once.
   *
   * @param rc its progress: fraction of the bytes read, 0..1; its cancellation check: polled per chunk; when
   *     true, stops with a {@link CancellationException}
   * @throws ExportException if the file is missing or unreadable (the message names it)
   */
  public static FileFingerprint of(Path file, RunControl rc)
      throws ExportException {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      long expected = Math.max(1, Files.size(file));
      byte[] buf = new byte[CHUNK];
      long read = 0;
      progress.accept(0);
      for (int n; (n = in.read(buf)) > 0; ) {
        if (cancelled.getAsBoolean()) throw new CancellationException("fingerprint cancelled");
        digest.update(buf, 0, n);
        read += n;
        progress.accept(Math.min(1.0, (double) read / expected));
      }
      progress.accept(1);
      // The bytes counted, not Files.size, so size and hash describe the same content.
      return new FileFingerprint(read, HexFormat.of().formatHex(digest.digest()));
    } catch (NoSuchFileException e) {
      throw new ExportException("The file " + file + " does not exist; check the path or choose the file again.", e);
    } catch (IOException e) {
      throw new ExportException("Cannot read " + file + ": " + e.getMessage() + "; check that it is readable.", e);
    }
  }

  /** Whether {@code file} has this size and hash; a different size answers without reading the file. */
  public boolean matches(Path file) throws ExportException {
    try {
      if (Files.size(file) != size) return false;
    } catch (IOException e) {
      return false;
    }
    return equals(of(file));
  }
}
