package dev.segmentlab.core.pipeline;

/**
 * An option that does not fit the data or the other options. The message speaks of the option in words
 * ("the largest k"); {@link #option()} names it by its key so that the CLI can name its flag ({@code --k-max})
 * and the app its control.
 */
public final class OptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String option;

  /**
   * @param option the option's key as in {@link PipelineOptions}' components (e.g. {@code kMax})
   * @param message a sentence that says what is wrong and what to do, without naming a flag
   */
  public OptionException(String option, String message) {
    super(message);
    this.option = option;
  }

  /** The option's key, e.g. {@code kMax}. */
  public String option() {
    return option;
  }
}
