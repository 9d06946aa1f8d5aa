package dev.segmentlab.app.explore;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.app.Session;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.Async;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.app.fx.TaskMonitor;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.OnlineRetailFixture;
import dev.segmentlab.core.data.TextColumn;
import dev.segmentlab.core.data.Transactions;
import dev.segmentlab.core.explore.Cohort;
import dev.segmentlab.core.explore.MonthlyPoint;
import dev.segmentlab.core.explore.Overview;
import dev.segmentlab.core.explore.ProductPair;
import dev.segmentlab.core.explore.Rule;
import dev.segmentlab.core.quality.CleanedData;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Explore ViewModel on the bundled Online Retail file, without a toolkit. */
class ExploreViewModelTest {
  private static CleanedData cleaned;
  private final Session session = new Session();
  private final TestDialogs dialogs = new TestDialogs();
  private final ExploreViewModel vm = new ExploreViewModel(session, new SameThreadAsync(), dialogs);

  @BeforeAll static void clean() {
    cleaned = Cleaner.clean(OnlineRetailFixture.transactions(), CleaningOptions.seeds());
  }

  private void open() {
    session.datasetProperty().set(OnlineRetailFixture.dataset());
    session.cleanedProperty().set(cleaned);
  }

  @Test void monthlyRevenueSumsToTheCleanedTotalAndNovember2011IsTheTopMonth() {
    open();
    Overview o = vm.getOverview();
    assertThat(vm.messageProperty().get()).isEmpty();
    assertThat(o.monthly()).hasSize(13);
    assertThat(o.monthly().stream().mapToDouble(MonthlyPoint::revenue).sum()).isCloseTo(8_887_208.894, within(1e-3));
    assertThat(o.monthly().stream().max(Comparator.comparingDouble(MonthlyPoint::revenue)).orElseThrow().month())
        .isEqualTo("2011-11");
    List<Bar> bars = Bars.monthly(o.monthly(), PeriodMetric.REVENUE);
    assertThat(bars.stream().max(Comparator.comparingDouble(Bar::value)).orElseThrow().label()).isEqualTo("2011-11");
    // December 2011 has 9 days of data: marked, not read as a collapse; December 2010 starts on the 1st
    List<Bar> marked = Bars.monthly(o, PeriodMetric.REVENUE);
    assertThat(marked).filteredOn(Bar::partial).extracting(Bar::label).containsExactly("2011-12\npartial: 9 days");
    assertThat(marked.get(12).tip()).endsWith("The data covers 9 of the month's 31 days.");
    assertThat(marked.get(0).label()).isEqualTo("2010-12");
    assertThat(vm.figures()).extracting(ExploreViewModel.Figure::id, ExploreViewModel.Figure::text)
        .contains(org.assertj.core.groups.Tuple.tuple("figureCustomers", String.format("%,d", 4_338)),
            org.assertj.core.groups.Tuple.tuple("figureInvoices", String.format("%,d", 18_532)),
            org.assertj.core.groups.Tuple.tuple("figureRevenue", String.format("%,d", 8_887_209)));
    assertThat(vm.computingProperty().get()).isFalse();
  }

  @Test void firstCohortIsDecember2010With885CustomersAllActiveInMonthZero() {
    open();
    Cohort first = vm.getCohorts().cohorts().get(0);
    assertThat(first.cohort()).isEqualTo("2010-12");
    assertThat(first.size()).isEqualTo(885);
    assertThat(first.retention()[0]).isEqualTo(1.0);
    CohortCells.Cell cell = CohortCells.of(vm.getCohorts(), CohortMetric.RETENTION).get(0);
    assertThat(cell.id()).isEqualTo("cell-2010-12-0");
    assertThat(cell.text()).isEqualTo("100%");
    assertThat(cell.tip()).contains("885 of 885 customers active");
    vm.cohortMetricProperty().set(CohortMetric.REVENUE);
    assertThat(CohortCells.of(vm.getCohorts(), CohortMetric.REVENUE).get(0).text()).endsWith("k");
  }

  @Test void rulesAtTwoPercentSupportHoldTheRegencyTeacupPair() {
    open();
    RulesViewModel rules = vm.rules();
    assertThat(rules.getRules()).isEmpty();
    assertThat(rules.canFindRulesProperty().get()).isTrue();
    rules.setMinSupport(2.0);
    rules.findRules();
    assertThat(rules.getRules()).isNotEmpty().anySatisfy(r -> assertTeacupPair(r));
    assertThat(rules.summaryProperty().get()).contains("baskets").contains("products").contains("frequent itemsets");
    assertThat(rules.resultProperty().get().minCount()).isEqualTo((int) Math.ceil(0.02 * rules.resultProperty().get().baskets()));
    // the table: two-item rules only, one row per unordered pair, both directions' confidence
    assertThat(rules.getRules()).allSatisfy(r -> assertThat(r.antecedent().size() + r.consequent().size()).isEqualTo(2));
    assertThat(rules.getPairs()).isNotEmpty().hasSizeLessThanOrEqualTo(RulesViewModel.TOP_N);
    assertThat(rules.getPairs().stream().map(p -> p.first() + "+" + p.second()).distinct().count())
        .isEqualTo(rules.getPairs().size());
    assertThat(rules.getPairs()).allSatisfy(p -> assertThat(p.first()).isLessThan(p.second()));
    ProductPair teacups = rules.getPairs().stream().filter(p -> p.first().equals("22697") && p.second().equals("22699"))
        .findFirst().orElseThrow();
    Rule forward = rules.getRules().stream().filter(r -> r.antecedent().equals(List.of("22697"))
        && r.consequent().equals(List.of("22699"))).findFirst().orElseThrow();
    Rule backward = rules.getRules().stream().filter(r -> r.antecedent().equals(List.of("22699"))
        && r.consequent().equals(List.of("22697"))).findFirst().orElseThrow();
    assertThat(teacups.firstThenSecond()).isEqualTo(forward.confidence());
    assertThat(teacups.secondThenFirst()).isCloseTo(backward.confidence(), within(1e-12));
    assertThat(teacups.lift()).isGreaterThan(10);
  }

  private static void assertTeacupPair(Rule r) {
    assertThat(List.of(r.antecedent(), r.consequent())).containsExactlyInAnyOrder(List.of("22697"), List.of("22699"));
    assertThat(r.lift()).isGreaterThan(10);
  }

  @Test void aSegmentFilterNarrowsTheKeyFiguresAndTheRules() {
    open();
    vm.rules().findRules();
    int allBaskets = vm.rules().resultProperty().get().baskets();
    // Hand-made segment: the customers of the cleaned rows who live in Germany.
    Transactions tx = cleaned.transactions();
    TextColumn customer = tx.customer();
    boolean[] mask = new boolean[customer.dictionary().length];
    for (int r : cleaned.rows()) {
      if ("Germany".equals(tx.country().get(r)) && customer.code(r) != TextColumn.MISSING) mask[customer.code(r)] = true;
    }
    int members = 0;
    for (boolean b : mask) if (b) members++;
    assertThat(members).isBetween(50, 200);

    vm.setSegmentFilter(SegmentFilter.ofMask("Germany", mask));
    assertThat(vm.getOverview().keyFigures().customers()).isEqualTo(members);
    assertThat(vm.getCohorts().customers()).isEqualTo(members);
    assertThat(vm.segmentChoiceProperty().get()).isEqualTo("Germany");
    assertThat(vm.periodCaption()).contains("segment Germany");
    // The rules were mined before, so they follow the segment.
    assertThat(vm.rules().resultProperty().get().baskets()).isPositive().isLessThan(allBaskets);

    vm.setSegmentFilter(null);
    assertThat(vm.getSegmentFilter()).isSameAs(SegmentFilter.ALL);
    assertThat(vm.getOverview().keyFigures().customers()).isEqualTo(4_338);
  }

  @Test void choosingASegmentByNameSetsItsFilter() {
    open();
    boolean[] mask = new boolean[cleaned.transactions().customer().dictionary().length];
    mask[cleaned.transactions().customer().code(cleaned.rows()[0])] = true;
    vm.setSegments(List.of(SegmentFilter.ofMask("One customer", mask)));
    assertThat(vm.getSegmentNames()).containsExactly("All customers", "One customer");
    vm.segmentChoiceProperty().set("One customer");
    assertThat(vm.getSegmentFilter().name()).isEqualTo("One customer");
    assertThat(vm.getOverview().keyFigures().customers()).isEqualTo(1);
    vm.setSegments(List.of());
    assertThat(vm.getSegmentFilter()).isSameAs(SegmentFilter.ALL);
    assertThat(vm.segmentChoiceProperty().get()).isEqualTo("All customers");
  }

  @Test void aCustomerTableSaysThatExploreNeedsTransactions() {
    assertThat(vm.messageProperty().get()).isEqualTo(ExploreViewModel.NO_DATA);
    Dataset mall = dev.segmentlab.app.DatasetLoader.standard().load(Path.of("src/test/resources/data/mall-customers.csv"),
        dev.segmentlab.core.data.ReadOptions.defaults(), RunControl.none());
    session.datasetProperty().set(mall);
    assertThat(vm.messageProperty().get()).isEqualTo(ExploreViewModel.NEEDS_TRANSACTIONS);
    assertThat(vm.getOverview()).isNull();
    assertThat(vm.availableProperty().get()).isFalse();
    assertThat(vm.rules().canFindRulesProperty().get()).isFalse();
    assertThat(vm.figures()).allSatisfy(f -> assertThat(f.text()).isEqualTo("—"));
  }

  @Test void cancellingKeepsTheStepQuietAndSaysSo() {
    ExploreViewModel cancelled = new ExploreViewModel(session, new CancelledAsync(), dialogs);
    open();
    assertThat(cancelled.getOverview()).isNull();
    assertThat(cancelled.computingProperty().get()).isFalse();
    assertThat(cancelled.messageProperty().get()).startsWith("Cancelled");
    cancelled.rules().findRules();
    assertThat(cancelled.rules().runningProperty().get()).isFalse();
    assertThat(cancelled.rules().summaryProperty().get()).startsWith("Cancelled");
    assertThat(dialogs.errors).isEmpty();
  }

  @Test void badThresholdsSayWhatIsWrong() {
    open();
    vm.rules().setMinSupport(0.0);
    vm.rules().findRules();
    assertThat(vm.rules().errorProperty().get()).contains("minSupport");
    assertThat(vm.rules().getRules()).isEmpty();
  }

  /** An Async whose jobs see themselves cancelled at the first check, as if Cancel were pressed at once. */
  private static final class CancelledAsync implements Async {
    private final TaskMonitor monitor = new TaskMonitor();

    @Override public TaskMonitor monitor() { return monitor; }

    @Override public <T> Runnable run(String title, Job<T> job, Consumer<? super T> onSuccess,
        Consumer<? super Throwable> onFailure, Runnable onCancelled) {
      Context ctx = new Context() {
        @Override public void progress(double fraction) { }
        @Override public boolean isCancelled() { return true; }
        @Override public void ui(Runnable r) { r.run(); }
      };
      try {
        onSuccess.accept(job.run(ctx));
      } catch (java.util.concurrent.CancellationException e) {
        onCancelled.run();
      } catch (Exception e) {
        onFailure.accept(e);
      }
      return () -> { };
    }
  }
}
