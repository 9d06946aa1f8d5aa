package dev.segmentlab.core.data;

import java.util.List;

/**
 * The columns do not say how to read the file, and guessing could silently give a wrong segmentation: it looks
 * like transactions but lacks a required column, or it would be read as a customer table without a customer id
 * column. The app answers with its column-mapping dialog; the command line names its options
 * ({@code --mode customers}).
 */
public final class MappingNeeded extends DataException {
  private static final long serialVersionUID = 1L;

  private final transient List<Role> missing;

  /**
   * @param missing the roles that could not be found (customer id for a customer table without one)
   */
  public MappingNeeded(String message, List<Role> missing) {
    super(message);
    this.missing = List.copyOf(missing);
  }

  /** The roles not found, in role order. */
  public List<Role> missing() { return missing; }
}
