package dev.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** segment --clv, customer and migrate on the bundled Online Retail file (one saved workspace, reused). */
class ValueCliTest {
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return SegmentLabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void clvCustomerAndMigrationOnOnlineRetail(@TempDir Path dir) throws Exception {
    String file = "assets/data/online-retail.csv.gz";
    String ws = dir.resolve("w.segmentlab.json").toString();
    // the seeds' cleaning (cancellations dropped), as the scipy reference
    assertThat(run("segment", file, "--returns", "drop", "--k", "4", "--k-min", "4", "--k-max", "4", "--restarts", "3",
        "--stability", "0", "--clv", "--json", "--save-workspace", ws)).as(err.toString()).isZero();
    JsonNode j = json();
    JsonNode clv = j.get("clv");
    // src/test/python/value_reference.py (lifetimes' likelihoods in scipy) on the same cleaned lines
    assertThat(clv.get("r").asDouble()).isCloseTo(0.8265, within(0.002));
    assertThat(clv.get("alpha").asDouble()).isCloseTo(68.905, within(0.2));
    assertThat(clv.has("a")).isTrue();
    assertThat(clv.has("b")).isTrue();
    assertThat(clv.get("p").asDouble()).isCloseTo(2.1108, within(0.001));
    assertThat(clv.get("q").asDouble()).isCloseTo(3.4373, within(0.001));
    assertThat(clv.get("v").asDouble()).isCloseTo(479.62, within(0.1));
    assertThat(clv.get("log_likelihood").asDouble()).isCloseTo(-61823.471, within(0.01));
    assertThat(clv.get("expected_purchases_90d_total").asDouble()).isCloseTo(4672.15, within(5.0));
    assertThat(clv.get("dropout_identified").asBoolean()).isFalse();
    assertThat(clv.get("note").asText()).contains("barely identified");
    double total = 0;
    List<String> names = new ArrayList<>();
    for (JsonNode s : j.get("segments")) {
      total += s.get("predicted_revenue_12m").asDouble();
      names.add(s.get("name").asText());
    }
    assertThat(total).isCloseTo(clv.get("clv_12m_total").asDouble(), within(1.0));

    assertThat(run("customer", "--workspace", ws, "17850", "--json")).as(err.toString()).isZero();
    JsonNode c = json();
    assertThat(c.get("segment").asText()).isIn(names);
    assertThat(c.get("p_alive").asDouble()).isCloseTo(0.98543, within(0.002));
    assertThat(c.get("expected_purchases_90d").asDouble()).isCloseTo(0.36653, within(0.002));
    assertThat(c.get("clv_12m").asDouble()).isCloseTo(2788.98, within(5.0));
    assertThat(c.get("frequency").asDouble()).isEqualTo(1);
    assertThat(c.get("features").get("frequency").asDouble()).isEqualTo(34);
    assertThat(c.get("timeline").get(0).get("day").asText()).isEqualTo("2010-12-01");

    assertThat(run("customer", "--workspace", ws, "99999999", "--json")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: No customer '99999999'").hasLineCount(1);

    // the file against itself: everyone stays
    assertThat(run("migrate", "--workspace", ws, file, "--json")).as(err.toString()).isZero();
    JsonNode m = json();
    JsonNode t = m.get("transitions");
    int diagonal = 0, off = 0;
    for (int i = 0; i < 4; i++) {
      for (int k = 0; k < 4; k++) {
        if (i == k) diagonal += t.get(i).get(k).asInt(); else off += t.get(i).get(k).asInt();
      }
      assertThat(m.get("new").get(i).asInt()).isZero();
      assertThat(m.get("lapsed").get(i).asInt()).isZero();
    }
    assertThat(diagonal).isEqualTo(4338);
    assertThat(off).isZero();
    assertThat(m.get("stayed").asInt()).isEqualTo(4338);
  }

  @Test
  void badSplitDayIsOneLine() {
    assertThat(run("migrate", "assets/data/online-retail.csv.gz", "--split", "June", "--json")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: --split needs a day as YYYY-MM-DD").hasLineCount(1);
  }
}
