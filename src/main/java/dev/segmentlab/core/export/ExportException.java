package dev.segmentlab.core.export;

import java.io.IOException;

/**
 * An export or workspace file could not be written or read. The message is meant for the analyst as it
 * stands: it names the file and says what to do (choose another name, another folder, close the file, ...),
 * so the GUI can show it in a dialog and the CLI can print it as its one-line error.
 *
 * <p>It extends {@link IOException} so that a content writer handed to {@link SafeFileWriter} can throw it
 * straight through.
 */
public class ExportException extends IOException {
  private static final long serialVersionUID = 1L;

  /** @param message a complete sentence for the analyst */
  public ExportException(String message) {
    super(message);
  }

  /**
   * @param message a complete sentence for the analyst
   * @param cause the low-level failure, kept for logs
   */
  public ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
