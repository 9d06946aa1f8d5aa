package dev.segmentlab.core.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFileTest {
  @TempDir Path dir;

  static Workspace sample(Path input) throws ExportException {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("recency", 1.0);
    weights.put("frequency", 0.5);
    weights.put("monetary", 2.25);
    Map<String, Boolean> rules = new LinkedHashMap<>();
    rules.put("dropCancellations", true);
    rules.put("dropMissingCustomer", true);
    rules.put("dropNonPositivePrice", false);
    return Workspace.builder()
        .input(input, FileFingerprint.of(input))
        .sheet("Online Retail")
        .columnMapping(Map.of("customer_id", "CustomerID", "invoice", "InvoiceNo", "invoice_date", "InvoiceDate"))
        .cleaningRules(rules)
        .nonProductCodes(List.of("POST", "DOT", "M", "BANK CHARGES"))
        .features(List.of("recency", "frequency", "monetary"))
        .transforms(Map.of("monetary", "log1p", "frequency", "log1p"))
        .scaling("standard")
        .weights(weights)
        .k(2, 10, 4)
        .seed(20_240_501L)
        .restarts(12)
        .segmentNames(Map.of(0, "Champions", 1, "Loyal", 2, "At risk", 3, "Lost £ spenders"))
        .segmentColours(Map.of(0, "#1f77b4", 1, "#FF7F0E", 2, "#2ca02c", 3, "#d62728"))
        .appVersion("0.1.0")
        .savedAt(Instant.parse("2025-03-04T10:11:12.345678Z"))
        .build();
  }

  @Test
  void saveThenReadGivesAnEqualWorkspace() throws IOException {
    Path input = Files.writeString(dir.resolve("online_retail.csv"), "InvoiceNo,CustomerID\n536365,17850\n");
    Workspace ws = sample(input);
    Path file = dir.resolve("retail" + WorkspaceFile.EXTENSION);
    WorkspaceFile.write(file, ws, false);
    Workspace back = WorkspaceFile.read(file);
    assertThat(back).isEqualTo(ws);
    assertThat(back.inputFingerprint().matches(input)).isTrue();
    assertThat(back.segmentNames().get(3)).isEqualTo("Lost £ spenders");
    assertThat(back.weights().keySet()).containsExactly("recency", "frequency", "monetary");

    String json = Files.readString(file, UTF_8);
    assertThat(json).startsWith("{\n  \"format\" : \"segmentlab-workspace\",\n  \"formatVersion\" : 1,");
    assertThat(json).contains("\"kMin\" : 2", "\"kMax\" : 10", "\"savedAt\" : \"2025-03-04T10:11:12.345678Z\"",
        "\"2\" : \"#2ca02c\"");
    assertThat(json).doesNotContain("inputFingerprint");

    // saving again needs overwrite, and replaces cleanly
    assertThatThrownBy(() -> WorkspaceFile.write(file, ws, false)).isInstanceOf(ExportException.class)
        .hasMessageContaining("already exists; choose another name or allow replacing it");
    WorkspaceFile.write(file, ws.toBuilder().k(2, 10, 5).build(), true);
    assertThat(WorkspaceFile.read(file).k()).isEqualTo(5);
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "online_retail.csv", "retail.segmentlab.json");
    }
  }

  @Test
  void unknownKeysAreIgnoredAndMissingOnesDefault() throws IOException {
    Workspace ws = WorkspaceFile.fromJson(resource("future-keys.segmentlab.json"), "future-keys.segmentlab.json");
    assertThat(ws.k()).isEqualTo(5);
    assertThat(ws.inputSha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ws.segmentNames()).containsEntry(0, "Champions").containsEntry(3, "At risk");
    assertThat(ws.cleaningRules()).isEmpty();
    assertThat(ws.weights()).isEmpty();
    assertThat(ws.sheet()).isNull();
    assertThat(ws.savedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
  }

  @Test
  void foreignJsonIsNotAWorkspace() throws IOException {
    Path file = dir.resolve("package.json");
    Files.write(file, resource("foreign.json"));
    assertThatThrownBy(() -> WorkspaceFile.read(file)).isInstanceOf(ExportException.class)
        .hasMessageStartingWith("Not a SegmentLab workspace: " + file)
        .hasMessageContaining("\"format\": \"segmentlab-workspace\"");
    Files.writeString(file, "[1, 2, 3]");
    assertThatThrownBy(() -> WorkspaceFile.read(file)).hasMessageStartingWith("Not a SegmentLab workspace: ");
  }

  @Test
  void brokenJsonIsNotAWorkspace() throws IOException {
    Path file = dir.resolve("broken.segmentlab.json");
    Files.writeString(file, "{\n  \"format\" : \"segmentlab-workspace\",\n  \"kMin\" : 2,,\n");
    assertThatThrownBy(() -> WorkspaceFile.read(file)).isInstanceOf(ExportException.class)
        .hasMessageStartingWith("Not a SegmentLab workspace: " + file + " is not valid JSON (line 3");
    Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    assertThatThrownBy(() -> WorkspaceFile.read(file)).hasMessageStartingWith("Not a SegmentLab workspace: ");
  }

  @Test
  void invalidValuesAndNewerFormatsSaySo() throws IOException {
    String ok = new String(resource("future-keys.segmentlab.json"), UTF_8);
    assertThatThrownBy(() -> WorkspaceFile.fromJson(ok.replace("\"kMax\" : 8", "\"kMax\" : 1").getBytes(UTF_8), "w"))
        .isInstanceOf(ExportException.class)
        .hasMessageStartingWith("Not a SegmentLab workspace: w holds an invalid value")
        .hasMessageContaining("kMin <= kMax");
    assertThatThrownBy(() -> WorkspaceFile.fromJson(ok.replace("\"k\" : 5", "\"k\" : \"five\"").getBytes(UTF_8), "w"))
        .hasMessageStartingWith("Not a SegmentLab workspace: w holds an invalid value");
    assertThatThrownBy(() -> WorkspaceFile.fromJson(
        ok.replace("\"formatVersion\" : 1", "\"formatVersion\" : 9").getBytes(UTF_8), "w"))
        .hasMessageContaining("newer SegmentLab").hasMessageContaining("Update SegmentLab");
    assertThatThrownBy(() -> WorkspaceFile.read(dir.resolve("nope.segmentlab.json")))
        .isInstanceOf(ExportException.class).hasMessageContaining("does not exist");
  }

  @Test
  void recordValidatesItself() {
    Workspace.Builder b = Workspace.builder().inputPath("/x.csv");
    assertThat(b.build().k()).isEqualTo(4);
    assertThatThrownBy(() -> b.segmentColours(Map.of(0, "red")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#rrggbb");
    assertThatThrownBy(() -> Workspace.builder().inputPath("/x.csv").restarts(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Workspace.builder().inputPath("/x.csv").weights(Map.of("a", -1.0)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = WorkspaceFileTest.class.getResourceAsStream("/export/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
