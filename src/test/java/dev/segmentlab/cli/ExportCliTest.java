package dev.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentlab.core.pipeline.Csv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** segment --out / --save-workspace / --workspace and assign, through the real command line. */
class ExportCliTest {
  static final Path RETAIL = Path.of("assets/data/online-retail.csv.gz");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int cli(String... args) {
    return SegmentLabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  JsonNode json() throws java.io.IOException {
    JsonNode n = JSON.readTree(out.toString());
    out.getBuffer().setLength(0);
    return n;
  }

  @Test
  void segmentWritesTheExportAndWorkspaceAndAssignGivesTheSameLabels() throws Exception {
    Path xlsx = dir.resolve("retail.xlsx");
    Path ws = dir.resolve("retail.segmentlab.json");
    int code = cli("segment", RETAIL.toString(), "--k", "4", "--stability", "0", "--returns", "drop", "--out", xlsx.toString(),
        "--save-workspace", ws.toString(), "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode j = json();
    assertThat(j.get("out").asText()).isEqualTo(xlsx.toAbsolutePath().normalize().toString());
    assertThat(j.get("customers").asInt()).isEqualTo(4338); // the contract's keys are still there
    assertThat(j.get("segments").get(0).has("name")).isTrue();
    assertThat(Files.exists(ws)).isTrue();
    Map<String, String> segmentOf = new HashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
      List<Row> rows = wb.getFirstSheet().read();
      assertThat(rows).hasSize(1 + 4338);
      for (Row r : rows.subList(1, rows.size())) segmentOf.put(r.getCellText(0), r.getCellRawValue(1).orElse(""));
    }

    Path csv = dir.resolve("assigned.csv");
    code = cli("assign", RETAIL.toString(), "--workspace", ws.toString(), "--out", csv.toString(), "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode a = json();
    assertThat(a.get("customers").asInt()).isEqualTo(4338);
    assertThat(a.get("out").asText()).isEqualTo(csv.toAbsolutePath().normalize().toString());
    for (int s = 0; s < 4; s++) {
      assertThat(a.get("segments").get(s).get("size").asInt()).isEqualTo(j.get("segments").get(s).get("size").asInt());
      assertThat(a.get("segments").get(s).get("name").asText()).isEqualTo(j.get("segments").get(s).get("label").asText());
    }
    List<List<String>> assigned = Csv.parse(Files.readString(csv));
    assertThat(assigned).hasSize(1 + 4338);
    for (List<String> r : assigned.subList(1, assigned.size())) {
      assertThat(r.get(1)).as("segment of %s", r.get(0)).isEqualTo(segmentOf.get(r.get(0)));
    }

    code = cli("segment", "--workspace", ws.toString(), "--stability", "0", "--json");
    assertThat(code).as(err.toString()).isZero();
    JsonNode again = json();
    assertThat(again.get("input_changed").asBoolean()).isFalse();
    assertThat(again.get("reproduced").asBoolean()).isTrue();
    assertThat(again.get("k").asInt()).isEqualTo(4);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void anExistingFileWithoutForceIsRefusedAndLeftUntouched() throws Exception {
    Path target = Files.writeString(dir.resolve("segments.xlsx"), "keep me");
    int code = cli("segment", RETAIL.toString(), "--k", "4", "--out", target.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("already exists").contains("--force");
    assertThat(Files.readString(target)).isEqualTo("keep me");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aWrongExtensionOrMissingInputIsOneLine() {
    assertThat(cli("segment", RETAIL.toString(), "--out", dir.resolve("x.pdf").toString())).isEqualTo(2);
    assertThat(err.toString()).contains(".xlsx or .csv");
    err.getBuffer().setLength(0);
    assertThat(cli("segment", "--k", "4")).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains("Missing FILE");
  }

  @Test
  void aChangedInputIsRunWithAWarning() throws Exception {
    Path input = dir.resolve("small.csv");
    Files.writeString(input, transactions(12));
    Path ws = dir.resolve("small.segmentlab.json");
    assertThat(cli("segment", input.toString(), "--k", "2", "--k-max", "3", "--stability", "0",
        "--save-workspace", ws.toString())).as(err.toString()).isZero();
    Files.writeString(input, transactions(13));
    out.getBuffer().setLength(0);
    assertThat(cli("segment", "--workspace", ws.toString(), "--stability", "0", "--json")).as(err.toString()).isZero();
    assertThat(err.toString()).startsWith("warning: small.csv has changed");
    assertThat(json().get("input_changed").asBoolean()).isTrue();
  }

  /** A small transactions file: customer c buys c+1 times, spending more each time. */
  static String transactions(int customers) {
    StringBuilder sb = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
    int invoice = 500_000;
    for (int c = 1; c <= customers; c++) {
      for (int i = 0; i <= c; i++) {
        sb.append(invoice++).append(",A").append(i).append(",THING ").append(i).append(',').append(c + i)
            .append(",2011-0").append(1 + (c + i) % 9).append("-1").append(i % 10).append(" 10:00:00,")
            .append(1.5 * c).append(',').append(10_000 + c).append(",United Kingdom\n");
      }
    }
    return sb.toString();
  }
}
