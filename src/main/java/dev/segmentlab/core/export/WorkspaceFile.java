package dev.segmentlab.core.export;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes {@link Workspace} files ({@code *.segmentlab.json}): pretty-printed JSON whose first key,
 * {@code "format": "segmentlab-workspace"}, tells a workspace from any other JSON. Writing goes through
 * {@link SafeFileWriter}, so a crash mid-save never destroys the previous workspace. Reading ignores keys it
 * does not know, so a file saved by a newer SegmentLab of the same format version still opens.
 *
 * <pre>{@code
 * WorkspaceFile.write(Path.of("retail.segmentlab.json"), workspace, true);
 * Workspace again = WorkspaceFile.read(Path.of("retail.segmentlab.json"));
 * }</pre>
 */
public final class WorkspaceFile {
  /** The value of the {@code "format"} key. */
  public static final String FORMAT = "segmentlab-workspace";
  /** The file-name ending the app proposes. */
  public static final String EXTENSION = ".segmentlab.json";

  private static final ObjectMapper MAPPER = mapper();

  private WorkspaceFile() {}

  /**
   * Saves a workspace atomically.
   *
   * @param overwrite whether an existing file may be replaced
   * @throws ExportException if the file cannot be written; the message says what to do
   */
  public static void write(Path file, Workspace workspace, boolean overwrite) throws ExportException {
    byte[] json = toJson(workspace);
    SafeFileWriter.write(file, overwrite, out -> out.write(json));
  }

  /**
   * Opens a workspace.
   *
   * @throws ExportException "Not a SegmentLab workspace: …" for a file that is not JSON, is other JSON, or
   *     holds invalid values; "… was saved by a newer SegmentLab …" for a higher format version; a plain
   *     message for a missing or unreadable file
   */
  public static Workspace read(Path file) throws ExportException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ExportException("The workspace " + file + " does not exist; check the path or choose the file again.", e);
    } catch (IOException e) {
      throw new ExportException("Cannot read the workspace " + file + ": " + e.getMessage()
          + "; check that it is readable.", e);
    }
    return fromJson(bytes, file.toString());
  }

  /** The JSON of a workspace, UTF-8, as {@link #write} saves it. */
  public static byte[] toJson(Workspace workspace) {
    ObjectNode body = MAPPER.valueToTree(workspace);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.setAll(body);
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a workspace always serialises", e);
    }
  }

  /**
   * Parses workspace JSON.
   *
   * @param source names the file in messages
   * @throws ExportException as {@link #read(Path)}
   */
  public static Workspace fromJson(byte[] json, String source) throws ExportException {
    String notOurs = "Not a SegmentLab workspace: " + source;
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ExportException(notOurs + " is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
          + ". Choose a .segmentlab.json file saved by SegmentLab.", e);
    } catch (IOException e) {
      throw new ExportException(notOurs + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw new ExportException(notOurs + " has no \"format\": \"" + FORMAT
          + "\" entry. Choose a .segmentlab.json file saved by SegmentLab.");
    }
    int version = root.path("formatVersion").asInt(0);
    if (version > Workspace.FORMAT_VERSION) {
      throw new ExportException(source + " was saved by a newer SegmentLab (workspace format " + version
          + "; this version reads up to " + Workspace.FORMAT_VERSION + "). Update SegmentLab to open it.");
    }
    try {
      return MAPPER.treeToValue(root, Workspace.class);
    } catch (JsonMappingException e) {
      // Validation in the record's constructor arrives wrapped; its message is the useful part.
      String detail = e.getCause() instanceof IllegalArgumentException
          ? e.getCause().getMessage()
          : at(e) + e.getOriginalMessage();
      throw new ExportException(notOurs + " holds an invalid value: " + detail + ".", e);
    } catch (JsonProcessingException e) {
      throw new ExportException(notOurs + " holds an invalid value: " + e.getOriginalMessage() + ".", e);
    } catch (IllegalArgumentException e) {
      throw new ExportException(notOurs + " holds an invalid value: " + e.getMessage() + ".", e);
    }
  }

  /** Where a mapping error is, as {@code "weights.monetary": }, or nothing when Jackson does not say. */
  private static String at(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      else if (r.getIndex() >= 0) sb.append('[').append(r.getIndex()).append(']');
    }
    return sb.length() == 0 ? "" : "\"" + sb + "\": ";
  }

  private static ObjectMapper mapper() {
    // java.time support without the jsr310 module: an Instant is its ISO-8601 text, e.g. 2024-05-01T09:30:00Z.
    SimpleModule time = new SimpleModule("segmentlab-instant");
    time.addSerializer(Instant.class, ToStringSerializer.instance);
    time.addDeserializer(Instant.class, new InstantText());
    return new ObjectMapper()
        .registerModule(time)
        .enable(SerializationFeature.INDENT_OUTPUT)
        // Forward compatible: keys from a newer version are skipped. A key missing from an older file
        // reads as null / empty / 0, and the record's constructor rejects what cannot be 0 (k, restarts, ...).
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static final class InstantText extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    InstantText() { super(Instant.class); }

    @Override public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = p.getValueAsString();
      if (s == null || s.isBlank()) return null;
      try {
        return Instant.parse(s.trim());
      } catch (DateTimeParseException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, s, "not an ISO-8601 instant");
      }
    }
  }
}
