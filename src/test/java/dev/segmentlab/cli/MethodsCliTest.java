package dev.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** segment --method, the sweep's mixture keys, workspaces of other methods and compare. */
class MethodsCliTest {
  private static final String FILE = "assets/data/online-retail.csv.gz";
  @TempDir Path dir;

  private JsonNode run(String... args) throws Exception {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int code = SegmentLabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(code).as(err.toString()).isZero();
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void mixtureSweepKeysWorkspaceAndCompare() throws Exception {
    Path km = dir.resolve("km.segmentlab.json");
    Path gmm = dir.resolve("gmm.segmentlab.json");
    // the seeds' cleaning (cancellations dropped), as the scikit-learn reference
    JsonNode a = run("segment", FILE, "--returns", "drop", "--k", "4", "--k-max", "5", "--stability", "0",
        "--save-workspace", km.toString(), "--json");
    assertThat(a.get("method").asText()).isEqualTo("kmeans");
    JsonNode b = run("segment", FILE, "--returns", "drop", "--method", "gmm", "--k", "4", "--k-max", "5", "--covariance-floor", "1e-6",
        "--stability", "0", "--save-workspace", gmm.toString(), "--json");
    assertThat(b.get("method").asText()).isEqualTo("gmm");
    assertThat(b.get("covariance_floor").asDouble()).isEqualTo(1e-6);
    JsonNode k2 = b.get("sweep").get(0);
    assertThat(k2.get("k").asInt()).isEqualTo(2);
    // scikit-learn: BIC 13,436.6 at k = 2 with floor 1e-6, one component on the 1,493 one-order customers
    assertThat(k2.get("bic").asDouble()).isBetween(13_400.0, 13_440.0);
    assertThat(k2.get("aic").asDouble()).isLessThan(k2.get("bic").asDouble());
    assertThat(k2.get("mean_log_likelihood").asDouble()).isGreaterThanOrEqualTo(-1.5304 - 0.02);
    assertThat(k2.get("degenerate_components").asInt()).isEqualTo(1);
    assertThat(k2.get("degenerate").get(0).get("size").asInt()).isEqualTo(1493);
    assertThat(k2.get("degenerate").get(0).get("features_at_floor").get(0).asText()).isEqualTo("frequency");
    assertThat(b.get("sweep").get(2).get("degenerate_components").asInt()).isEqualTo(2);
    assertThat(b.get("suggested_k").has("bic")).isTrue();
    assertThat(b.get("degenerate_remedy").asText()).contains("discrete");

    JsonNode self = run("compare", km.toString(), km.toString(), "--json");
    assertThat(self.get("ari").asDouble()).isEqualTo(1.0);
    assertThat(self.get("nmi").asDouble()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    JsonNode table = self.get("contingency");
    int total = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        if (i != j) assertThat(table.get(i).get(j).asInt()).isZero();
        total += table.get(i).get(j).asInt();
      }
    }
    assertThat(total).isEqualTo(4338);
    assertThat(self.get("moved").asInt()).isZero();

    Path moved = dir.resolve("moved.csv");
    JsonNode two = run("compare", km.toString(), gmm.toString(), "--json", "--moved", moved.toString());
    assertThat(two.get("b").get("method").asText()).isEqualTo("gmm");
    assertThat(two.get("customers_compared").asInt()).isEqualTo(4338);
    assertThat(two.get("ari").asDouble()).isLessThan(1.0);
    assertThat(java.nio.file.Files.readAllLines(moved)).hasSize(two.get("moved").asInt() + 1);
    // the gmm workspace re-opens as a mixture and reproduces its segments
    JsonNode again = run("segment", "--workspace", gmm.toString(), "--stability", "0", "--json");
    assertThat(again.get("method").asText()).isEqualTo("gmm");
    assertThat(again.get("reproduced").asBoolean()).isTrue();
  }
}
