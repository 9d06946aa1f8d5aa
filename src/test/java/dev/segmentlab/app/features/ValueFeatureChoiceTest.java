package dev.segmentlab.app.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.features.FeatureMatrix;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.value.ValueAnalysis;
import dev.segmentlab.core.value.ValueOptions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CLV and P(alive) in the Features step's choice: offered for transactions, computed once chosen. */
class ValueFeatureChoiceTest {
  static CleanedData cleaned;

  private final Session session = new Session();
  private final TestDialogs dialogs = new TestDialogs();
  private final FeaturesViewModel vm = new FeaturesViewModel(session, new SameThreadAsync(), dialogs);

  @BeforeAll
  static void load() {
    cleaned = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
  }

  @Test
  void choosingClvAddsItToTheFeaturesAndTheMatrix() {
    session.datasetProperty().set(OnlineRetailFixture.dataset());
    session.cleanedProperty().set(cleaned);
    List<String> offered = vm.getChoices().stream().map(FeatureChoice::name).toList();
    assertThat(offered).endsWith("clv", "p_alive");
    assertThat(session.getFeatures().has("clv")).isFalse(); // nothing fitted until chosen

    vm.getChoices().stream().filter(c -> c.name().equals("clv")).findFirst().orElseThrow().setChosen(true);

    assertThat(session.getFeatures().names()).contains("clv", "p_alive");
    FeatureMatrix m = session.getMatrix();
    assertThat(m.features()).containsExactly("recency", "frequency", "monetary", "clv");
    assertThat(m.rows()).isEqualTo(4_338);
    // customer 12347 (row 1): the lookup's CLV
    ValueAnalysis v = ValueAnalysis.shared(cleaned, ValueOptions.defaults());
    double expected = v.values().clv()[v.summary().index().get("12347")];
    assertThat(session.getFeatures().column("clv")[1]).isCloseTo(expected, within(1e-9));
    assertThat(expected).isGreaterThan(1_000);
    assertThat(vm.getChoices().stream().filter(FeatureChoice::isChosen).map(FeatureChoice::name).toList())
        .containsExactly("recency", "frequency", "monetary", "clv");
    assertThat(vm.messageProperty().get()).isEmpty();
    assertThat(dialogs.errors).isEmpty();
  }
}
