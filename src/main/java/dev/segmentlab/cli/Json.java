package dev.segmentlab.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * JSON output of the CLI: the key names are a contract (add freely, rename nothing). Reports are built as maps,
 * lists, arrays, strings, numbers, booleans and nulls and written with Jackson's streaming generator, in the
 * layout of its default pretty printer. Not through an ObjectMapper: setting one up is a noticeable share of a
 * short command-line run, and these values need none of its data binding.
 */
final class Json {
  private Json() {}

  private static final JsonFactory FACTORY = new JsonFactory();

  static String write(Object o) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      value(g, o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** NaN and infinities are not JSON: they become null. */
  static Object num(double v) { return Double.isFinite(v) ? (Object) v : null; }

  private static void value(JsonGenerator g, Object o) throws IOException {
    if (o == null) {
      g.writeNull();
    } else if (o instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (o instanceof Iterable<?> items) {
      g.writeStartArray();
      for (Object item : items) value(g, item);
      g.writeEndArray();
    } else if (o instanceof Object[] items) {
      g.writeStartArray();
      for (Object item : items) value(g, item);
      g.writeEndArray();
    } else if (o instanceof double[] a) {
      g.writeStartArray();
      for (double v : a) value(g, num(v));
      g.writeEndArray();
    } else if (o instanceof int[] a) {
      g.writeStartArray();
      for (int v : a) g.writeNumber(v);
      g.writeEndArray();
    } else if (o instanceof long[] a) {
      g.writeStartArray();
      for (long v : a) g.writeNumber(v);
      g.writeEndArray();
    } else if (o instanceof boolean[] a) {
      g.writeStartArray();
      for (boolean v : a) g.writeBoolean(v);
      g.writeEndArray();
    } else if (o instanceof Double v) {
      // Jackson would write NaN and infinities as strings: a string where a number belongs
      if (Double.isFinite(v)) g.writeNumber(v); else g.writeNull();
    } else if (o instanceof Float v) {
      if (Float.isFinite(v)) g.writeNumber(v); else g.writeNull();
    } else if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
      g.writeNumber(((Number) o).intValue());
    } else if (o instanceof Long v) {
      g.writeNumber(v);
    } else if (o instanceof BigDecimal v) {
      g.writeNumber(v);
    } else if (o instanceof BigInteger v) {
      g.writeNumber(v);
    } else if (o instanceof Boolean v) {
      g.writeBoolean(v);
    } else if (o instanceof CharSequence || o instanceof Enum<?> || o instanceof Character) {
      g.writeString(o.toString());
    } else {
      throw new IllegalArgumentException("not a JSON value: " + o.getClass().getName());
    }
  }
}
