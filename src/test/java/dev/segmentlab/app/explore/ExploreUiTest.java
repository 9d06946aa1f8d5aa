package dev.segmentlab.app.explore;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.UiTestSupport;
import dev.segmentlab.app.fx.FxAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.explore.ProductPair;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** The Explore step on Online Retail, driven as an analyst would: each tab, the cohort toggle, Find rules, a segment. */
@ExtendWith(ApplicationExtension.class)
class ExploreUiTest {
  private static CleanedData cleaned;
  private Session session;
  private ExploreViewModel vm;

  @BeforeAll static void load() {
    cleaned = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
  }

  @Start
  void start(Stage stage) {
    session = new Session();
    vm = new ExploreViewModel(session, new FxAsync(new TaskMonitor(), 2), new TestDialogs());
    Scene scene = new Scene((javafx.scene.Parent) new ExploreView(vm).node(), 1400, 900);
    scene.getStylesheets().add(ExploreUiTest.class.getResource("/dev/segmentlab/app/app.css").toExternalForm());
    stage.setScene(scene);
    stage.show();
    session.datasetProperty().set(OnlineRetailFixture.dataset());
    session.cleanedProperty().set(cleaned);
  }

  @Test
  void overviewShowsTheKeyFiguresAndTheNovemberPeak(FxRobot robot) {
    UiTestSupport.waitUntil(() -> vm.getOverview() != null);
    verifyThat("#figureCustomers", LabeledMatchers.hasText(String.format("%,d", 4_338)));
    verifyThat("#figureInvoices", LabeledMatchers.hasText(String.format("%,d", 18_532)));
    verifyThat("#figureRevenue", LabeledMatchers.hasText(String.format("%,d", 8_887_209)));
    assertThat(robot.lookup("#exploreMessage").query().isVisible()).isFalse();
    List<XYChart.Data<String, Number>> months = data(robot, "#monthlyChart");
    assertThat(months).hasSize(13);
    assertThat(months.stream().max(Comparator.comparingDouble(d -> d.getYValue().doubleValue())).orElseThrow().getXValue())
        .isEqualTo("2011-11");
    assertThat(data(robot, "#weekdayChart")).hasSize(7);
    assertThat(data(robot, "#hourChart")).isNotEmpty().hasSizeLessThan(24);
    @SuppressWarnings("unchecked")
    BarChart<Number, String> countries = robot.lookup("#countryChart").queryAs(BarChart.class);
    List<XYChart.Data<Number, String>> c = countries.getData().get(0).getData();
    assertThat(c).hasSize(10);
    assertThat(c.get(c.size() - 1).getYValue()).startsWith("United Kingdom 8"); // drawn on top, with its share
    assertThat(data(robot, "#basketChart")).hasSizeGreaterThanOrEqualTo(30);
    List<XYChart.Data<String, Number>> perCustomer = data(robot, "#revenuePerCustomerChart");
    assertThat(perCustomer.stream().mapToDouble(d -> d.getYValue().doubleValue()).sum()).isEqualTo(4_338.0);

    robot.clickOn("#periodMetric").clickOn("Orders");
    UiTestSupport.waitUntil(() -> data(robot, "#monthlyChart").get(11).getYValue().doubleValue() < 10_000);
    assertThat(((BarChart<?, ?>) robot.lookup("#monthlyChart").query()).getTitle()).isEqualTo("Orders by month");
  }

  @Test
  void cohortsTabShowsTheHeatmapAndTogglesToRevenue(FxRobot robot) {
    UiTestSupport.waitUntil(() -> vm.getCohorts() != null);
    robot.clickOn("#cohortsTab");
    TabPane tabs = robot.lookup("#exploreTabs").queryAs(TabPane.class);
    assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("cohortsTab");
    Label first = robot.lookup("#cohortHeatmap").lookup("#cell-2010-12-0").queryAs(Label.class);
    assertThat(first.getText()).isEqualTo("100%");
    assertThat(robot.lookup("#cell-2010-12-12").queryAs(Label.class).getText()).endsWith("%");
    assertThat(robot.lookup("#cell-2011-12-0").tryQuery()).isPresent();
    assertThat(robot.lookup("#cell-2011-12-1").tryQuery()).isEmpty();
    robot.moveTo(first);
    UiTestSupport.waitUntil(() -> first.getTooltip().isShowing());
    assertThat(first.getTooltip().getText()).contains("885 of 885 customers active");
    Label later = robot.lookup("#cell-2011-06-2").queryAs(Label.class);
    robot.moveTo(later);
    UiTestSupport.waitUntil(() -> later.getTooltip().isShowing() && !later.getTooltip().getText().contains("885 of 885"));
    assertThat(later.getTooltip().getText()).contains("customers active");

    robot.clickOn("#cohortRevenue");
    UiTestSupport.waitUntil(() -> vm.cohortMetricProperty().get() == CohortMetric.REVENUE);
    assertThat(robot.lookup("#cell-2010-12-0").queryAs(Label.class).getText()).endsWith("k");
    // the cells take the revenue in place, in the revenue's colours
    assertThat(robot.lookup("#cell-2011-06-2").queryAs(Label.class)).isSameAs(later);
    CohortCells.Cell revenue = CohortCells.of(vm.getCohorts(), CohortMetric.REVENUE).stream()
        .filter(c -> c.id().equals("cell-2011-06-2")).findFirst().orElseThrow();
    assertThat(later.getText()).isEqualTo(revenue.text()).endsWith("k");
    assertThat(later.getStyle()).isEqualTo(CohortPane.style(revenue));
    robot.clickOn("#cohortRetention");
    UiTestSupport.waitUntil(() -> robot.lookup("#cell-2010-12-0").queryAs(Label.class).getText().equals("100%"));
  }

  @Test
  void findRulesAtTwoPercentListsTheTeacupPair(FxRobot robot) {
    UiTestSupport.waitUntil(() -> vm.getOverview() != null);
    robot.clickOn("#rulesTab");
    robot.doubleClickOn("#minSupport .text-field").eraseText(8).write("2").type(KeyCode.TAB);
    assertThat(vm.rules().minSupportProperty().get()).isEqualTo(2.0);
    robot.clickOn("#findRules");
    @SuppressWarnings("unchecked")
    TableView<ProductPair> table = robot.lookup("#rulesTable").queryAs(TableView.class);
    UiTestSupport.waitUntil(() -> !table.getItems().isEmpty());
    // one row for the pair, not one per direction
    assertThat(table.getItems()).filteredOn(p -> p.first().equals("22697") && p.second().equals("22699"))
        .singleElement().satisfies(p -> assertThat(p.lift()).isGreaterThan(10));
    assertThat(robot.lookup("#rulesSummary").queryAs(Label.class).getText()).contains("baskets").contains("frequent itemsets");
    assertThat(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> cell
        && cell.getText() != null && cell.getText().contains("REGENCY TEACUP AND SAUCER")).tryQuery()).isPresent();
    assertThat(robot.lookup("#exploreTabs").queryAs(TabPane.class).getTabs().get(2).getText()).startsWith("Product pairs (");
  }

  @Test
  void choosingASegmentNarrowsTheFigures(FxRobot robot) {
    UiTestSupport.waitUntil(() -> vm.getOverview() != null);
    verifyThat("#segmentChoice", n -> "All customers".equals(((javafx.scene.control.ComboBox<?>) n).getValue()));
    Transactions tx = cleaned.transactions();
    boolean[] mask = new boolean[tx.customer().dictionary().length];
    for (int r : cleaned.rows()) {
      if ("Germany".equals(tx.country().get(r)) && tx.customer().code(r) != TextColumn.MISSING) mask[tx.customer().code(r)] = true;
    }
    int members = 0;
    for (boolean b : mask) if (b) members++;
    robot.interact(() -> vm.setSegments(List.of(SegmentFilter.ofMask("German customers", mask))));
    robot.clickOn("#segmentChoice");
    robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("German customers")).queryLabeled());
    String expected = String.format("%,d", members);
    UiTestSupport.waitUntil(() -> robot.lookup("#figureCustomers").queryAs(Label.class).getText().equals(expected));
    assertThat(data(robot, "#monthlyChart")).hasSize(13);
  }

  @Test
  void aCustomerTableSaysThatExploreNeedsTransactions(FxRobot robot) throws Exception {
    UiTestSupport.waitUntil(() -> vm.getOverview() != null);
    dev.segmentlab.core.data.Dataset mall = dev.segmentlab.app.DatasetLoader.standard().load(
        java.nio.file.Path.of("src/test/resources/data/mall-customers.csv"),
        dev.segmentlab.core.data.ReadOptions.defaults(), RunControl.none());
    robot.interact(() -> {
      session.cleanedProperty().set(null);
      session.datasetProperty().set(mall);
    });
    verifyThat("#exploreMessage", LabeledMatchers.hasText(ExploreViewModel.NEEDS_TRANSACTIONS));
    assertThat(robot.lookup("#exploreMessage").query().isVisible()).isTrue();
    assertThat(robot.lookup("#exploreTabs").query().isVisible()).isFalse();
    verifyThat("#figureCustomers", LabeledMatchers.hasText("—"));
  }

  @SuppressWarnings("unchecked")
  private static List<XYChart.Data<String, Number>> data(FxRobot robot, String id) {
    BarChart<String, Number> chart = robot.lookup(id).queryAs(BarChart.class);
    return chart.getData().isEmpty() ? List.of() : chart.getData().get(0).getData();
  }
}
