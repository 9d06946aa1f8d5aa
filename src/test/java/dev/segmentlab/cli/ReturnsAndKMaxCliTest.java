package dev.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code --returns net|drop} in profile, segment and explore JSON, and the k-max default on a small file. */
class ReturnsAndKMaxCliTest {
  static final String RETAIL = "assets/data/online-retail.csv.gz";
  static final String SIX = "src/test/resources/data/six-customers.csv";
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return SegmentLabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void segmentOnSixCustomersWithK2ExitsZeroAndSaysTheKMaxWasLowered() throws Exception {
    assertThat(run("segment", SIX, "--k", "2", "--stability", "0", "--json")).as(err.toString()).isZero();
    assertThat(err.toString()).contains("--k-max lowered from 10 to 5");
    JsonNode j = json();
    assertThat(j.get("customers").asInt()).isEqualTo(6);
    assertThat(j.get("segments")).hasSize(2);
    assertThat(j.get("sweep")).hasSize(4); // k = 2..5
    assertThat(j.get("returns").asText()).isEqualTo("net");
  }

  @Test
  void anExplicitKMaxThatDoesNotFitStillFailsClearly() {
    assertThat(run("segment", SIX, "--k", "2", "--k-max", "10", "--stability", "0")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo(
        "error: --k-max 10: The largest k to try is larger than the number of distinct customers (6). Lower it.");
  }

  @Test
  void segmentJsonSaysWhichReturnsModeRan() throws Exception {
    assertThat(run("segment", RETAIL, "--k", "4", "--stability", "0", "--returns", "drop", "--json"))
        .as(err.toString()).isZero();
    JsonNode drop = json();
    assertThat(drop.get("returns").asText()).isEqualTo("drop");
    assertThat(drop.get("customers").asInt()).isEqualTo(4_338);
    assertThat(drop.get("sweep").get(2).get("wcss").asDouble()).isBetween(3962.71 * 0.995, 3962.71 * 1.005);

    assertThat(run("segment", RETAIL, "--k", "4", "--stability", "0", "--json")).as(err.toString()).isZero();
    JsonNode net = json();
    assertThat(net.get("returns").asText()).isEqualTo("net");
    assertThat(net.get("customers").asInt()).isEqualTo(4_315);
    assertThat(net.get("returns_netting").get("customers_net_spend_not_positive").asInt()).isEqualTo(23);
    assertThat(net.get("returns_netting").get("orders_cancelled_whole").asInt()).isEqualTo(161);
  }

  @Test
  void profileAndExploreJsonSayWhichReturnsModeRan() throws Exception {
    assertThat(run("profile", RETAIL, "--returns", "drop", "--json")).isZero();
    assertThat(json().get("returns").asText()).isEqualTo("drop");
    assertThat(run("profile", RETAIL, "--json")).isZero();
    JsonNode p = json();
    assertThat(p.get("returns").asText()).isEqualTo("net");
    assertThat(p.get("customers_after_cleaning").asInt()).isEqualTo(4_315);
    assertThat(run("explore", RETAIL, "--min-support", "0.03", "--json")).isZero();
    assertThat(json().get("returns").asText()).isEqualTo("net");
    assertThat(run("profile", RETAIL, "--returns", "keep")).isEqualTo(2);
    assertThat(err.toString()).contains("--returns must be net or drop");
  }

  @Test
  void campaignCsvAndEverySheetsDimension(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path csv = dir.resolve("campaign.csv"), xlsx = dir.resolve("six.xlsx");
    assertThat(run("segment", SIX, "--k", "2", "--stability", "0", "--campaign-csv", csv.toString(), "--out",
        xlsx.toString())).as(err.toString()).isZero();
    java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("Customer,Segment,Description,Action");
    assertThat(lines).hasSize(1 + 6);
    assertThat(lines.get(1)).startsWith("10001,");
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(xlsx.toFile())) {
      long sheets = z.stream().filter(e -> e.getName().matches("xl/worksheets/sheet\\d+\\.xml")).count();
      assertThat(sheets).isEqualTo(8); // Customers, Segments, 2 segments, Campaign, Sweep, Cleaning, Parameters
      for (int s = 1; s <= sheets; s++) {
        assertThat(dev.segmentlab.core.export.XlsxDimensionTest.dimension(xlsx, s)).as("sheet %d", s)
            .isEqualTo(dev.segmentlab.core.export.XlsxDimensionTest.usedRange(xlsx, s));
      }
    }
  }
}
