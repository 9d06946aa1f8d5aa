package dev.segmentlab.core.data;

/**
 * A file could not be read as a dataset. The message is written for the analyst: it says what is wrong and,
 * where it can, what to do. The GUI shows it as it is; the CLI prints it on one line and exits 2.
 */
public class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataException(String message) { super(message); }

  public DataException(String message, Throwable cause) { super(message, cause); }
}
