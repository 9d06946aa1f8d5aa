package dev.segmentlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.fx.SameThreadAsync;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The desktop app opens the file named on its command line; a file that does not fit leaves the open one. */
class AppStartTest {
  private final TestDialogs dialogs = new TestDialogs();
  private final AppContext ctx = new AppContext(new SameThreadAsync(), dialogs, DatasetLoader.standard(), null,
      Path.of("assets/data/online-retail.csv.gz"));

  @Test
  void aFileOnTheCommandLineIsOpenedInsteadOfTheSample() {
    App.openAtStart(ctx, List.of("--someFxParameter=1", "src/test/resources/data/mall-customers.csv"));
    assertThat(dialogs.errors).isEmpty();
    assertThat(ctx.session().getDataset().rows()).isEqualTo(200);
    assertThat(ctx.main().titleProperty().get()).isEqualTo("SegmentLab — mall-customers.csv");
    // the whole chain followed, as for a file opened from the menu
    assertThat(ctx.session().getSegmentation().labels()).hasSize(200);
  }

  @Test
  void severalFilesOpenTheFirstAndSayWhichWereNotOpened() {
    App.openAtStart(ctx, List.of("src/test/resources/data/mall-customers.csv", "orders-2010.csv", "orders-2011.xlsx"));
    assertThat(ctx.session().getDataset().rows()).isEqualTo(200);
    assertThat(dialogs.errors).isEmpty();
    assertThat(dialogs.infos).containsExactly("SegmentLab opens one file per window: mall-customers.csv is open; "
        + "orders-2010.csv, orders-2011.xlsx were not opened. Open each with File > Open… or in a window of its own "
        + "(SegmentLab orders-2010.csv).");
    assertThat(App.notOpenedMessage(List.of(Path.of("/d/a.csv"), Path.of("/d/b.csv")))).isEqualTo(
        "SegmentLab opens one file per window: a.csv is open; b.csv was not opened. Open it with File > Open… or "
            + "in a window of its own (SegmentLab b.csv).");
  }

  @Test
  void aMissingFileGetsOneMessage() {
    App.openAtStart(ctx, List.of("no-such-orders.csv"));
    assertThat(dialogs.errors).hasSize(1);
    assertThat(dialogs.errors.get(0)).contains("no-such-orders.csv");
    assertThat(ctx.session().getDataset()).isNull();
  }

  @Test
  void mainOpensTheAppForOneDataFileAndRunsCommandsOtherwise() {
    assertThat(App.opensFile(new String[] {"orders.csv"})).isTrue();
    assertThat(App.opensFile(new String[] {"/home/a/Sales 2024.XLSX"})).isTrue();
    assertThat(App.opensFile(new String[] {"online-retail.csv.gz"})).isTrue();
    assertThat(App.opensFile(new String[] {"segment", "orders.csv"})).isFalse();
    assertThat(App.opensFile(new String[] {"--version"})).isFalse();
    assertThat(App.opensFile(new String[] {"profile"})).isFalse();
    // several files, as a shell or a file manager without %f passes them: the app opens
    assertThat(App.opensFile(new String[] {"a.csv", "b.CSV", "c.xlsx"})).isTrue();
    assertThat(App.opensFile(new String[] {"a.csv", "--json"})).isFalse();
    assertThat(App.opensFile(new String[] {"a.csv", "segment"})).isFalse();
    assertThat(App.opensFile(new String[0])).isFalse();
  }

  @Test
  void aFileThatDoesNotFitIsRefusedBeforeTheLoadAndTheOpenDatasetStays() {
    App.openAtStart(ctx, List.of("src/test/resources/data/mall-customers.csv"));
    var before = ctx.session().getDataset();
    System.setProperty(MemoryCheck.BUDGET_PROPERTY, String.valueOf(1L << 20));
    try {
      ctx.data().load(Path.of("src/test/resources/segments/mall-customers.csv"));
    } finally {
      System.clearProperty(MemoryCheck.BUDGET_PROPERTY);
    }
    assertThat(dialogs.errors).singleElement().asString()
        .startsWith("mall-customers.csv needs about 4 KB of memory to open, and SegmentLab has 0 KB free of 1 MB.")
        .contains("The dataset already open stays.");
    assertThat(ctx.session().getDataset()).isSameAs(before);
  }

  @Test
  void theEstimateCountsCompressedFilesAtTheirRatio() {
    assertThat(MemoryCheck.need(Path.of("a.csv"), 1_000_000)).isEqualTo(1_300_000);
    assertThat(MemoryCheck.need(Path.of("a.csv.gz"), 1_000_000)).isEqualTo(8_190_000);
    assertThat(MemoryCheck.message(Path.of("big.csv.gz"), 7L << 30, 3L << 30, 12L << 30))
        .isEqualTo("big.csv.gz needs about 7.0 GB of memory to open, and SegmentLab has 3.0 GB free of 12.0 GB. "
            + "The dataset already open stays. Close other files or programs, or start SegmentLab with more memory "
            + "(e.g. JAVA_OPTS=-Xmx20g).");
  }
}
