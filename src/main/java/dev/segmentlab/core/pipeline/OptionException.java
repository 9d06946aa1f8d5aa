package dev.segmentlab.core.pipeline;

/**
 * An option that does not fit the data or the other options. The message speaks of the option in words
 * ("the largest k"); {@link #option()} names it by its key so that the CLI can name its flag ({@code --k-max})
 * and the app its control.
 */
public final class OptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String option;
  private final Object value;

  /**
   * @param option the option's key as in {@link PipelineOptions}' components (e.g. {@code kMax})
   * @param value the value given, or null
   * @param message a sentence that says what is wrong and what to do, without naming a flag
   */
  public OptionException(String option, Object value, String message) {
    super(message);
    this.option = option;
    this.value = value;
  }

  /** The value given (e.g. {@code 31}), or null. */
  public Object value() {
    return value;
  }

  /** The option's key, e.g. {@code kMax}. */
  public String option() {
    return option;
  }
}
