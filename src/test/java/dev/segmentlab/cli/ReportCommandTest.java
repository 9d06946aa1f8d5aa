package dev.segmentlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code segmentlab report}: Mall Customers (customer-table mode) end to end, and its one-line errors. */
class ReportCommandTest {
  private static final String MALL = "src/test/resources/data/mall-customers.csv";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    return SegmentLabCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void mallCustomersReportAsHtmlWithJson() throws Exception {
    Path html = dir.resolve("mall report.html");
    assertThat(run("report", MALL, "--out", html.toString(), "--k", "5", "--stability", "2", "--json")).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("format").asText()).isEqualTo("html");
    assertThat(j.get("mode").asText()).isEqualTo("customers");
    assertThat(j.get("customers").asInt()).isEqualTo(200);
    assertThat(j.get("k").asInt()).isEqualTo(5);
    assertThat(j.get("segments")).hasSize(5);
    assertThat(j.get("seconds").asDouble()).isPositive();
    assertThat(j.get("bytes").asLong()).isEqualTo(Files.size(html));
    int sum = 0;
    String text = Files.readString(html);
    for (JsonNode s : j.get("segments")) {
      sum += s.get("size").asInt();
      assertThat(text).contains(s.get("name").asText().replace("&", "&amp;"));
      assertThat(s.get("revenue_share").isNull()).isTrue();
    }
    assertThat(sum).isEqualTo(200);
    assertThat(text).contains("customer table", "Spending Score (1-100)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void refusesToReplaceAReportWithoutForceAndNamesTheFormats() throws Exception {
    Path pdf = dir.resolve("r.pdf");
    Files.writeString(pdf, "keep me");
    assertThat(run("report", MALL, "--out", pdf.toString())).isEqualTo(SegmentLabCli.EXIT_INPUT);
    assertThat(err.toString()).startsWith("error: ").contains("already exists", "--force").hasLineCount(1);
    assertThat(Files.readString(pdf)).isEqualTo("keep me");

    err.getBuffer().setLength(0);
    assertThat(run("report", MALL, "--out", dir.resolve("r.docx").toString())).isEqualTo(SegmentLabCli.EXIT_INPUT);
    assertThat(err.toString()).contains(".html, .pdf or .pptx").hasLineCount(1);

    err.getBuffer().setLength(0);
    assertThat(run("report", "--out", dir.resolve("r.html").toString())).isEqualTo(SegmentLabCli.EXIT_INPUT);
    assertThat(err.toString()).contains("Missing FILE").hasLineCount(1);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(pdf);
    }
  }
}
