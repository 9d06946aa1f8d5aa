package dev.segmentlab.core.export;

import dev.segmentlab.core.concurrent.RunControl;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExporterTest {
  @TempDir Path dir;

  static final String[] DESCRIPTIONS = {
      " RECORD FRAME 7\" SINGLE SIZE ", "DOTCOM POSTAGE", "Price £2.55, each", "line\nbreak", "say \"hi\"",
      "=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "-cmd", null, "plain"};

  static SheetData lines() {
    int n = DESCRIPTIONS.length;
    long[] qty = new long[n];
    double[] price = new double[n];
    long[] days = new long[n];
    LocalDateTime[] times = new LocalDateTime[n];
    for (int i = 0; i < n; i++) {
      qty[i] = i - 3;
      price[i] = i == 0 ? 4310.0 : i == 1 ? 77183.6 : i * 1.1;
      days[i] = LocalDate.of(2011, 12, 9).toEpochDay() - i;
      times[i] = LocalDateTime.of(2010, 12, 1, 8, 26).plusMinutes(i);
    }
    qty[n - 1] = SheetData.MISSING;
    price[n - 1] = Double.NaN;
    days[n - 1] = SheetData.MISSING;
    times[n - 1] = null;
    return SheetData.of("Lines",
        SheetData.Column.text("Description", DESCRIPTIONS),
        SheetData.Column.integers("Quantity", qty),
        SheetData.Column.numbers("Price", price),
        SheetData.Column.epochDays("Day", days),
        SheetData.Column.dateTimes("Invoice date", times),
        SheetData.Column.percents("Share", new double[n]));
  }

  @Test
  void roundTripKeepsTextExactlyAndEscapesFormulas() throws IOException {
    Path file = dir.resolve("lines.csv");
    CsvExporter.write(file, lines(), CsvExporter.Options.DEFAULT, false, RunControl.none());
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes[0]).isEqualTo((byte) 'D'); // no BOM unless asked
    List<List<String>> rows = parse(new String(bytes, UTF_8));
    assertThat(rows).hasSize(DESCRIPTIONS.length + 1);
    assertThat(rows.get(0)).containsExactly("Description", "Quantity", "Price", "Day", "Invoice date", "Share");
    assertThat(rows.get(1)).containsExactly(" RECORD FRAME 7\" SINGLE SIZE ", "-3", "4310", "2011-12-09",
        "2010-12-01T08:26:00", "0");
    assertThat(rows.get(2).subList(0, 3)).containsExactly("DOTCOM POSTAGE", "-2", "77183.6");
    assertThat(rows.get(3).get(0)).isEqualTo("Price £2.55, each");
    assertThat(rows.get(4).get(0)).isEqualTo("line\nbreak");
    assertThat(rows.get(5).get(0)).isEqualTo("say \"hi\"");
    assertThat(rows.get(6).get(0)).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(rows.get(7).get(0)).isEqualTo("'+1");
    assertThat(rows.get(8).get(0)).isEqualTo("'@SUM(A1)");
    assertThat(rows.get(9).get(0)).isEqualTo("'-cmd");
    assertThat(rows.get(10).get(0)).isEmpty(); // null text is a blank field
    assertThat(rows.get(11)).containsExactly("plain", "", "", "", "", "0");
    for (int r = 1; r < rows.size() - 1; r++) {
      // negative numbers are numbers: never escaped
      assertThat(Long.parseLong(rows.get(r).get(1))).isEqualTo(r - 4);
    }
  }

  @Test
  void quotesOnlyWhenNeeded() throws IOException {
    String text = write(lines(), CsvExporter.Options.DEFAULT);
    String[] physical = text.split("\r\n");
    assertThat(physical[0]).isEqualTo("Description,Quantity,Price,Day,Invoice date,Share");
    assertThat(physical[1]).startsWith("\" RECORD FRAME 7\"\" SINGLE SIZE \",-3,4310,2011-12-09,");
    assertThat(physical[2]).startsWith("DOTCOM POSTAGE,-2,77183.6,");
    assertThat(text).contains("\"Price £2.55, each\"").contains("\"say \"\"hi\"\"\"");
  }

  @Test
  void byteOrderMarkOnlyWhenAsked() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvExporter.write(out, lines(), CsvExporter.Options.EXCEL, RunControl.none());
    byte[] b = out.toByteArray();
    assertThat(new byte[] {b[0], b[1], b[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(b, 3, b.length - 3, UTF_8)).startsWith("Description,");
    assertThat(write(lines(), CsvExporter.Options.EXCEL.withByteOrderMark(false))).startsWith("Description,");
  }

  @Test
  void semicolonAndLfOptions() throws IOException {
    CsvExporter.Options o = new CsvExporter.Options(false, ';', false, "\n");
    String text = write(lines(), o);
    assertThat(text).startsWith("Description;Quantity;");
    assertThat(text).doesNotContain("\r");
    assertThat(text).contains("\nPrice £2.55, each;"); // the comma needs no quoting with ';'
    assertThat(text).contains("\n=HYPERLINK(\"\"x\"\")\";".substring(1)); // escaping switched off
    assertThatThrownBy(() -> new CsvExporter.Options(false, '|', true, "\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void progressEndsAtOneAndCancellationLeavesNoFile() throws IOException {
    int n = 20_000;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = i / 7.0;
    SheetData big = SheetData.of("big", SheetData.Column.numbers("v", v));
    List<Double> seen = new ArrayList<>();
    Path file = dir.resolve("big.csv");
    CsvExporter.write(file, big, CsvExporter.Options.DEFAULT, false, RunControl.of(null, seen::add, () -> false));
    assertThat(seen).isSortedAccordingTo(Double::compare).first().isEqualTo(0.0);
    assertThat(seen).last().isEqualTo(1.0);
    assertThat(Files.readAllLines(file)).hasSize(n + 1);

    int[] polls = {0};
    assertThatThrownBy(() -> CsvExporter.write(dir.resolve("cancelled.csv"), big, CsvExporter.Options.DEFAULT,
        false, RunControl.of(null, p -> {}, () -> ++polls[0] > 2))).isInstanceOf(CancellationException.class);
    assertThat(listing()).containsExactly("big.csv");
  }

  @Test
  void oneFilePerSegment() throws IOException {
    List<SheetData> segments = List.of(
        SheetData.of("Champions", SheetData.Column.integers("Customer", new long[] {1, 2})),
        SheetData.of("At risk / lapsing?", SheetData.Column.integers("Customer", new long[] {3})),
        SheetData.of("champions", SheetData.Column.integers("Customer", new long[] {4})));
    List<Path> files = CsvExporter.writeEach(dir, "segments", segments, CsvExporter.Options.DEFAULT, false,
        RunControl.none());
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("segments-Champions.csv", "segments-At risk _ lapsing_.csv", "segments-champions-2.csv");
    assertThat(Files.readAllLines(files.get(0))).containsExactly("Customer", "1", "2");
    assertThat(Files.readAllLines(files.get(2))).containsExactly("Customer", "4");

    // Without overwrite, one existing file stops the whole call before anything is written.
    Files.delete(files.get(0));
    Files.delete(files.get(2));
    assertThatThrownBy(() -> CsvExporter.writeEach(dir, "segments", segments, CsvExporter.Options.DEFAULT, false,
        RunControl.none())).isInstanceOf(ExportException.class).hasMessageContaining("already exists");
    assertThat(listing()).containsExactly("segments-At risk _ lapsing_.csv");
  }

  @Test
  void failureInALaterFileRemovesTheFilesThisCallCreated() throws IOException {
    long[] rows = new long[10_000];
    List<SheetData> segments = List.of(
        SheetData.of("A", SheetData.Column.integers("Customer", new long[] {1})),
        SheetData.of("B", SheetData.Column.integers("Customer", rows)),
        SheetData.of("C", SheetData.Column.integers("Customer", rows)));
    Files.writeString(dir.resolve("seg-A.csv"), "kept");
    int[] polls = {0};
    // A and B are written, C is cancelled: B (new) goes again, A (replaced) cannot be restored and stays.
    assertThatThrownBy(() -> CsvExporter.writeEach(dir, "seg", segments, CsvExporter.Options.DEFAULT, true,
        RunControl.of(null, p -> {}, () -> ++polls[0] > 4))).isInstanceOf(CancellationException.class);
    assertThat(listing()).containsExactly("seg-A.csv");
    assertThat(Files.readAllLines(dir.resolve("seg-A.csv"))).containsExactly("Customer", "1");
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String write(SheetData t, CsvExporter.Options o) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvExporter.write(out, t, o, RunControl.none());
    return out.toString(UTF_8);
  }

  /** A strict RFC 4180 reader, independent of the writer, for the round trip. */
  static List<List<String>> parse(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') { f.append('"'); i += 2; continue; }
        if (c == '"') { quoted = false; i++; continue; }
        f.append(c);
        i++;
      } else if (c == '"' && f.length() == 0) {
        quoted = true;
        i++;
      } else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
        i++;
      } else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += 2;
      } else {
        f.append(c);
        i++;
      }
    }
    if (!row.isEmpty() || f.length() > 0) { row.add(f.toString()); rows.add(row); }
    return rows;
  }
}
