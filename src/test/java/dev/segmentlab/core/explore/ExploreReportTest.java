package dev.segmentlab.core.explore;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segmentlab.core.data.Transactions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExploreReportTest {
  @Test void jacksonWritesTheAgreedShape() throws Exception {
    Transactions tx = AssociationRulesTest.fixture();
    ExploreReport report = ExploreReport.build(tx, TxBuilder.all(tx), TxBuilder.NON_PRODUCT, null,
        AssociationRules.Options.DEFAULT.withMinSupport(0.25), RunControl.none());
    ObjectMapper mapper = new ObjectMapper();
    JsonNode json = mapper.readTree(mapper.writeValueAsString(report));

    assertThat(fieldNames(json)).containsExactly("monthly", "cohorts", "rules");
    JsonNode month = json.get("monthly").get(0);
    assertThat(fieldNames(month)).containsExactly("month", "revenue", "orders", "customers");
    assertThat(month.get("month").asText()).isEqualTo("2011-05");
    assertThat(month.get("orders").asInt()).isEqualTo(8);
    JsonNode cohort = json.get("cohorts").get(0);
    assertThat(fieldNames(cohort)).containsExactly("cohort", "size", "retention");
    assertThat(cohort.get("size").asInt()).isEqualTo(2);
    assertThat(cohort.get("retention").get(0).asDouble()).isEqualTo(1.0);
    JsonNode rule = json.get("rules").get(0);
    assertThat(fieldNames(rule)).containsExactly("antecedent", "consequent", "support", "confidence", "lift");
    assertThat(rule.get("antecedent").get(0).asText()).isEqualTo("20B");
    assertThat(rule.get("lift").asDouble()).isEqualTo(1.75);

    // toJsonMap gives the same document.
    JsonNode fromMap = mapper.valueToTree(report.toJsonMap());
    assertThat(fromMap).isEqualTo(json);
  }

  @Test void keepsAtMostTwentyRules() {
    Rule r = new Rule(List.of("A"), List.of("B"), List.of("a"), List.of("b"), 0.5, 0.5, 2, 1);
    RuleSet many = new RuleSet(java.util.Collections.nCopies(30, r), 10, 2, 1, 3, 30);
    ExploreReport report = ExploreReport.of(List.of(), new CohortTable(List.of(), List.of()), many);
    assertThat(report.rules()).hasSize(ExploreReport.REPORT_RULES);
    assertThat(report.toJsonMap()).containsOnlyKeys("monthly", "cohorts", "rules");
    assertThat((List<?>) report.toJsonMap().get("rules")).first().isInstanceOf(Map.class);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
