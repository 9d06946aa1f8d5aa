package dev.segmentlab.core.pipeline;

import dev.segmentlab.core.concurrent.RunControl;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentlab.core.export.ExportException;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.export.WorkspaceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export sheets of Online Retail (defaults, k = 4) written, read back and checked. */
class SegmentExportTest {
  static final Path FILE = Path.of("assets/data/online-retail.csv.gz");
  static PipelineResult run;
  static SegmentExport.Context ctx;

  @TempDir Path dir;

  @BeforeAll
  static void runOnce() {
    PipelineOptions d = PipelineOptions.defaults();
    PipelineOptions o = new PipelineOptions(d.read(), d.cleaning(), d.features(), d.transform(), d.scaling(),
        d.kMin(), d.kMax(), 4, d.restarts(), d.seed(), 0);
    run = Pipeline.run(FILE, o, RunControl.none());
    ctx = SegmentExport.Context.of(run.dataset(), run.cleaned());
  }

  @Test
  void theChosenCurrencyIsTheWorkbooksMoneyFormat() throws Exception {
    Path out = dir.resolve("euro.xlsx");
    SegmentExport.write(run.segmentation(), ctx, ExportRequest.of(out, false, false, false),
        dev.segmentlab.core.export.XlsxExporter.Options.DEFAULT.withCurrency("€"), RunControl.none());
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(out.toFile());
        java.io.InputStream in = z.getInputStream(z.getEntry("xl/styles.xml"))) {
      String styles = new String(in.readAllBytes(), UTF_8);
      assertThat(styles).contains("formatCode=\"&quot;&#x20ac;&quot;#,##0.00\"").doesNotContain("&#xa3;");
    }
    try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile(),
        new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
      List<Row> customers = wb.getFirstSheet().read();
      int monetary = texts(customers.get(0)).indexOf("monetary");
      assertThat(customers.get(1).getCell(monetary).getType()).isEqualTo(CellType.NUMBER);
      assertThat(customers.get(1).getCell(monetary).getDataFormatString()).isEqualTo("\"€\"#,##0.00");
    }
    // the default stays pounds (the bundled data's)
    Path pounds = dir.resolve("pounds.xlsx");
    SegmentExport.write(run.segmentation(), ctx, ExportRequest.of(pounds, false, false, false), RunControl.none());
    try (ReadableWorkbook wb = new ReadableWorkbook(pounds.toFile(),
        new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
      List<Row> customers = wb.getFirstSheet().read();
      int monetary = texts(customers.get(0)).indexOf("monetary");
      assertThat(customers.get(1).getCell(monetary).getDataFormatString()).isEqualTo("\"£\"#,##0.00");
    }
  }

  @Test
  void workbookHasEveryCustomerOnceAndInExactlyOneSegmentSheet() throws IOException {
    Path out = dir.resolve("segments.xlsx");
    SegmentExport.Outcome o = SegmentExport.write(run.segmentation(), ctx,
        ExportRequest.of(out, false, false, false), RunControl.none());
    assertThat(o.customers()).isEqualTo(4338);
    try (ReadableWorkbook wb = new ReadableWorkbook(out.toFile())) {
      List<Sheet> sheets = wb.getSheets().toList();
      List<String> names = sheets.stream().map(Sheet::getName).toList();
      assertThat(names).startsWith("Customers", "Segments").endsWith("Sweep", "Cleaning", "Parameters").hasSize(4 + 6).contains("Campaign");
      List<Row> customers = sheets.get(0).read();
      assertThat(customers).hasSize(1 + 4338);
      List<String> header = texts(customers.get(0));
      assertThat(header).contains("Customer", "Segment", "Segment name", "recency", "frequency", "monetary", "tenure",
          "avg_order_value", "distinct_products", "avg_items_per_order", "return_rate", "recency (prepared)",
          "monetary (prepared)", "Silhouette", "Country", "Top product");
      int monetary = header.indexOf("monetary");
      int silhouette = header.indexOf("Silhouette");
      assertThat(customers.get(1).getCell(monetary).getType()).isEqualTo(CellType.NUMBER);
      assertThat(customers.get(1).getCell(silhouette).getType()).isEqualTo(CellType.NUMBER);
      Map<String, String> segmentOf = new HashMap<>();
      for (Row r : customers.subList(1, customers.size())) segmentOf.put(r.getCell(0).getText(), r.getCell(1).getRawValue());
      assertThat(segmentOf).hasSize(4338);

      Set<String> seen = new HashSet<>();
      int inSegmentSheets = 0;
      for (int s = 0; s < 4; s++) {
        Sheet sheet = sheets.get(2 + s);
        assertThat(sheet.getName()).startsWith(s + " " + run.segmentation().names().get(s).substring(0, 3));
        List<Row> rows = sheet.read();
        for (Row r : rows.subList(1, rows.size())) {
          String id = r.getCell(0).getText();
          assertThat(seen.add(id)).as("customer %s in one segment sheet only", id).isTrue();
          assertThat(segmentOf.get(id)).isEqualTo(Integer.toString(s));
          inSegmentSheets++;
        }
      }
      assertThat(inSegmentSheets).isEqualTo(4338);

      Map<String, String> params = new HashMap<>();
      for (Row r : sheets.get(sheets.size() - 1).read()) params.put(r.getCell(0).getText(), r.getCell(1).getText());
      assertThat(params).containsEntry("seed", "42").containsEntry("k", "4").containsEntry("k min", "2")
          .containsEntry("restarts", "10").containsEntry("input file", "online-retail.csv.gz")
          .containsEntry("features", "recency, frequency, monetary").containsEntry("scaling", "standard")
          .containsEntry("rule cancellations", "on");
      assertThat(params.get("input SHA-256")).hasSize(64);

      List<Row> segments = sheets.get(1).read();
      assertThat(segments).hasSize(1 + 4 + 1); // header, k segments, all customers
      assertThat(segments.get(5).getCell(1).getText()).isEqualTo("All customers");
      List<Row> cleaning = sheets.get(sheets.size() - 2).read();
      assertThat(cleaning.get(cleaning.size() - 1).getCell(2).asNumber().intValue())
          .isEqualTo(run.cleaned().report().rowsAfterCleaning());
    }
  }

  @Test
  void csvKeepsPoundSignsEdgeSpacesAndEscapesFormulaLikeNames() throws IOException {
    List<String> names = new ArrayList<>(run.segmentation().names());
    names.set(0, "£1k+ spenders");
    names.set(1, "@risk customers");
    SegmentationResult renamed = run.segmentation().withLabels(names, run.segmentation().colours());
    Path out = dir.resolve("customers.csv");
    SegmentExport.write(renamed, ctx, ExportRequest.of(out, true, false, false), RunControl.none());
    byte[] bytes = Files.readAllBytes(out);
    assertThat(bytes[0] & 0xFF).isEqualTo(0xEF); // the BOM Excel needs for £
    List<List<String>> rows = Csv.parse(new String(bytes, 3, bytes.length - 3, UTF_8));
    assertThat(rows).hasSize(1 + 4338);
    int name = rows.get(0).indexOf("Segment name");
    int top = rows.get(0).indexOf("Top product");
    Set<String> segmentNames = new HashSet<>();
    for (List<String> r : rows.subList(1, rows.size())) segmentNames.add(r.get(name));
    assertThat(segmentNames).contains("£1k+ spenders", "'@risk customers");
    // Online Retail descriptions often end in a space; the export must keep it, as the data has it.
    String[] expected = SegmentExport.topProducts(renamed, run.cleaned());
    long edgeSpaces = 0;
    for (int i = 1; i < rows.size(); i++) {
      String value = rows.get(i).get(top);
      String want = expected[i - 1] == null ? "" : expected[i - 1];
      assertThat(value).isEqualTo(!want.isEmpty() && "=+-@\t\r".indexOf(want.charAt(0)) >= 0 ? "'" + want : want);
      if (value.endsWith(" ")) edgeSpaces++;
    }
    assertThat(edgeSpaces).isPositive();
  }

  @Test
  void perSegmentCsvWritesOneFilePerSegmentBesideTheCustomers() throws IOException {
    Path out = dir.resolve("retail.csv");
    SegmentExport.Outcome o = SegmentExport.write(run.segmentation(), ctx, ExportRequest.of(out, false, true, false),
        RunControl.none());
    assertThat(o.files()).hasSize(5);
    assertThat(o.files().get(1).getFileName().toString()).startsWith("retail-0 ");
    int total = 0;
    for (Path p : o.files().subList(1, 5)) total += Csv.parse(Files.readString(p)).size() - 1;
    assertThat(total).isEqualTo(4338);
    // A second export without overwrite fails before touching anything.
    assertThatThrownBy(() -> SegmentExport.write(run.segmentation(), ctx, ExportRequest.of(out, false, true, false),
        RunControl.none())).isInstanceOf(ExportException.class).hasMessageContaining("already exists");
  }

  @Test
  void anUnwritableTargetFailsCleanlyAndLeavesNoFile() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("plain.txt"), "x");
    assertThatThrownBy(() -> SegmentExport.write(run.segmentation(), ctx,
        ExportRequest.of(notAFolder.resolve("out.xlsx"), false, false, true), RunControl.none()))
        .isInstanceOf(ExportException.class).hasMessageContaining("not a folder");
    Path folder = Files.createDirectory(dir.resolve("taken.xlsx"));
    assertThatThrownBy(() -> SegmentExport.write(run.segmentation(), ctx,
        ExportRequest.of(folder, false, false, true), RunControl.none()))
        .isInstanceOf(ExportException.class).hasMessageContaining("folder of that name");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain.txt", "taken.xlsx");
    }
    try (Stream<Path> inside = Files.list(folder)) {
      assertThat(inside).isEmpty();
    }
    assertThat(Files.readString(notAFolder)).isEqualTo("x");
  }

  @Test
  void aSavedWorkspaceReopensWithTheSameLabelsAndNames() throws IOException {
    List<String> names = new ArrayList<>(run.segmentation().names());
    names.set(2, "Weekend gardeners");
    SegmentationResult edited = run.segmentation().withLabels(names, run.segmentation().colours());
    Workspace ws = WorkspaceRunner.capture(edited, run.dataset(), run.cleaned(), ctx.input(), Instant.now());
    Path file = dir.resolve("retail" + WorkspaceFile.EXTENSION);
    WorkspaceFile.write(file, ws, false);

    Workspace back = WorkspaceFile.read(file);
    assertThat(back).isEqualTo(ws);
    WorkspaceRunner.Outcome again = WorkspaceRunner.run(back, 0, RunControl.none());
    assertThat(again.inputChanged()).isFalse();
    assertThat(again.reproduced()).isTrue();
    assertThat(again.warning()).isNull();
    assertThat(again.result().segmentation().labels()).isEqualTo(run.segmentation().labels());
    assertThat(again.result().segmentation().names()).isEqualTo(names);
    assertThat(again.result().segmentation().colours()).isEqualTo(run.segmentation().colours());

    // The same workspace applied to the same file puts every customer where the run did.
    SegmentAssigner.Assignment a = SegmentAssigner.assign(FILE, back, RunControl.none());
    assertThat(a.segmentation().matrix().ids()).isEqualTo(run.matrix().ids());
    assertThat(a.segmentation().labels()).isEqualTo(run.segmentation().labels());
    assertThat(a.counts()).isEqualTo(run.solution().sizes());
    assertThat(a.segmentation().names()).isEqualTo(names);
  }

  private static List<String> texts(Row r) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < r.getCellCount(); c++) out.add(r.getCellText(c));
    return out;
  }
}
