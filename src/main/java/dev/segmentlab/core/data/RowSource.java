package dev.segmentlab.core.data;

import java.util.List;

/**
 * Typed rows from a source that is not text (a database result, a Parquet file), for {@link RecordReader}. One
 * object per source; not thread-safe.
 */
interface RowSource extends AutoCloseable {
  /** What a column holds, as the source declares it: decides whether it may play a role. */
  enum Kind {
    TEXT, NUMBER, DATETIME, BOOLEAN, BINARY, OTHER;

    /** A word for messages: "text", "numbers", "dates", ... */
    String noun() {
      return switch (this) {
        case TEXT -> "text";
        case NUMBER -> "numbers";
        case DATETIME -> "dates";
        case BOOLEAN -> "true/false values";
        case BINARY -> "binary data";
        case OTHER -> "values of another type";
      };
    }
  }

  List<String> headers();

  /** The kind of column {@code i}, and its type as the source names it (for messages). */
  Kind kind(int i);

  String typeName(int i);

  /**
   * Fills {@code row} with the next row's values (null = missing): String, Number, Boolean or
   * {@link java.time.temporal.TemporalAccessor}. Only the columns whose {@code wanted} flag is set need filling.
   *
   * @return false after the last row
   * @throws DataException when the source fails while reading
   */
  boolean next(Object[] row, boolean[] wanted);

  /** The number of rows expected, or -1 when unknown (for progress). */
  long expectedRows();

  @Override void close();
}
