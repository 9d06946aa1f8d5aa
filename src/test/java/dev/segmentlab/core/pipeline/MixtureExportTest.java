package dev.segmentlab.core.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.segmentlab.core.cluster.Method;
import dev.segmentlab.core.concurrent.RunControl;
import dev.segmentlab.core.export.MixtureColumns;
import dev.segmentlab.core.model.GaussianMixtureModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gaussian mixture's customer export (Online Retail, log1p + standard RFM, k = 4) carries each customer's top
 * membership probability and the borderline flag; read back from CSV and XLSX, they are the model's.
 */
class MixtureExportTest {
  static MethodPipeline.Outcome run;
  static SegmentExport.Context ctx;
  static double[][] probabilities;

  @TempDir Path dir;

  @BeforeAll
  static void runOnce() {
    PipelineOptions d = PipelineOptions.defaults();
    PipelineOptions o = new PipelineOptions(d.read(), d.cleaning(), d.features(), d.transform(), d.scaling(),
        2, 4, 4, d.restarts(), d.seed(), 0);
    run = MethodPipeline.run(SegmentExportTest.FILE, o, MethodChoice.of(Method.GMM), Stages.plain(), RunControl.none());
    ctx = SegmentExport.Context.of(run.result().dataset(), run.result().cleaned());
    SegmentationResult seg = run.result().segmentation();
    probabilities = ((GaussianMixtureModel) seg.clustering()).probabilities(seg.matrix().scaled());
  }

  @Test
  void csvHasTheTopProbabilityAndTheBorderlineFlag() throws IOException {
    SegmentationResult seg = run.result().segmentation();
    assertThat(seg.method()).isEqualTo("gmm");
    Path out = dir.resolve("customers.csv");
    SegmentExport.write(seg, ctx, ExportRequest.of(out, false, false, false), RunControl.none());
    List<List<String>> rows = Csv.parse(Files.readString(out, UTF_8));
    assertThat(rows).hasSize(1 + 4338);
    int p = rows.get(0).indexOf(MixtureColumns.PROBABILITY), b = rows.get(0).indexOf(MixtureColumns.BORDERLINE);
    int id = rows.get(0).indexOf("Customer"), segment = rows.get(0).indexOf("Segment");
    assertThat(p).isPositive();
    assertThat(b).isEqualTo(p + 1);
    String[] ids = seg.matrix().ids();
    int[] labels = seg.labels();
    int borderline = 0;
    for (int i = 0; i < 4338; i++) {
      List<String> r = rows.get(i + 1);
      assertThat(r.get(id)).isEqualTo(ids[i]);
      double top = max(probabilities[i]);
      assertThat(Double.parseDouble(r.get(p))).isCloseTo(top, within(1e-6));
      // the segment is the most probable component: its probability is at least 1/k
      assertThat(Double.parseDouble(r.get(p))).isGreaterThanOrEqualTo(0.25 - 1e-6);
      assertThat(Integer.parseInt(r.get(segment))).isEqualTo(labels[i]);
      boolean flag = GaussianMixtureModel.borderline(probabilities[i]);
      assertThat(r.get(b)).isEqualTo(flag ? "yes" : "no");
      if (flag) borderline++;
    }
    assertThat(borderline).isPositive().isLessThan(4338 / 2);
  }

  @Test
  void xlsxCustomersSheetHasTheSameColumns() throws IOException {
    SegmentationResult seg = run.result().segmentation();
    Path out = dir.resolve("segments.xlsx");
    SegmentExport.write(seg, ctx, ExportRequest.of(out, false, false, false), RunControl.none());
    try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile())) {
      List<Row> customers = wb.getFirstSheet().read();
      assertThat(customers).hasSize(1 + 4338);
      List<String> header = customers.get(0).stream().map(c -> c == null ? "" : c.getRawValue()).toList();
      int p = header.indexOf(MixtureColumns.PROBABILITY), b = header.indexOf(MixtureColumns.BORDERLINE);
      assertThat(p).isPositive();
      for (int i = 0; i < 4338; i++) {
        Row r = customers.get(i + 1);
        assertThat(r.getCellAsNumber(p).orElseThrow().doubleValue()).isCloseTo(max(probabilities[i]), within(1e-9));
        assertThat(r.getCellText(b)).isEqualTo(GaussianMixtureModel.borderline(probabilities[i]) ? "yes" : "no");
      }
    }
  }

  private static double max(double[] v) {
    double m = 0;
    for (double x : v) m = Math.max(m, x);
    return m;
  }
}
