package dev.segmentlab.core.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.quality.CleaningOptions;
import dev.segmentlab.core.value.ValueAnalysis;
import dev.segmentlab.core.value.ValueOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLV (12 months) and P(alive) as columns of every customer export and as clustering features, on Online Retail
 * with the app's default cleaning (returns netted), as {@code segmentlab customer} runs it.
 */
class ValueColumnsTest {
  static final Path FILE = Path.of("assets/data/online-retail.csv.gz");
  /** {@code target/segmentlab customer assets/data/online-retail.csv.gz 12347 --json}: {@code clv_12m}, {@code p_alive}. */
  static final double CLV_12347 = 3010.697587620573;
  static final double P_ALIVE_12347 = 0.9996980939402619;
  static PipelineResult run;
  static SegmentExport.Context ctx;

  @TempDir Path dir;

  static PipelineOptions options(List<String> features) {
    PipelineOptions d = PipelineOptions.defaults();
    return new PipelineOptions(d.read(), CleaningOptions.defaults(), features, d.transform(), d.scaling(), d.kMin(),
        d.kMax(), 4, d.restarts(), d.seed(), 0);
  }

  @BeforeAll
  static void runOnce() {
    run = Pipeline.run(FILE, options(List.of()), RunControl.none());
    ctx = SegmentExport.Context.of(run.dataset(), run.cleaned());
  }

  @Test
  void csvCarriesTheClvTheLookupReports() throws Exception {
    Path out = dir.resolve("customers.csv");
    SegmentExport.write(run.segmentation(), ctx, ExportRequest.of(out, false, false, false), RunControl.none());
    List<List<String>> rows = Csv.parse(Files.readString(out, UTF_8));
    List<String> header = rows.get(0);
    assertThat(header).contains("clv", "p_alive");
    int clv = header.indexOf("clv"), alive = header.indexOf("p_alive");
    List<String> row = rows.stream().filter(r -> r.get(0).equals("12347")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(row.get(clv))).isCloseTo(CLV_12347, within(0.005)); // money: to the cent
    assertThat(Double.parseDouble(row.get(alive))).isCloseTo(P_ALIVE_12347, within(1e-9));
    // the column sums to the model's total (every customer of the segmentation is known to the value model)
    double sum = 0;
    for (List<String> r : rows.subList(1, rows.size())) sum += Double.parseDouble(r.get(clv));
    ValueAnalysis v = ValueAnalysis.shared(run.cleaned(), ValueOptions.defaults());
    double[][] bySegment = v.bySegment(run.matrix().ids(), run.segmentation().labels(), 4);
    double total = 0;
    for (double[] s : bySegment) total += s[0];
    assertThat(sum).isCloseTo(total, within(0.005 * (rows.size() - 1)));
  }

  @Test
  void workbookCustomersSheetCarriesClvAndPAlive() throws Exception {
    Path out = dir.resolve("segments.xlsx");
    SegmentExport.write(run.segmentation(), ctx, ExportRequest.of(out, false, false, false), RunControl.none());
    try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile())) {
      List<Row> customers = wb.getFirstSheet().read();
      Row head = customers.get(0);
      int clv = -1, alive = -1;
      for (int c = 0; c < head.getCellCount(); c++) {
        if ("clv".equals(head.getCell(c).getText())) clv = c;
        if ("p_alive".equals(head.getCell(c).getText())) alive = c;
      }
      assertThat(clv).isPositive();
      assertThat(alive).isPositive();
      Row r = customers.stream().filter(x -> "12347".equals(x.getCell(0).getText())).findFirst().orElseThrow();
      assertThat(r.getCell(clv).asNumber().doubleValue()).isCloseTo(CLV_12347, within(0.005));
      assertThat(r.getCell(alive).asNumber().doubleValue()).isCloseTo(P_ALIVE_12347, within(1e-9));
    }
  }

  @Test
  void parquetCustomersTableHasTheValueColumns() {
    SegmentationResult seg = SegmentExport.withValueColumns(run.segmentation(), ctx);
    var table = SegmentExport.customers(seg, null);
    List<String> names = new java.util.ArrayList<>();
    for (int c = 0; c < table.columnCount(); c++) names.add(table.column(c).name());
    assertThat(names).contains("clv", "p_alive");
    // a customer table has no value columns: nothing to model
    assertThat(SegmentExport.withValueColumns(run.segmentation(),
        new SegmentExport.Context(run.dataset(), null, null, ctx.time()))).isSameAs(run.segmentation());
  }

  @Test
  void clusteringOnRfmAndClvGivesAProfileWithAClvColumn() {
    PipelineResult r = Pipeline.run(FILE, options(List.of("recency", "frequency", "monetary", "clv")), RunControl.none());
    assertThat(r.matrix().features()).containsExactly("recency", "frequency", "monetary", "clv");
    assertThat(r.analysis().profiles().featureNames()).containsExactly("recency", "frequency", "monetary", "clv");
    assertThat(r.customerFeatures().names()).contains("clv", "p_alive");
    int row = List.of(r.customerFeatures().ids()).indexOf("12347");
    assertThat(r.customerFeatures().column("clv")[row]).isCloseTo(CLV_12347, within(1e-6));
    int f = r.analysis().profiles().featureNames().indexOf("clv");
    double overall = r.analysis().profiles().overall().means().get(f);
    ValueAnalysis v = ValueAnalysis.shared(run.cleaned(), ValueOptions.defaults());
    // 4,315 customers (returns netted): the mean CLV of the profile is the model's total over them
    assertThat(overall * r.customerFeatures().size()).isCloseTo(sumOver(v, r.customerFeatures().ids()), within(1e-3));
    assertThat(r.k()).isEqualTo(4);
  }

  private static double sumOver(ValueAnalysis v, String[] ids) {
    var index = v.summary().index();
    double s = 0;
    for (String id : ids) s += v.values().clv()[index.get(id)];
    return s;
  }
}
