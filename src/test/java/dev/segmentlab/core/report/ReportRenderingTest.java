package dev.segmentlab.core.report;

import dev.segmentlab.core.concurrent.RunControl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportRenderingTest {
  @TempDir Path dir;

  @Test
  void htmlIsSelfContainedWellFormedAndSaysEverySegment() throws Exception {
    ReportModel m = ReportFixtures.onlineRetail();
    Path out = dir.resolve("report.html");
    assertThat(ReportWriter.write(m, out, false, RunControl.none())).isEqualTo(ReportFormat.HTML);
    String html = Files.readString(out);
    // well-formed XHTML (the PDF is laid out from the same markup)
    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    assertThat(html).contains("4,338", "<script>", HtmlReport.READY_ATTRIBUTE, "class=\"sortable\"", "@media print");
    assertThat(html).doesNotContain("src=\"http", "href=\"http", "<img");
    assertThat(count(html, "<svg ")).as("inline charts").isEqualTo(8 + 2 * 4);
    for (ReportModel.Segment s : m.segments()) {
      assertThat(html).contains(Html.esc(s.name()), String.format(Locale.ROOT, "%,d customers", s.size()));
      assertThat(html).contains("id=\"segment-" + s.id() + "\"");
    }
    assertThat(html).contains("<tr class=\"chosen\"><td class=\"n\" data-v=\"4.0\">4</td>");
  }

  @Test
  void pdfTextHoldsCustomersSegmentsAndKWithEmbeddedFonts() throws Exception {
    ReportModel m = ReportFixtures.onlineRetail();
    Path out = dir.resolve("report.pdf");
    ReportWriter.write(m, out, false, RunControl.none());
    try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("4,338 customers from online-retail.csv.gz", "Customers segmented 4,338");
      assertThat(text).contains("Choosing the number of segments", "chosen k = 4", "4 segments (k)");
      for (ReportModel.Segment s : m.segments()) {
        assertThat(text).contains(s.name() + " " + String.format(Locale.ROOT, "%,d customers (%s)", s.size(), ReportCharts.pct(s.share())));
      }
      assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(4 + 5);
      List<String> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (COSName n : page.getResources().getFontNames()) {
          PDFont f = page.getResources().getFont(n);
          fonts.add(f.getName());
          assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
        }
      }
      assertThat(fonts).anyMatch(f -> f.contains("DejaVuSans"));
    }
  }

  @Test
  void pptxHasTheFixedSlidesOnePerSegmentAndNativeCharts() throws Exception {
    ReportModel m = ReportFixtures.onlineRetail();
    Path out = dir.resolve("deck.pptx");
    ReportWriter.write(m, out, false, RunControl.none());
    try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(out))) {
      List<XSLFSlide> slides = ppt.getSlides();
      assertThat(slides).hasSize(PptxReport.FIXED_SLIDES + 4);
      assertThat(ppt.getCharts()).hasSize(2 + 4);
      assertThat(title(slides.get(1))).isEqualTo("Executive summary");
      assertThat(title(slides.get(3))).isEqualTo("Choosing k = 4");
      for (ReportModel.Segment s : m.segments()) {
        XSLFSlide slide = slides.get(4 + s.id());
        assertThat(title(slide)).isEqualTo(s.name());
        assertThat(text(slide)).contains(String.format(Locale.ROOT, "%,d customers", s.size()));
        List<XSLFChart> charts = slide.getRelations().stream().filter(XSLFChart.class::isInstance).map(XSLFChart.class::cast).toList();
        assertThat(charts).hasSize(1);
        // editable: the chart's data lives in an embedded workbook
        assertThat(charts.get(0).getWorkbook().getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("recency");
      }
      assertThat(title(slides.get(slides.size() - 2))).isEqualTo("Actions");
      assertThat(ppt.getPackage().getPartsByName(Pattern.compile("/ppt/charts/chart\\d+\\.xml"))).hasSize(6);
    }
  }

  @Test
  void aCancelledReportLeavesNoFileAndABadExtensionIsRefused() throws Exception {
    ReportModel m = ReportFixtures.mall();
    Path out = dir.resolve("deck.pptx");
    assertThatThrownBy(() -> ReportWriter.write(m, out, false, RunControl.of(null, p -> { }, () -> true))).isInstanceOf(CancellationException.class);
    assertThat(out).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
    assertThatThrownBy(() -> ReportWriter.write(m, dir.resolve("report.docx"), false, RunControl.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".html, .pdf or .pptx");
  }

  @Test
  void mallCustomersRendersInAllThreeFormats() throws Exception {
    ReportModel m = ReportFixtures.mall();
    for (ReportFormat f : ReportFormat.values()) ReportWriter.write(m, dir.resolve("mall." + f.extension()), false, RunControl.none());
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("mall.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains("200 customers", "customer table");
      for (ReportModel.Segment s : m.segments()) assertThat(text).contains(s.name());
    }
    try (XMLSlideShow ppt = new XMLSlideShow(Files.newInputStream(dir.resolve("mall.pptx")))) {
      assertThat(ppt.getSlides()).hasSize(PptxReport.FIXED_SLIDES + m.segments().size());
    }
  }

  static String title(XSLFSlide s) {
    for (XSLFShape sh : s.getShapes()) if (sh instanceof XSLFTextShape t) return t.getText().trim();
    return "";
  }

  static String text(XSLFSlide s) {
    StringBuilder sb = new StringBuilder();
    for (XSLFShape sh : s.getShapes()) if (sh instanceof XSLFTextShape t) sb.append(t.getText()).append('\n');
    return sb.toString();
  }

  private static int count(String s, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
    int n = 0;
    while (m.find()) n++;
    return n;
  }
}
