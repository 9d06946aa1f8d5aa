package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.segmentlab.core.export.ParquetExporter;
import dev.segmentlab.core.export.SheetData;
import dev.segmentlab.core.pipeline.ExportRequest;
import dev.segmentlab.core.pipeline.Pipeline;
import dev.segmentlab.core.pipeline.PipelineOptions;
import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.pipeline.SegmentExport;
import dev.segmentlab.core.quality.Cleaner;
import dev.segmentlab.core.quality.CleaningOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet written by the app and read back through the front door gives the same data. */
class ParquetRoundTripTest {
  @TempDir Path dir;

  /** Online Retail's lines as a table with the file's column names and types a warehouse would use. */
  static SheetData asTable(Transactions tx) {
    int n = tx.size();
    return SheetData.of("retail", List.of(
        SheetData.Column.text("InvoiceNo", n, tx.invoice()::get),
        SheetData.Column.text("StockCode", n, tx.stockCode()::get),
        SheetData.Column.text("Description", n, tx.description()::get),
        SheetData.Column.numbers("Quantity", tx.quantity()),
        SheetData.Column.epochSeconds("InvoiceDate", tx.invoiceDate()),
        SheetData.Column.numbers("UnitPrice", tx.unitPrice()),
        SheetData.Column.text("CustomerID", n, tx.customer()::get),
        SheetData.Column.text("Country", n, tx.country()::get)));
  }

  @Test
  void onlineRetailWrittenAsParquetReadsBackEqual() throws Exception {
    Transactions a = OnlineRetailFixture.transactions();
    Path file = dir.resolve("online-retail.parquet");
    ParquetExporter.write(file, asTable(a), false, RunControl.none());
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("online-retail.parquet");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Dataset d;
    try {
      d = Datasets.read(file, ReadOptions.defaults(), RunControl.on(pool));
    } finally {
      pool.shutdown();
    }
    assertThat(d.report().format()).isEqualTo("parquet");
    assertThat(d.report().rows()).isEqualTo(541_909);
    assertThat(d.report().rejected()).isZero();
    assertThat(d.report().customers()).isEqualTo(4_372);
    Transactions b = d.transactions();
    assertThat(b.quantity()).isEqualTo(a.quantity());
    assertThat(b.unitPrice()).isEqualTo(a.unitPrice());
    assertThat(b.invoiceDate()).isEqualTo(a.invoiceDate());
    for (int i = 0; i < a.size(); i += 997) {
      assertThat(b.invoice().get(i)).isEqualTo(a.invoice().get(i));
      assertThat(b.description().get(i)).isEqualTo(a.description().get(i));
      assertThat(b.customer().get(i)).isEqualTo(a.customer().get(i));
    }
    assertThat(b.customer().missing()).isEqualTo(135_080);
    assertThat(Cleaner.clean(b, CleaningOptions.defaults()).report())
        .isEqualTo(Cleaner.clean(a, CleaningOptions.defaults()).report());
    FilePreview p = Datasets.preview(file, null, 3);
    assertThat(p.rows().get(0)).containsExactly("536365", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "6",
        "2010-12-01 08:26:00", "2.55", "17850", "United Kingdom");
  }

  @Test
  void labeledCustomersExportToParquetAndReadBack() throws Exception {
    Path mall = Path.of("src/test/resources/data/mall-customers.csv");
    PipelineOptions d = PipelineOptions.defaults();
    PipelineOptions o = new PipelineOptions(d.read(), d.cleaning(), d.features(), d.transform(), d.scaling(), 2, 6, 5,
        d.restarts(), d.seed(), 0);
    PipelineResult r = Pipeline.run(mall, o, RunControl.none());
    Path out = dir.resolve("mall-segments.parquet");
    ExportRequest req = ExportRequest.of(out, false, false, false);
    assertThat(req.format()).isEqualTo(ExportRequest.Format.PARQUET);
    SegmentExport.Outcome written = SegmentExport.write(r.segmentation(),
        SegmentExport.Context.of(r.dataset(), r.cleaned()), req, RunControl.none());
    assertThat(written.customers()).isEqualTo(200);
    Dataset back = Datasets.read(out, ReadOptions.defaults(), RunControl.none());
    assertThat(back.mode()).isEqualTo(Mode.CUSTOMERS);
    assertThat(back.rows()).isEqualTo(200);
    SheetData expected = SegmentExport.customers(r.segmentation(), null);
    assertThat(back.customerTable().columnNames()).containsExactlyElementsOf(
        expected.columns().stream().map(SheetData.Column::name).toList());
    int[] labels = r.segmentation().labels();
    double[] segment = back.customerTable().numberColumn("Segment").asDoubleArray();
    for (int i = 0; i < labels.length; i++) assertThat(segment[i]).isEqualTo(labels[i]);
    assertThat(back.customerTable().stringColumn("Segment name").get(0))
        .isEqualTo(r.segmentation().names().get(labels[0]));
    assertThatThrownBy(() -> SegmentExport.write(r.segmentation(), SegmentExport.Context.of(r.dataset(), r.cleaned()),
        req, RunControl.none())).hasMessageContaining("already exists");
  }

  @Test
  void aBrokenParquetFileIsOneMessage() throws Exception {
    Path bad = dir.resolve("broken.parquet");
    Files.write(bad, new byte[] {'P', 'A', 'R', '1', 1, 2, 3, 4, 5, 6, 7, 8, 'P', 'A', 'R', '1'});
    assertThatThrownBy(() -> Datasets.read(bad, ReadOptions.defaults(), RunControl.none()))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("The Parquet file broken.parquet could not be read (");
  }
}
