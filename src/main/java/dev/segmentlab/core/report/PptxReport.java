package dev.segmentlab.core.report;

import dev.segmentlab.core.concurrent.RunControl;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.concurrent.CancellationException;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;

/**
 * The report as a 16:9 slide deck: title, executive summary, data and cleaning, choosing k, one slide per
 * segment, actions and an appendix ({@link #FIXED_SLIDES} + k slides). Segment sizes, the elbow and each
 * segment's profile are native PowerPoint charts (editable, with their data in an embedded workbook); the monthly
 * revenue, criteria and snake plots are pictures.
 */
public final class PptxReport {
  private PptxReport() {}

  /** Slides that every deck has, besides one per segment. */
  public static final int FIXED_SLIDES = 6;

  static final double W = 960;
  static final double H = 540;
  private static final Color TITLE = new Color(0x1f, 0x6f, 0xb2);
  private static final Color TEXT = new Color(0x22, 0x22, 0x22);
  private static final Color GREY = new Color(0x66, 0x66, 0x66);

  /**
   * Writes the deck to {@code out} (not closed).
   *
   * @param rc its progress: 0..1 as slides are made; its cancellation check: polled between slides
   * @throws IOException when the stream fails
   * @throws CancellationException when cancelled
   */
  public static void write(ReportModel m, OutputStream out, RunControl rc)
      throws IOException {
    DoubleConsumer progress = rc.progressSink();
    BooleanSupplier cancelled = rc.cancelledCheck();
    try (XMLSlideShow ppt = new XMLSlideShow()) {
      ppt.setPageSize(new Dimension((int) W, (int) H));
      title(ppt, m);
      summary(ppt, m);
      data(ppt, m);
      choice(ppt, m);
      int k = m.segments().size();
      for (ReportModel.Segment s : m.segments()) {
        if (cancelled.getAsBoolean()) throw new CancellationException("report cancelled");
        segment(ppt, m, s);
        progress.accept(0.2 + 0.7 * (s.id() + 1) / Math.max(1, k));
      }
      actions(ppt, m);
      appendix(ppt, m);
      ppt.write(out);
    }
  }

  private static void title(XMLSlideShow ppt, ReportModel m) {
    XSLFSlide s = ppt.createSlide();
    XSLFTextBox t = box(s, 60, 170, W - 120, 80);
    run(t.addNewTextParagraph(), "Customer segments", 40, true, TITLE);
    XSLFTextBox sub = box(s, 60, 260, W - 120, 120);
    ReportModel.Data d = m.data();
    run(sub.addNewTextParagraph(), d.file() + (d.firstDate().isEmpty() ? "" : " · " + d.firstDate() + " to " + d.lastDate()), 20, false, TEXT);
    run(sub.addNewTextParagraph(), String.format(Locale.ROOT, "%,d customers in %d segments", m.customers(), m.choice().chosen()), 20, false, TEXT);
    run(sub.addNewTextParagraph(), "Made " + m.reproduce().created().replace('T', ' ').replace("Z", " UTC") + " with SegmentLab "
        + m.reproduce().version(), 12, false, GREY);
  }

  private static void summary(XMLSlideShow ppt, ReportModel m) {
    XSLFSlide s = slide(ppt, "Executive summary");
    XSLFTextBox t = box(s, 40, 90, 430, 420);
    for (String line : m.summary()) bullet(t, line, 13);
    List<String> names = new ArrayList<>();
    List<Double> cust = new ArrayList<>();
    List<Double> rev = new ArrayList<>();
    for (ReportModel.Segment g : m.segments()) {
      names.add(g.name());
      cust.add(100 * g.share());
      rev.add(Double.isFinite(g.revenueShare()) ? 100 * g.revenueShare() : 0);
    }
    XSLFChart c = ppt.createChart();
    s.addChart(c, emu(490, 90, 440, 410));
    XDDFCategoryAxis x = c.createCategoryAxis(AxisPosition.LEFT);
    XDDFValueAxis y = c.createValueAxis(AxisPosition.BOTTOM);
    y.setCrosses(AxisCrosses.AUTO_ZERO);
    x.setOrientation(AxisOrientation.MAX_MIN);
    XDDFBarChartData data = (XDDFBarChartData) c.createData(ChartTypes.BAR, x, y);
    data.setBarDirection(BarDirection.BAR);
    XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(names.toArray(new String[0]),
        c.formatRange(new CellRangeAddress(1, names.size(), 0, 0)), 0);
    series(c, data, cats, cust, "% of customers", 1, new Color(0x1f, 0x6f, 0xb2));
    if (m.hasRevenue()) series(c, data, cats, rev, "% of revenue", 2, new Color(0xff, 0x7f, 0x0e));
    c.plot(data);
    c.setTitleText("Segment sizes (%)");
    c.setTitleOverlay(false);
    XDDFChartLegend legend = c.getOrAddLegend();
    legend.setPosition(LegendPosition.BOTTOM);
  }

  private static void data(XMLSlideShow ppt, ReportModel m) throws IOException {
    XSLFSlide s = slide(ppt, "Data and cleaning");
    ReportModel.Data d = m.data();
    XSLFTextBox t = box(s, 40, 90, 420, 160);
    bullet(t, String.format(Locale.ROOT, "%s: %,d rows read (%,d rejected), %s", d.file(), d.rows(), d.rejected(), d.mode()), 13);
    if (!d.firstDate().isEmpty()) bullet(t, "Period " + d.firstDate() + " to " + d.lastDate(), 13);
    bullet(t, String.format(Locale.ROOT, "%,d rows after cleaning; %,d customers segmented (of %,d in the file)",
        d.rowsAfterCleaning(), d.customers(), d.customersInFile()), 13);
    if (m.explore() != null) {
      ReportModel.Explore e = m.explore();
      bullet(t, String.format(Locale.ROOT, "Revenue %s in %,d orders; average order %s", HtmlReport.money(e.revenue()),
          e.invoices(), HtmlReport.money(e.averageBasketRevenue())), 13);
    }
    if (!d.cleaning().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"Cleaning rule", "Removed", "Left"});
      for (ReportModel.CleaningStep c : d.cleaning()) {
        rows.add(new String[] {c.rule(), String.format(Locale.ROOT, "%,d", c.removed()), String.format(Locale.ROOT, "%,d", c.remaining())});
      }
      table(s, rows, new double[] {240, 90, 90}, 40, 260, 11);
    }
    if (m.explore() != null) picture(ppt, s, ReportCharts.monthly(m.explore()), 480, 100, 450);
  }

  private static void choice(XMLSlideShow ppt, ReportModel m) throws IOException {
    XSLFSlide s = slide(ppt, "Choosing k = " + m.choice().chosen());
    XSLFTextBox t = box(s, 40, 80, W - 80, 80);
    XSLFTextParagraph p = t.addNewTextParagraph();
    run(p, m.choice().explanation(), 12, false, TEXT);
    List<String> ks = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    for (ReportModel.KPoint pt : m.choice().points()) {
      ks.add(Integer.toString(pt.k()));
      w.add(pt.wcss());
    }
    XSLFChart c = ppt.createChart();
    s.addChart(c, emu(40, 170, 420, 340));
    XDDFCategoryAxis x = c.createCategoryAxis(AxisPosition.BOTTOM);
    x.setTitle("k");
    XDDFValueAxis y = c.createValueAxis(AxisPosition.LEFT);
    y.setTitle("WCSS");
    y.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFLineChartData data = (XDDFLineChartData) c.createData(ChartTypes.LINE, x, y);
    XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(ks.toArray(new String[0]),
        c.formatRange(new CellRangeAddress(1, ks.size(), 0, 0)), 0);
    XDDFLineChartData.Series ser = (XDDFLineChartData.Series) series(c, data, cats, w, "WCSS", 1, new Color(0x1f, 0x6f, 0xb2));
    ser.setMarkerStyle(MarkerStyle.CIRCLE);
    ser.setSmooth(false);
    c.plot(data);
    c.setTitleText("Elbow: WCSS by k" + (m.choice().knee() == null ? "" : " (knee at " + m.choice().knee() + ")"));
    c.setTitleOverlay(false);
    picture(ppt, s, ReportCharts.criteria(m.choice()), 480, 200, 450);
  }

  private static void segment(XMLSlideShow ppt, ReportModel m, ReportModel.Segment g) throws IOException {
    XSLFSlide s = slide(ppt, g.name());
    Color colour = PngCharts.color(g.colour());
    XSLFTextBox t = box(s, 40, 76, 440, 270);
    String facts = String.format(Locale.ROOT, "%,d customers (%s)", g.size(), ReportCharts.pct(g.share()));
    if (Double.isFinite(g.revenueShare())) facts += ", " + ReportCharts.pct(g.revenueShare()) + " of revenue";
    if (g.hasPredictedRevenue()) facts += "; next 12 months " + HtmlReport.money(g.predictedRevenue()) + " predicted ("
        + ReportCharts.pct(g.predictedShare()) + ")";
    if (g.stability() != null) facts += String.format(Locale.ROOT, "; stability %.2f%s", g.stability(), g.unstable() ? " (unstable)" : "");
    run(t.addNewTextParagraph(), facts, 14, true, colour.darker());
    run(t.addNewTextParagraph(), g.description(), 13, false, TEXT);
    if (!g.action().isEmpty()) {
      XSLFTextParagraph p = t.addNewTextParagraph();
      p.setSpaceBefore(8.0);
      run(p, "Action: ", 13, true, TEXT);
      run(p, g.action(), 13, false, TEXT);
    }
    XSLFTextParagraph fp = t.addNewTextParagraph();
    fp.setSpaceBefore(8.0);
    StringBuilder means = new StringBuilder();
    for (ReportModel.Figure f : g.figures()) {
      if (means.length() > 0) means.append(" · ");
      means.append(f.feature()).append(' ').append(String.format(Locale.ROOT, "%,.1f", f.mean()));
    }
    run(fp, "Means: " + means, 11, false, GREY);
    if (!g.topProducts().isEmpty()) {
      XSLFTextParagraph p = t.addNewTextParagraph();
      p.setSpaceBefore(8.0);
      run(p, "Top products", 12, true, TEXT);
      for (ReportModel.Ranked r : g.topProducts()) bullet(t, r.label() + " (" + HtmlReport.money(r.value()) + ")", 11);
    }
    if (!g.topCountries().isEmpty()) {
      StringBuilder cs = new StringBuilder();
      for (ReportModel.Ranked r : g.topCountries()) cs.append(cs.length() == 0 ? "" : ", ").append(r.label()).append(String.format(Locale.ROOT, " (%,.0f)", r.value()));
      XSLFTextParagraph p = t.addNewTextParagraph();
      p.setSpaceBefore(6.0);
      run(p, "Top countries: " + cs, 11, false, GREY);
    }
    List<String> feats = new ArrayList<>();
    List<Double> rel = new ArrayList<>();
    for (ReportModel.Figure f : g.figures()) {
      feats.add(f.feature());
      rel.add(Double.isFinite(f.relative()) ? 100 * f.relative() : 0);
    }
    XSLFChart c = ppt.createChart();
    s.addChart(c, emu(500, 80, 430, 420));
    XDDFCategoryAxis x = c.createCategoryAxis(AxisPosition.BOTTOM);
    x.setTickLabelPosition(AxisTickLabelPosition.LOW);
    XDDFValueAxis y = c.createValueAxis(AxisPosition.LEFT);
    y.setTitle("% vs all customers");
    y.setCrosses(AxisCrosses.AUTO_ZERO);
    XDDFBarChartData data = (XDDFBarChartData) c.createData(ChartTypes.BAR, x, y);
    data.setBarDirection(BarDirection.COL);
    XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(feats.toArray(new String[0]),
        c.formatRange(new CellRangeAddress(1, feats.size(), 0, 0)), 0);
    series(c, data, cats, rel, g.name(), 1, colour);
    c.plot(data);
    c.setTitleText("Mean vs all customers (%)");
    c.setTitleOverlay(false);
    picture(ppt, s, ReportCharts.snake(m.segments(), g.id()), 40, 352, 360);
  }

  private static void actions(XMLSlideShow ppt, ReportModel m) {
    XSLFSlide s = slide(ppt, "Actions");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Segment", "Customers", "What to do"});
    for (ReportModel.Segment g : m.segments()) {
      rows.add(new String[] {g.name(), String.format(Locale.ROOT, "%,d", g.size()), g.action().isEmpty() ? g.description() : g.action()});
    }
    table(s, rows, new double[] {220, 100, 560}, 40, 90, m.segments().size() > 8 ? 10 : 12);
  }

  private static void appendix(XMLSlideShow ppt, ReportModel m) {
    XSLFSlide s = slide(ppt, "Appendix: reproduce this run");
    ReportModel.Reproduce r = m.reproduce();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Setting", "Value"});
    rows.add(new String[] {"File", r.file()});
    rows.add(new String[] {"SHA-256", r.sha256().isEmpty() ? "not computed" : r.sha256()});
    rows.add(new String[] {"Cleaning rules", r.rules().isEmpty() ? "none (customer table)" : String.join("; ", r.rules())});
    rows.add(new String[] {"Features", String.join(", ", r.features()) + " (" + r.transform() + ", " + r.scaling() + ")"});
    rows.add(new String[] {"k", r.k() + " (swept " + r.kMin() + " to " + r.kMax() + "), " + r.restarts() + " restarts, seed " + r.seed()});
    rows.add(new String[] {"Stability re-runs", Integer.toString(r.stabilityRuns())});
    rows.add(new String[] {"SegmentLab", r.version() + ", " + r.created()});
    table(s, rows, new double[] {160, 720}, 40, 85, 11);
    XSLFTextBox t = box(s, 40, 420, W - 80, 90);
    run(t.addNewTextParagraph(), r.command(), 10, false, GREY);
  }

  // ---- helpers

  private static XDDFChartData.Series series(XSLFChart c, XDDFChartData data, XDDFDataSource<String> cats, List<Double> values,
      String title, int col, Color colour) {
    XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromArray(values.toArray(new Double[0]),
        c.formatRange(new CellRangeAddress(1, values.size(), col, col)), col);
    XDDFChartData.Series ser = data.addSeries(cats, vals);
    ser.setTitle(title, c.setSheetTitle(title, col));
    XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(
        new byte[] {(byte) colour.getRed(), (byte) colour.getGreen(), (byte) colour.getBlue()}));
    if (data instanceof XDDFLineChartData) {
      XDDFLineProperties line = new XDDFLineProperties(fill);
      line.setWidth(2.25);
      ser.setLineProperties(line);
    } else {
      ser.setFillProperties(fill);
    }
    return ser;
  }

  private static XSLFSlide slide(XMLSlideShow ppt, String title) {
    XSLFSlide s = ppt.createSlide();
    XSLFTextBox t = box(s, 40, 22, W - 80, 50);
    run(t.addNewTextParagraph(), title, 26, true, TITLE);
    return s;
  }

  private static XSLFTextBox box(XSLFSlide s, double x, double y, double w, double h) {
    XSLFTextBox t = s.createTextBox();
    t.setAnchor(new Rectangle2D.Double(x, y, w, h));
    t.clearText();
    t.setWordWrap(true);
    return t;
  }

  private static XSLFTextRun run(XSLFTextParagraph p, String text, double size, boolean bold, Color colour) {
    XSLFTextRun r = p.addNewTextRun();
    r.setText(text);
    r.setFontSize(size);
    r.setBold(bold);
    r.setFontColor(colour);
    return r;
  }

  private static void bullet(XSLFTextBox t, String text, double size) {
    XSLFTextParagraph p = t.addNewTextParagraph();
    p.setBullet(true);
    p.setIndent(-12.0);
    p.setLeftMargin(14.0);
    p.setSpaceBefore(4.0);
    run(p, text, size, false, TEXT);
  }

  private static void table(XSLFSlide s, List<String[]> rows, double[] widths, double x, double y, double size) {
    XSLFTable t = s.createTable();
    for (int i = 0; i < rows.size(); i++) {
      XSLFTableRow row = t.addRow();
      for (String v : rows.get(i)) {
        XSLFTableCell c = row.addCell();
        c.clearText();
        XSLFTextRun r = run(c.addNewTextParagraph(), v, size, i == 0, i == 0 ? Color.WHITE : TEXT);
        r.setFontSize(size);
        c.setFillColor(i == 0 ? TITLE : i % 2 == 0 ? new Color(0xf3, 0xf6, 0xf9) : Color.WHITE);
      }
    }
    double total = 0;
    for (int i = 0; i < widths.length; i++) {
      t.setColumnWidth(i, widths[i]);
      total += widths[i];
    }
    t.setAnchor(new Rectangle2D.Double(x, y, total, rows.size() * (size + 10)));
  }

  private static void picture(XMLSlideShow ppt, XSLFSlide s, Chart c, double x, double y, double w) {
    XSLFPictureData pd = ppt.addPicture(PngCharts.png(c, 2), PictureData.PictureType.PNG);
    XSLFPictureShape ps = s.createPicture(pd);
    ps.setAnchor(new Rectangle2D.Double(x, y, w, c.height() * w / c.width()));
  }

  /** POI places a chart's frame in EMU, unlike every other shape (points). */
  private static Rectangle2D emu(double x, double y, double w, double h) {
    return new Rectangle2D.Double(Units.toEMU(x), Units.toEMU(y), Units.toEMU(w), Units.toEMU(h));
  }

}
