package dev.segmentlab.spark;

/** A problem with the input or the options, told to the user as one line (exit 2), never as a stack trace. */
public final class JobException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobException(String message) { super(message); }

  public JobException(String message, Throwable cause) { super(message, cause); }
}
