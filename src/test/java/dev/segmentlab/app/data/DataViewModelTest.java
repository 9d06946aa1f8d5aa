package dev.segmentlab.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.segmentlab.app.AppContext;
import dev.segmentlab.app.DatasetLoader;
import dev.segmentlab.app.TestDialogs;
import dev.segmentlab.app.fx.SameThreadAsync;
import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.data.Mode;
import dev.segmentlab.core.data.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataViewModelTest {
  static final Path MALL = Path.of("src/test/resources/data/mall-customers.csv");
  @TempDir Path dir;
  private final TestDialogs dialogs = new TestDialogs();
  private final AppContext ctx = new AppContext(new SameThreadAsync(), dialogs, DatasetLoader.standard(), null, MALL);
  private final DataViewModel vm = ctx.data();

  @Test
  void openFileLoadsWhatTheDialogReturns() {
    dialogs.files.add(MALL);
    vm.openFile();
    assertThat(vm.reportProperty().get().rows()).isEqualTo(200);
    assertThat(vm.getColumns()).hasSize(5);
    assertThat(vm.summaryProperty().get()).isEqualTo("mall-customers.csv · 200 rows · 200 customers · customers");
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void aBadFileKeepsThePreviousDatasetAndSaysWhy() throws IOException {
    vm.openSample();
    Dataset before = ctx.session().getDataset();
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    vm.load(empty);
    assertThat(ctx.session().getDataset()).isSameAs(before);
    assertThat(vm.errorProperty().get()).contains("empty.csv is empty");
    assertThat(dialogs.errors).hasSize(1);
  }

  @Test
  void aWrongColumnsFileKeepsThePreviousDatasetAndAsksForTheMapping() throws IOException {
    vm.openSample();
    Dataset before = ctx.session().getDataset();
    Path p = Files.writeString(dir.resolve("no-customer.csv"), "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,"
        + "Country\n536365,85123A,6,2010-12-01 08:26:00,2.55,United Kingdom\n");
    dialogs.files.add(p);
    vm.openFile();
    assertThat(ctx.session().getDataset()).isSameAs(before);
    assertThat(vm.reportProperty().get()).isSameAs(before.report());
    assertThat(vm.errorProperty().get()).contains("no column for customer id");
    assertThat(vm.mappingNeededProperty().get().headers()).contains("InvoiceNo", "Country");
    assertThat(dialogs.errors).isEmpty(); // the mapping dialog says it instead
  }

  @Test
  void runningOutOfMemoryKeepsThePreviousDatasetAndSaysHowMuchIsNeeded() {
    vm.openSample();
    Dataset before = ctx.session().getDataset();
    AppContext c2 = new AppContext(new SameThreadAsync(), dialogs, (f, o, rc) -> {
      throw new OutOfMemoryError("Java heap space");
    }, null, MALL);
    c2.session().datasetProperty().set(before);
    c2.data().load(MALL);
    assertThat(c2.session().getDataset()).isSameAs(before);
    assertThat(dialogs.errors).singleElement().asString()
        .contains("mall-customers.csv needs about", "raise the heap with JAVA_OPTS=-Xmx");
  }

  @Test
  void cancellingALoadKeepsThePreviousDataset() {
    vm.openSample();
    Dataset before = ctx.session().getDataset();
    AppContext c2 = new AppContext(new SameThreadAsync(), dialogs, (f, o, rc) -> {
      throw new java.util.concurrent.CancellationException();
    }, null, MALL);
    c2.session().datasetProperty().set(before);
    c2.data().load(MALL);
    assertThat(c2.session().getDataset()).isSameAs(before);
    assertThat(c2.async().monitor().titleProperty().get()).contains("cancelled");
    assertThat(dialogs.errors).isEmpty();
  }

  @Test
  void remappingReloadsAsTransactions() throws IOException {
    Path p = Files.writeString(dir.resolve("odd.csv"),
        "order,sku,qty,when,cost,client\n1,A,2,2011-01-02 10:00,1.5,7\n2,B,1,2011-01-03 11:00,2.0,8\n");
    vm.openSample();
    Dataset before = ctx.session().getDataset();
    vm.load(p);
    // invoice and quantity but no date or price: not silently a customer table; the mapping dialog is asked for
    assertThat(ctx.session().getDataset()).isSameAs(before);
    assertThat(vm.mappingNeededProperty().get().headers()).containsExactly("order", "sku", "qty", "when", "cost", "client");
    assertThat(vm.errorProperty().get()).contains("no column for date, unit price");
    assertThat(vm.preview().orElseThrow().headers()).containsExactly("order", "sku", "qty", "when", "cost", "client");
    Map<Role, String> m = new EnumMap<>(Role.class);
    m.put(Role.INVOICE, "order");
    m.put(Role.QUANTITY, "qty");
    m.put(Role.INVOICE_DATE, "when");
    m.put(Role.UNIT_PRICE, "cost");
    m.put(Role.CUSTOMER_ID, "client");
    vm.remap(m);
    assertThat(vm.mappingNeededProperty().get()).isNull();
    assertThat(ctx.session().getDataset().mode()).isEqualTo(Mode.TRANSACTIONS);
    assertThat(vm.reportProperty().get().mapping()).containsEntry("customer_id", "client");
  }

  @Test
  void aWorkbookWithSeveralSheetsAsksWhichOne() throws IOException {
    Path x = dir.resolve("two.xlsx");
    try (var os = Files.newOutputStream(x)) {
      var wb = new org.dhatim.fastexcel.Workbook(os, "t", "1.0");
      for (String s : new String[] {"Year 2009-2010", "Year 2010-2011"}) {
        var ws = wb.newWorksheet(s);
        ws.value(0, 0, "CustomerID");
        ws.value(0, 1, "Spend");
        ws.value(1, 0, "a");
        ws.value(1, 1, s.endsWith("2010") ? 1 : 2);
        ws.value(2, 0, "b");
        ws.value(2, 1, 3);
      }
      wb.finish();
    }
    dialogs.choices.add("Year 2010-2011");
    vm.load(x);
    assertThat(vm.reportProperty().get().sheet()).isEqualTo("Year 2010-2011");
    assertThat(ctx.session().getDataset().customerTable().doubleColumn("Spend").get(0)).isEqualTo(2.0);
    vm.load(x); // the analyst closes the sheet picker: nothing happens
    assertThat(vm.reportProperty().get().sheet()).isEqualTo("Year 2010-2011");
  }

  @Test
  void numericColumnsGetMinimumMaximumAndMeanAndTheCurrencyIsGuessed() {
    dialogs.files.add(MALL);
    vm.openFile();
    // the published Mall Customers figures (pandas describe)
    assertThat(vm.numericFigure("Age", "min")).isEqualTo("18");
    assertThat(vm.numericFigure("Age", "max")).isEqualTo("70");
    assertThat(vm.numericFigure("Age", "mean")).isEqualTo("38.85");
    assertThat(vm.numericFigure("Annual Income (k$)", "mean")).isEqualTo("60.56");
    assertThat(vm.numericFigure("Spending Score (1-100)", "max")).isEqualTo("99");
    assertThat(vm.numericFigure("Gender", "min")).isEmpty();
    assertThat(vm.numericFigure("CustomerID", "min")).isEmpty();
    assertThat(vm.currencyProperty().get()).isEmpty();

    ctx.session().datasetProperty().set(dev.segmentlab.core.data.OnlineRetailFixture.dataset());
    // UCI Online Retail: quantity −80,995 … 80,995, mean 9.55; unit price −11,062.06 … 38,970, mean 4.61
    assertThat(vm.numericFigure("Quantity", "min")).isEqualTo(String.format("%,d", -80_995));
    assertThat(vm.numericFigure("Quantity", "max")).isEqualTo(String.format("%,d", 80_995));
    assertThat(vm.numericFigure("Quantity", "mean")).isEqualTo("9.55");
    assertThat(vm.numericFigure("UnitPrice", "min")).isEqualTo(String.format("%,.2f", -11_062.06));
    assertThat(vm.numericFigure("UnitPrice", "mean")).isEqualTo("4.61");
    assertThat(vm.numericSummaryProperty().get().get("Quantity").count()).isEqualTo(541_909);
    assertThat(vm.currencyProperty().get()).isEqualTo("£");
    assertThat(ctx.session().getCurrency()).isEqualTo("£");
  }
}
