package dev.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line's contract: JSON keys, exit codes, one-line errors. */
class CliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return SegmentLabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void profileJsonHasTheContractKeys() throws Exception {
    assertThat(run("profile", "assets/data/online-retail.csv.gz", "--json")).isZero();
    JsonNode j = json();
    assertThat(j.get("rows").asInt()).isEqualTo(541_909);
    assertThat(j.get("rejected").asInt()).isZero();
    assertThat(j.get("encoding").asText()).isEqualTo("UTF-8");
    assertThat(j.get("delimiter").asText()).isEqualTo(",");
    assertThat(j.get("date_format").asText()).startsWith("yyyy-MM-dd HH:mm:ss");
    assertThat(j.get("mode").asText()).isEqualTo("transactions");
    assertThat(j.get("mapping").get("customer_id").asText()).isEqualTo("CustomerID");
    assertThat(j.get("columns")).hasSize(8);
    assertThat(j.get("columns").get(6).get("missing").asInt()).isEqualTo(135_080);
    assertThat(j.get("customers").asInt()).isEqualTo(4_372);
    assertThat(j.get("cleaning")).hasSize(4);
    assertThat(j.get("cleaning").get(1).get("removed").asInt()).isEqualTo(8_905);
    assertThat(j.get("rows_after_cleaning").asInt()).isEqualTo(392_692);
  }

  @Test
  void segmentJsonOnACustomerTable() throws Exception {
    assertThat(run("segment", "src/test/resources/data/mall-customers.csv", "--k", "5", "--transform", "none",
        "--stability", "3", "--json")).isZero();
    JsonNode j = json();
    assertThat(j.get("mode").asText()).isEqualTo("customers");
    assertThat(j.get("customers").asInt()).isEqualTo(200);
    assertThat(j.get("feature_sums").get("Age").asDouble()).isEqualTo(7_770);
    assertThat(j.get("sweep")).hasSize(9);
    assertThat(j.get("sweep").get(0).has("calinski_harabasz")).isTrue();
    assertThat(j.get("suggested_k").has("knee")).isTrue();
    assertThat(j.get("k").asInt()).isEqualTo(5);
    JsonNode segs = j.get("segments");
    assertThat(segs).hasSize(5);
    int total = 0;
    for (JsonNode s : segs) {
      total += s.get("size").asInt();
      assertThat(s.get("centroid").has("Annual Income (k$)")).isTrue();
      assertThat(s.get("name").asText()).isNotBlank();
      assertThat(s.has("stability")).isTrue();
    }
    assertThat(total).isEqualTo(200);
    assertThat(j.get("ari_mean").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void badInputGivesOneLineAndExitTwo() {
    assertThat(run("profile", "no-such-file.csv")).isEqualTo(2);
    assertThat(err.toString().trim()).isEqualTo("error: File not found: no-such-file.csv. Check the path and try again.");
    assertThat(err.toString().trim().lines()).hasSize(1);
    err.getBuffer().setLength(0);
    assertThat(run("segment", "src/test/resources/data/mall-customers.csv", "--k", "500")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: ").contains("larger than");
    assertThat(err.toString().trim().lines()).hasSize(1);
    err.getBuffer().setLength(0);
    assertThat(run("segment", "src/test/resources/data/mall-customers.csv", "--k", "many")).isEqualTo(2);
    assertThat(err.toString()).contains("--k must be a whole number or auto");
    err.getBuffer().setLength(0);
    assertThat(run("segment", "src/test/resources/data/mall-customers.csv", "--k-max", "31")).isEqualTo(2);
    assertThat(err.toString()).contains("--k-max 31: ", "at most 30");
    err.getBuffer().setLength(0);
    // the core speaks of the option, the CLI names the flag the analyst typed
    assertThat(run("segment", "src/test/resources/data/mall-customers.csv", "--k", "201", "--stability", "0"))
        .isEqualTo(2);
    assertThat(err.toString().trim())
        .isEqualTo("error: --k 201: k is larger than the number of customers: there are 200 customers (those with "
            + "the same features counted once); choose 200 or fewer, or open a file with more customers.");
  }

  @Test
  void helpAndVersion() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("profile", "segment", "assign", "explore", "bench");
    out.getBuffer().setLength(0);
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("SegmentLab ");
    out.getBuffer().setLength(0);
    assertThat(run("help", "segment")).isZero(); // built lazily: "help" must still reach every command
    assertThat(out.toString()).contains("Usage: segmentlab segment", "--k-max");
    out.getBuffer().setLength(0);
    assertThat(run("segment", "--help")).isZero();
    assertThat(out.toString()).contains("--restarts");
  }
}
