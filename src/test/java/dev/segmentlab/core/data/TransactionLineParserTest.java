package dev.segmentlab.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass line parser must read every line exactly as the general path (tokenizer + row builder) does, and
 * hand the lines it does not handle (quotes, blank lines, CRs, odd field counts, unreadable values) to it.
 */
class TransactionLineParserTest {
  @TempDir Path dir;

  private static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";
  private static final String ODD_LINES = HEADER
      + "536365,85123A,WHITE HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\r\n"
      + "536365,71053,\"LANTERN, METAL\",6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom\r\n"
      + "536365,84406B,\"CREAM \"\"CUPID\"\" HEARTS\",8,2010-12-01 08:26:00,2.75,17850.0,United Kingdom\n"
      + "536365,84029G, KNITTED ,+6,2010-12-01 08:26:00, 3.39 ,17850.0 ,United Kingdom\n"
      + "\n"
      + "\r\n"
      + "536366,22633,HAND WARMER,-0,2010-12-01 08:28:00,1e1,,United Kingdom\n"
      + "536366,22632,HAND WARMER RED,123456789012345,2010-12-01 08:28:00,.5,,United Kingdom\n"
      + "536367, 84879 ,BIRD,32,2010-12-01 08:34:00,1.,13047.0,\"United Kingdom\"\n"
      + "536367,22745,POPPY,6,2010-12-01 08:34:00,2.1,13047.0,United Kingdom,extra\n"
      + "536367,22748,POPPY2,6,2010-12-01 08:34:00,2.1\n"
      + "536368,22960,\"JAM\nSET\",six,2010-12-01 08:34:00,4.25,13047,United Kingdom\n"
      + "536368,22960,JAM,-,2010-12-01 08:34:00,4.25,13047,United Kingdom\n"
      + "536368,22913,RED,3,2010-12-01 08:34:00,4.95,13047,United Kingdom\r\n"
      + "536368,22913,RED,3,2010-12-01 08:34:00,4.95,13047,United Kingdom\r\r\n"
      + "536368,22913,RED,3,2010-12-01 08:34:00,4.95,13047,United Kingdom\r\n"
      + "536369,21756,BATH,3,yesterday,5.95,13047,United Kingdom\n"
      + "5363691,21756,BATH,3,2010-12-01 08:35:00,5.95,13047,United Kingdom\n"
      + "536369,21756,BATH,3,2010-12-01 08:35:00,5.95,13047,United\n"
      + "536369,21756,BATH,3,2010-12-01 08:35:00,5.95,13047,United Kingdom";

  @Test
  void oddLinesReadAsTheGeneralPathReadsThem() throws IOException {
    Dataset d = assertSameAsGeneralPath("odd.csv", ODD_LINES, (byte) ',');
    Transactions tx = d.transactions();
    assertThat(tx.description().get(1)).isEqualTo("LANTERN, METAL");
    assertThat(tx.description().get(2)).isEqualTo("CREAM \"CUPID\" HEARTS");
    assertThat(tx.quantity()[3]).isEqualTo(6);
    assertThat(tx.unitPrice()[3]).isEqualTo(3.39);
    assertThat(Double.doubleToRawLongBits(tx.quantity()[4])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(tx.unitPrice()[4]).isEqualTo(10);
    assertThat(tx.quantity()[5]).isEqualTo(123456789012345d); // up to 1e15; beyond, "quantity out of range"
    assertThat(tx.stockCode().get(6)).isEqualTo("84879");
    assertThat(tx.country().get(0)).isEqualTo("United Kingdom");
    assertThat(tx.country().get(8)).isEqualTo("United Kingdom\r");
    assertThat(d.report().rejectReasons()).containsEntry("wrong number of fields", 2)
        .containsEntry("unreadable quantity", 2).containsEntry("unreadable date", 1);
  }

  @Test
  void semicolonsAndDecimalCommasToo() throws IOException {
    String csv = ODD_LINES.replace(',', ';').replace("2.55", "2,55").replace("3.39", "3,39").replace(".5;", ",5;");
    Dataset d = assertSameAsGeneralPath("odd-semicolons.csv", csv, (byte) ';');
    assertThat(d.transactions().unitPrice()[0]).isEqualTo(2.55);
    assertThat(d.transactions().unitPrice()[5]).isEqualTo(0.5);
  }

  /**
   * The parser guesses a line's description from its stock code (the description last added with it): lines where
   * the guess is wrong in each way it can be (a prefix, longer, blank, then right again, a stock code seen first
   * on a rejected line, a description ending in a CR when it is the last field) read as the general path reads them.
   */
  @Test
  void descriptionsGuessedFromStockCodesOnlyWhenTheBytesAreThem() throws IOException {
    String csv = HEADER
        + "1,A1,RED MUG,1,2010-12-01 08:26:00,1.5,17850.0,United Kingdom\n"
        + "2,A1,RED MUG,2,2010-12-01 08:27:00,1.5,17850.0,United Kingdom\n"
        + "3,A1,RED MU,3,2010-12-01 08:28:00,1.5,17850.0,United Kingdom\n"
        + "4,A1,RED MUGS,4,2010-12-01 08:29:00,1.5,17850.0,United Kingdom\n"
        + "5,A1,RED MUG,5,2010-12-01 08:30:00,1.5,17850.0,United Kingdom\n"
        + "6,A1,,6,2010-12-01 08:31:00,1.5,17850.0,United Kingdom\n"
        + "7,A1,RED MUG,7,2010-12-01 08:32:00,1.5,17850.0,United Kingdom\n"
        + "8,B2,BLUE MUG,x,2010-12-01 08:33:00,1.5,17850.0,United Kingdom\n"
        + "9,B2,BLUE MUG,9,2010-12-01 08:34:00,1.5,17850.0,United Kingdom\n"
        + "10,B2,\"BLUE MUG\",10,2010-12-01 08:35:00,1.5,17850.0,United Kingdom\n"
        + "11, B2,BLUE MUG,11,2010-12-01 08:36:00,1.5,17850.0,United Kingdom\n"
        + "12,B2,BLUE MUG,12,2010-12-01 08:37:00,1.5,17850.0,United Kingdom\n"
        + "13,A1,A VERY LONG DESCRIPTION OF A RED MUG,13,2010-12-01 08:38:00,1.5,17850.0,United Kingdom\n"
        + "14,A1,A VERY LONG DESCRIPTION OF A RED MUG,14,2010-12-01 08:39:00,1.5,17850.0,United Kingdom\n"
        + "15,A1,A VERY LONG DESCRIPTION OF A RED MUG!,15,2010-12-01 08:40:00,1.5,17850.0,United Kingdom\n";
    Dataset d = assertSameAsGeneralPath("guess.csv", csv, (byte) ',');
    TextColumn desc = d.transactions().description();
    assertThat(java.util.stream.IntStream.range(0, desc.size()).mapToObj(desc::get)).containsExactly(
        "RED MUG", "RED MUG", "RED MU", "RED MUGS", "RED MUG", null, "RED MUG", "BLUE MUG", "BLUE MUG", "BLUE MUG",
        "BLUE MUG", "A VERY LONG DESCRIPTION OF A RED MUG", "A VERY LONG DESCRIPTION OF A RED MUG",
        "A VERY LONG DESCRIPTION OF A RED MUG!");
    assertThat(d.report().rejectReasons()).containsEntry("unreadable quantity", 1);

    String lastField = "InvoiceNo,InvoiceDate,Quantity,UnitPrice,CustomerID,Country,StockCode,Description\n"
        + "1,2010-12-01 08:26:00,1,1.5,17850,UK,A1,RED MUG\r\n"
        + "2,2010-12-01 08:26:00,1,1.5,17850,UK,A1,RED MUG\r\n"
        + "3,2010-12-01 08:26:00,1,1.5,17850,UK,A1,RED MUG\n"
        + "4,2010-12-01 08:26:00,1,1.5,17850,UK,A1,RED MUG\r\n";
    d = assertSameAsGeneralPath("guess-last.csv", lastField, (byte) ',');
    assertThat(d.transactions().description().get(0)).isEqualTo("RED MUG");
    assertThat(d.transactions().description().get(2)).isEqualTo("RED MUG");
  }

  /** Numbers in every shape the one-pass reader works out itself or hands on: all read as the general path does. */
  @Test
  void numbersOfEveryShapeReadAsTheGeneralPathReadsThem() throws IOException {
    String[] numbers = {"1.", ".5", "-.5", "1.2.3", "-", "--1", "1-", "00012.50", "-0.0", "12345678901234567890",
        "1234567890.12345678", "3,5", "1e3", "", "7", "-42", "2.55", "0.001"};
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < numbers.length; i++) {
      csv.append(536365 + i).append(",A,CUP,").append(numbers[i]).append(",2010-12-01 08:26:00,")
          .append(numbers[numbers.length - 1 - i]).append(",17850,United Kingdom\n");
    }
    Dataset d = assertSameAsGeneralPath("numbers.csv", csv.toString(), (byte) ',');
    assertThat(d.transactions().quantity()).contains(1.0, 0.5, -0.5, 12.5, -42, 2.55); // "7" comes with price "1.2.3"
    assertThat(d.transactions().unitPrice()).contains(0.001, 2.55, -42);
  }

  /** Reads the file as the app does and compares every row and rejection with the general path's reading. */
  private Dataset assertSameAsGeneralPath(String name, String text, byte delim) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    Dataset d = Datasets.read(f);
    Transactions tx = d.transactions();

    byte[] data = text.getBytes(StandardCharsets.UTF_8);
    int dataStart = text.indexOf('\n') + 1;
    List<String> headers = Arrays.asList(text.substring(0, dataStart - 1).split(String.valueOf((char) delim)));
    ColumnMapping mapping = ColumnMapping.detect(headers);
    TransactionChunk general = new TransactionChunk(LoadReports.slots(mapping, headers.size()), headers.size(),
        delim != ',', false, StandardCharsets.UTF_8, 16);
    CsvTokenizer t = new CsvTokenizer(data, dataStart, data.length, delim);
    while (t.next()) {
      if (!t.isBlank()) general.accept(t, t.recordLine());
    }
    general.lineOffset = 1;
    TransactionAssembler.Result r = TransactionAssembler.assemble(List.of(general), StandardCharsets.UTF_8, true,
        LoadReports.names(mapping), null);
    Transactions want = r.transactions();

    assertThat(tx.size()).isEqualTo(want.size());
    for (int i = 0; i < tx.size(); i++) {
      assertThat(tx.invoice().get(i)).isEqualTo(want.invoice().get(i));
      assertThat(tx.stockCode().get(i)).isEqualTo(want.stockCode().get(i));
      assertThat(tx.description().get(i)).isEqualTo(want.description().get(i));
      assertThat(tx.customer().get(i)).isEqualTo(want.customer().get(i));
      assertThat(tx.country().get(i)).isEqualTo(want.country().get(i));
      assertThat(Double.doubleToRawLongBits(tx.quantity()[i])).isEqualTo(Double.doubleToRawLongBits(want.quantity()[i]));
      assertThat(Double.doubleToRawLongBits(tx.unitPrice()[i])).isEqualTo(Double.doubleToRawLongBits(want.unitPrice()[i]));
    }
    assertThat(tx.invoiceDate()).containsExactly(want.invoiceDate());
    assertThat(tx.lineNumber()).containsExactly(want.lineNumber());
    assertThat(d.report().rejected()).isEqualTo(r.rejected());
    assertThat(d.report().rejectReasons()).isEqualTo(r.reasons());
    assertThat(d.report().examples()).isEqualTo(r.examples());
    assertThat(d.report().customers()).isEqualTo(r.counts().textDistinct()[TransactionChunk.S_CUSTOMER]);
    return d;
  }
}
