package dev.segmentlab.core.data;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input gets a message an analyst can act on; good rows of a partly broken file still load. */
class BadInputTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private String message(Path p) {
    return assertThrows(DataException.class, () -> Datasets.read(p)).getMessage();
  }

  @Test
  void emptyFile() throws IOException {
    assertThat(message(file("empty.csv", ""))).contains("is empty (0 bytes)");
  }

  @Test
  void headerOnly() throws IOException {
    assertThat(message(file("header.csv", "InvoiceNo,StockCode,Quantity\n"))).contains("has a header but no data rows");
  }

  @Test
  void binaryFile() throws IOException {
    Path p = dir.resolve("image.csv");
    Files.write(p, new byte[] {'G', 'I', 'F', '8', 0, 1, 2, 3, 0, 0, '\n', 5});
    assertThat(message(p)).contains("not a text file");
    // binary without a NUL byte, gzipped: its control characters tell
    byte[] noise = new byte[4000];
    new java.util.Random(7).nextBytes(noise);
    for (int i = 0; i < noise.length; i++) if (noise[i] == 0) noise[i] = 1;
    Path gz = dir.resolve("noise.csv.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(noise);
    }
    assertThat(message(gz)).contains("not a text file");
  }

  @Test
  void columnsThatMapToNothing() throws IOException {
    assertThat(message(file("notes.csv", "note,author\nhello,ann\nbye,bob\n")))
        .contains("neither transaction columns").contains("note, author");
  }

  @Test
  void zeroByteAndProtectedXlsx() throws IOException {
    Path empty = dir.resolve("empty.xlsx");
    Files.write(empty, new byte[0]);
    assertThat(message(empty)).contains("is empty");
    Path ole = dir.resolve("protected.xlsx");
    byte[] b = new byte[512];
    b[0] = (byte) 0xD0; b[1] = (byte) 0xCF; b[2] = 0x11; b[3] = (byte) 0xE0;
    Files.write(ole, b);
    assertThat(message(ole)).contains("password-protected");
    Path broken = dir.resolve("broken.xlsx");
    Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    assertThat(message(broken)).containsAnyOf("damaged", "could not be opened", "Could not read");
  }

  @Test
  void missingFileAndUtf16() throws IOException {
    assertThat(message(dir.resolve("nope.csv"))).contains("File not found");
    Path u16 = dir.resolve("u16.csv");
    Files.write(u16, "InvoiceNo,Quantity\n1,2\n".getBytes(StandardCharsets.UTF_16));
    assertThat(message(u16)).contains("UTF-16");
  }

  @Test
  void aFileThatDisappearsMidReadGetsAClearMessage() {
    DataException e = FileBytes.ioError(Path.of("gone.csv"), new NoSuchFileException("gone.csv"));
    assertThat(e.getMessage()).contains("disappeared while it was being read");
  }

  @Test
  void raggedAndUnreadableRowsAreRejectedAndCounted() throws IOException {
    String csv = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
        + "536365,85123A,WHITE HANGING HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
        + "536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0\n"
        + "536366,22633,HAND WARMER,six,2010-12-01 08:28:00,1.85,17850.0,United Kingdom\n"
        + "536367,84879,BIRD ORNAMENT,32,yesterday,1.69,13047.0,United Kingdom\n"
        + "536368,22960,JAM MAKING SET,6,2010-12-01 08:34:00,4.25,13047,United Kingdom\n";
    Dataset d = Datasets.read(file("broken-rows.csv", csv));
    assertThat(d.rows()).isEqualTo(2);
    assertThat(d.report().rejected()).isEqualTo(3);
    assertThat(d.report().rejectReasons()).containsEntry("wrong number of fields", 1)
        .containsEntry("unreadable quantity", 1).containsEntry("unreadable date", 1);
    assertThat(d.report().examples()).extracting(LoadReport.Rejection::line).containsExactly(3, 4, 5);
    assertThat(d.report().customers()).isEqualTo(2);
    assertThat(d.transactions().customer().get(1)).isEqualTo("13047");
  }

  @Test
  void onlineRetailIiHeadersMap() throws IOException {
    String csv = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n"
        + "489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom\n"
        + "C489449,22087,PAPER BUNTING WHITE LACE,-12,2009-12-01 10:33:00,2.95,16321.0,Australia\n";
    Dataset d = Datasets.read(file("online_retail_II.csv", csv));
    assertThat(d.mode()).isEqualTo(Mode.TRANSACTIONS);
    assertThat(d.report().mapping()).containsEntry("invoice", "Invoice").containsEntry("unit_price", "Price")
        .containsEntry("customer_id", "Customer ID").containsEntry("invoice_date", "InvoiceDate");
    assertThat(d.transactions().isCancellation(1)).isTrue();
  }

  @Test
  void mallCustomersOpenAsACustomerTableWithBothHeaders() {
    for (String f : new String[] {"mall-customers.csv", "mall-customers-genre-variant.csv"}) {
      Dataset d = Datasets.read(Path.of("src/test/resources/data", f));
      assertThat(d.mode()).isEqualTo(Mode.CUSTOMERS);
      assertThat(d.rows()).isEqualTo(200);
      assertThat(d.report().customers()).isEqualTo(200);
      assertThat(d.report().mapping()).containsEntry("customer_id", "CustomerID");
      assertThat(d.customerTable().columnNames()).hasSize(5);
    }
  }

  @Test
  void analystMappingOverridesDetection() throws IOException {
    String csv = "order,sku,qty,when,cost,client\n1,A,2,2011-01-02 10:00,1.5,7\n2,B,1,2011-01-03 11:00,2.0,8\n";
    Path p = file("odd.csv", csv);
    // invoice and quantity found, date and unit price not: not silently a customer table (issue 24)
    MappingNeeded needed = assertThrows(MappingNeeded.class, () -> Datasets.read(p));
    assertThat(needed.missing()).containsExactly(Role.INVOICE_DATE, Role.UNIT_PRICE);
    assertThat(needed.getMessage()).contains("invoice (order)", "quantity (qty)", "no column for date, unit price");
    Map<Role, String> m = new EnumMap<>(Role.class);
    m.put(Role.INVOICE, "order");
    m.put(Role.STOCK_CODE, "sku");
    m.put(Role.QUANTITY, "qty");
    m.put(Role.INVOICE_DATE, "when");
    m.put(Role.UNIT_PRICE, "cost");
    m.put(Role.CUSTOMER_ID, "client");
    Dataset d = Datasets.read(p, ReadOptions.defaults().withMapping(m), RunControl.none());
    assertThat(d.mode()).isEqualTo(Mode.TRANSACTIONS);
    assertThat(d.report().customers()).isEqualTo(2);
    m.put(Role.COUNTRY, "nation");
    assertThat(assertThrows(DataException.class,
        () -> Datasets.read(p, ReadOptions.defaults().withMapping(m), RunControl.none())).getMessage())
        .contains("'nation'").contains("is not in the file");
  }

  @Test
  void aGzipOfSeveralMembersIsReadWhole() throws IOException {
    // the trailer then states only the last member's size: the block reader reads on through the members
    byte[] all;
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(OnlineRetailFixture.FILE))) {
      all = in.readAllBytes();
    }
    int cut = all.length / 3;
    while (all[cut - 1] != '\n') cut++;
    Path two = dir.resolve("two-members.csv.gz");
    try (var out = Files.newOutputStream(two)) {
      for (int[] range : new int[][] {{0, cut}, {cut, all.length}}) {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
          gz.write(all, range[0], range[1] - range[0]);
        }
        out.write(bytes.toByteArray());
      }
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      Dataset d = Datasets.read(two, ReadOptions.defaults(), RunControl.on(pool));
      assertThat(d.rows()).isEqualTo(541_909);
      assertThat(d.report().customers()).isEqualTo(4_372);
      assertThat(d.transactions().lineNumber()[541_908]).isEqualTo(541_910);
      assertThrows(CancellationException.class, () -> Datasets.read(OnlineRetailFixture.FILE,
          ReadOptions.defaults(), RunControl.of(pool, p -> { }, () -> true)));
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A gzip file big enough to be read in blocks, every record holding a quoted line break: a block cut after one
   * (about half of them) is noticed and the file read whole; either way, it reads as without blocks.
   */
  @Test
  void quotedLineBreaksAtBlockBoundariesReadAsWithoutBlocks() throws IOException {
    StringBuilder csv = new StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
    int lines = 0;
    while (csv.length() < 9_000_000) {
      csv.append(536365 + lines / 9).append(",S").append(lines % 500).append(",\"LINE ").append(lines)
          .append("\nSECOND, PART\",").append(1 + lines % 11).append(",2011-01-0").append(1 + lines / 9 % 9)
          .append(" 10:00,1.25,").append(12000 + lines % 300).append(",France\n");
      lines++;
    }
    Path f = dir.resolve("quoted.csv.gz");
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
      gz.write(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      Dataset blocks = Datasets.read(f, ReadOptions.defaults(), RunControl.on(pool));
      Dataset whole = Datasets.read(f, ReadOptions.defaults(), RunControl.none());
      assertThat(blocks.rows()).isEqualTo(lines);
      assertThat(blocks.report().rejected()).isZero();
      assertThat(blocks.report()).isEqualTo(whole.report());
      assertThat(blocks.transactions().lineNumber()).isEqualTo(whole.transactions().lineNumber());
      assertThat(blocks.transactions().description().get(lines - 1)).isEqualTo("LINE " + (lines - 1) + "\nSECOND, PART");
      assertThat(blocks.transactions().lineNumber()[lines - 1]).isEqualTo(2 * lines);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void cancellationStopsTheRead() {
    assertThrows(CancellationException.class, () -> Datasets.read(OnlineRetailFixture.FILE,
        ReadOptions.defaults(), RunControl.of(null, p -> { }, () -> true)));
  }

  @Test
  void quotedLineBreaksAndBomAndTabs() throws IOException {
    String tsv = "\uFEFFInvoiceNo\tStockCode\tDescription\tQuantity\tInvoiceDate\tUnitPrice\tCustomerID\tCountry\n"
        + "1\tA\t\"two\nlines\"\t1\t2011-01-02 10:00\t1.5\t7\tFrance\n"
        + "2\tB\t\"say \"\"hi\"\"\"\t2\t2011-01-03 11:00\t2\t8\tFrance\n";
    Dataset d = Datasets.read(file("x.tsv", tsv));
    assertThat(d.report().delimiter()).isEqualTo("\\t");
    assertThat(d.transactions().description().get(0)).isEqualTo("two\nlines");
    assertThat(d.transactions().description().get(1)).isEqualTo("say \"hi\"");
    assertThat(d.transactions().lineNumber()[1]).isEqualTo(4);
  }
}
