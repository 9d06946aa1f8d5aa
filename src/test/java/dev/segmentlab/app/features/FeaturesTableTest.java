package dev.segmentlab.app.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When the customers table keeps its columns for a snapshot whose scores or scaled values are still coming. */
class FeaturesTableTest {
  private static final List<String> FULL = List.of("id+country", "raw:recency %,.0f", "raw:monetary %,.2f", "scores",
      "scaled:recency", "scaled:monetary");

  @Test
  void theSameFeaturesWaitingForScoresOrScaledValuesKeepTheColumns() {
    assertThat(FeaturesTable.pending(List.of("id+country", "raw:recency %,.0f", "raw:monetary %,.2f"), FULL)).isTrue();
    assertThat(FeaturesTable.pending(List.of("id+country", "raw:recency %,.0f", "raw:monetary %,.2f", "scores"), FULL))
        .isTrue();
  }

  @Test
  void otherFeaturesFormatsScoresOrScaledFeaturesBuildThemAgain() {
    // another feature, or a feature now with decimals
    assertThat(FeaturesTable.pending(List.of("id+country", "raw:recency %,.0f", "raw:frequency %,.0f"), FULL)).isFalse();
    assertThat(FeaturesTable.pending(List.of("id+country", "raw:recency %,.2f", "raw:monetary %,.2f"), FULL)).isFalse();
    // other scaled features than the columns show
    assertThat(FeaturesTable.pending(List.of("id+country", "raw:recency %,.0f", "raw:monetary %,.2f", "scores",
        "scaled:recency"), FULL)).isFalse();
    // scores the columns do not show yet
    List<String> unscored = List.of("id+country", "raw:recency %,.0f", "raw:monetary %,.2f", "scaled:recency",
        "scaled:monetary");
    assertThat(FeaturesTable.pending(FULL, unscored)).isFalse();
    // nothing shown yet
    assertThat(FeaturesTable.pending(FULL, List.of())).isFalse();
  }
}
