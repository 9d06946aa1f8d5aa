package dev.segmentlab.core.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.ArrayList;

/**
 * The report as one self-contained HTML file: charts inline (SVG for browsers, PNG for the PDF), tables sortable
 * by a tiny inline script (which marks {@code <body data-report-ready="1">} when it ran), and print CSS that
 * starts each segment on a new page. The markup is well-formed XHTML so that openhtmltopdf can read it.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** How charts are embedded. */
  public enum Charts {
    /** inline {@code <svg>}: sharp, searchable, small (browsers) */
    SVG,
    /** {@code <img src="data:image/png…">} at 2× (for mail clients and viewers without SVG) */
    PNG,
    /** {@code <object type="%s" data-chart="i">} placeholders that {@link PdfReport} draws as vectors */
    OBJECT
  }

  /** The {@code type} of the chart placeholders in {@link Charts#OBJECT} mode. */
  static final String CHART_OBJECT = "application/x-segmentlab-chart";

  /** HTML with chart placeholders, and the charts they stand for (index = {@code data-chart}). */
  record WithCharts(String html, List<Chart> charts) {}

  /** The report for openhtmltopdf: charts as {@code <object>} placeholders, no script. */
  static WithCharts htmlWithChartObjects(ReportModel m) {
    HtmlReport.Writer w = new HtmlReport.Writer(m, Charts.OBJECT);
    return new WithCharts(w.write(), List.copyOf(w.collected));
  }

  /** Marker attribute the inline script sets on {@code <body>} once it has run. */
  public static final String READY_ATTRIBUTE = "data-report-ready";

  /** The report for a browser (inline SVG, sortable tables). */
  public static String html(ReportModel m) {
    return html(m, Charts.SVG);
  }

  /** The report with charts embedded as given; the PNG flavour has no script (it feeds the PDF). */
  public static String html(ReportModel m, Charts charts) {
    return new HtmlReport.Writer(m, charts).write();
  }

  private static final class Writer {
    private final ReportModel m;
    private final Charts charts;
    private final StringBuilder sb = new StringBuilder(256 * 1024);
    private final List<Chart> collected = new ArrayList<>();

    Writer(ReportModel m, Charts charts) {
      this.m = m;
      this.charts = charts;
    }

    String write() {
      sb.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
          .append("<meta name=\"generator\" content=\"SegmentLab ").append(esc(m.reproduce().version())).append("\"/>")
          .append("<title>Customer segments: ").append(esc(m.title())).append("</title><style>").append(css()).append("</style></head><body>");
      header();
      summary();
      data();
      if (m.explore() != null) explore();
      choice();
      overview();
      for (ReportModel.Segment s : m.segments()) segment(s);
      actions();
      reproduce();
      // CDATA keeps the file well-formed XML; the comment markers hide it from an HTML parser
      if (charts == Charts.SVG) sb.append("<script>//<![CDATA[\n").append(SCRIPT).append("//]]></script>");
      sb.append("</body></html>\n");
      return sb.toString();
    }

    private void header() {
      ReportModel.Data d = m.data();
      sb.append("<header><h1>Customer segments</h1><p class=\"sub\">").append(esc(d.file()));
      if (!d.firstDate().isEmpty()) sb.append(" · ").append(esc(d.firstDate())).append(" to ").append(esc(d.lastDate()));
      sb.append(" · made ").append(esc(m.reproduce().created().replace('T', ' ').replace("Z", " UTC")))
          .append(" with SegmentLab ").append(esc(m.reproduce().version())).append("</p></header>");
    }

    private void summary() {
      sb.append("<section id=\"summary\"><h2>Executive summary</h2><table class=\"tiles\"><tr>");
      tile(String.format(Locale.ROOT, "%,d", m.customers()), "customers");
      tile(Integer.toString(m.choice().chosen()), "segments (k)");
      if (m.explore() != null) {
        tile(money(m.explore().revenue()), "revenue");
        tile(String.format(Locale.ROOT, "%,d", m.explore().invoices()), "orders");
      } else {
        tile(String.format(Locale.ROOT, "%,d", m.data().rows()), "rows");
        tile(Integer.toString(m.reproduce().features().size()), "features");
      }
      sb.append("</tr></table><ul class=\"summary\">");
      for (String s : m.summary()) sb.append("<li>").append(esc(s)).append("</li>");
      sb.append("</ul>");
      figure(ReportCharts.sizes(m.segments(), m.hasRevenue()), "Share of customers" + (m.hasRevenue() ? " and of revenue" : "") + " by segment");
      sb.append("</section>");
    }

    private void tile(String value, String label) {
      sb.append("<td><div class=\"v\">").append(esc(value)).append("</div><div class=\"l\">").append(esc(label)).append("</div></td>");
    }

    private void data() {
      ReportModel.Data d = m.data();
      sb.append("<section id=\"data\"><h2>Data and cleaning</h2><table class=\"facts\">");
      fact("File", d.file() + " (" + d.format() + ", " + String.format(Locale.ROOT, "%,d", m.reproduce().bytes()) + " bytes)");
      fact("Mode", d.mode());
      fact("Rows read", String.format(Locale.ROOT, "%,d (%,d rejected)", d.rows(), d.rejected()));
      if (!d.firstDate().isEmpty()) fact("Period", d.firstDate() + " to " + d.lastDate());
      fact("Customers in the file", String.format(Locale.ROOT, "%,d", d.customersInFile()));
      fact("Rows after cleaning", String.format(Locale.ROOT, "%,d", d.rowsAfterCleaning()));
      fact("Customers segmented", String.format(Locale.ROOT, "%,d", d.customers()));
      sb.append("</table>");
      if (!d.cleaning().isEmpty()) {
        sb.append("<h3>Cleaning rules, in the order applied</h3><table class=\"sortable\" id=\"cleaning\"><thead><tr>")
            .append("<th>Rule</th><th class=\"n\">Rows removed</th><th class=\"n\">Rows left</th></tr></thead><tbody>");
        for (ReportModel.CleaningStep s : d.cleaning()) {
          sb.append("<tr><td>").append(esc(s.rule())).append("</td>");
          num(s.removed(), String.format(Locale.ROOT, "%,d", s.removed()));
          num(s.remaining(), String.format(Locale.ROOT, "%,d", s.remaining()));
          sb.append("</tr>");
        }
        sb.append("</tbody></table>");
      } else {
        sb.append("<p>A customer table: one row per customer, no cleaning rules apply.</p>");
      }
      sb.append("</section>");
    }

    private void explore() {
      ReportModel.Explore e = m.explore();
      sb.append("<section id=\"explore\"><h2>What the transactions show</h2>");
      sb.append(String.format(Locale.ROOT, "<p>%s revenue in %,d orders of %,d products; an average order is worth %s, "
          + "with a median of %.0f units and %.0f distinct products.</p>", esc(money(e.revenue())), e.invoices(), e.products(),
          esc(money(e.averageBasketRevenue())), e.medianBasketItems(), e.medianBasketProducts()));
      boolean partial = e.monthly().stream().anyMatch(ReportModel.Month::partial);
      figure(ReportCharts.monthly(e), "Revenue by month" + (partial ? " (light bars: months the data covers only in part)" : ""));
      figure(ReportCharts.countries(e), "Top countries by share of revenue");
      if (!e.cohorts().isEmpty()) figure(ReportCharts.cohorts(e), "Retention by month of first purchase");
      sb.append("</section>");
    }

    private void choice() {
      ReportModel.KChoice c = m.choice();
      sb.append("<section id=\"choosing-k\"><h2>Choosing the number of segments</h2><p>").append(esc(c.explanation())).append("</p>");
      figure(ReportCharts.elbow(c), "The elbow: within-cluster sum of squares by k");
      figure(ReportCharts.criteria(c), "Other criteria by k (red: the chosen k)");
      sb.append("<table class=\"sortable\" id=\"sweep\"><thead><tr><th class=\"n\">k</th><th class=\"n\">WCSS</th>")
          .append("<th class=\"n\">Silhouette</th><th class=\"n\">Calinski-Harabasz</th><th class=\"n\">Davies-Bouldin</th></tr></thead><tbody>");
      for (ReportModel.KPoint p : c.points()) {
        sb.append(p.k() == c.chosen() ? "<tr class=\"chosen\">" : "<tr>");
        num(p.k(), Integer.toString(p.k()));
        num(p.wcss(), fmt("%,.1f", p.wcss()));
        num(p.silhouette(), fmt("%.3f", p.silhouette()));
        num(p.calinskiHarabasz(), fmt("%,.0f", p.calinskiHarabasz()));
        num(p.daviesBouldin(), fmt("%.3f", p.daviesBouldin()));
        sb.append("</tr>");
      }
      sb.append("</tbody></table></section>");
    }

    private void overview() {
      List<String> features = m.reproduce().features();
      sb.append("<section id=\"segments\"><h2>The segments</h2><table class=\"sortable\" id=\"segment-table\"><thead><tr>")
          .append("<th>Segment</th><th class=\"n\">Customers</th><th class=\"n\">Share</th>");
      if (m.hasRevenue()) sb.append("<th class=\"n\">Revenue share</th>");
      for (String f : features) sb.append("<th class=\"n\">").append(esc(f)).append(" (mean)</th>");
      sb.append("<th class=\"n\">Stability</th></tr></thead><tbody>");
      for (ReportModel.Segment s : m.segments()) {
        sb.append("<tr><td data-v=\"").append(s.id()).append("\"><span class=\"sw\" style=\"background:").append(esc(s.colour()))
            .append("\"></span> ").append(esc(s.name())).append("</td>");
        num(s.size(), String.format(Locale.ROOT, "%,d", s.size()));
        num(s.share(), ReportCharts.pct(s.share()));
        if (m.hasRevenue()) num(s.revenueShare(), ReportCharts.pct(s.revenueShare()));
        for (ReportModel.Figure f : s.figures()) num(f.mean(), fmt("%,.1f", f.mean()));
        num(s.stability() == null ? Double.NaN : s.stability(), s.stability() == null ? "–" : fmt("%.2f", s.stability()) + (s.unstable() ? " (unstable)" : ""));
        sb.append("</tr>");
      }
      sb.append("</tbody></table>");
      figure(ReportCharts.snake(m.segments(), -1), "Snake plot: each segment's standardised feature means");
      figure(ReportCharts.heatmap(m.segments(), -1), "Heatmap: how far each segment's mean is from all customers'");
      sb.append("</section>");
    }

    private void segment(ReportModel.Segment s) {
      sb.append("<section class=\"segment\" id=\"segment-").append(s.id()).append("\"><h2><span class=\"sw big\" style=\"background:")
          .append(esc(s.colour())).append("\"></span> ").append(esc(s.name())).append("</h2><p class=\"lead\">")
          .append(String.format(Locale.ROOT, "%,d customers (%s)", s.size(), ReportCharts.pct(s.share())));
      if (Double.isFinite(s.revenueShare())) sb.append(", ").append(ReportCharts.pct(s.revenueShare())).append(" of revenue (").append(esc(money(s.revenue()))).append(")");
      if (s.hasPredictedRevenue()) {
        sb.append("; predicted revenue of the next 12 months ").append(esc(money(s.predictedRevenue()))).append(" (")
            .append(ReportCharts.pct(s.predictedShare())).append(" of the total)");
      }
      if (s.stability() != null) sb.append(String.format(Locale.ROOT, "; stability %.2f%s", s.stability(), s.unstable() ? ", unstable: read with care" : ""));
      sb.append(".</p><p>").append(esc(s.description())).append("</p>");
      if (!s.action().isEmpty()) sb.append("<p class=\"action\"><b>Suggested action:</b> ").append(esc(s.action())).append("</p>");
      sb.append("<table class=\"sortable\"><thead><tr><th>Feature</th><th class=\"n\">Mean</th><th class=\"n\">Median</th>")
          .append("<th class=\"n\">All customers (mean)</th><th class=\"n\">vs all</th></tr></thead><tbody>");
      for (ReportModel.Figure f : s.figures()) {
        sb.append("<tr><td>").append(esc(f.feature())).append("</td>");
        num(f.mean(), fmt("%,.1f", f.mean()));
        num(f.median(), fmt("%,.1f", f.median()));
        num(f.overallMean(), fmt("%,.1f", f.overallMean()));
        num(f.relative(), fmt("%+.0f%%", 100 * f.relative()));
        sb.append("</tr>");
      }
      sb.append("</tbody></table>");
      if (!s.topProducts().isEmpty() || !s.topCountries().isEmpty()) {
        sb.append("<table class=\"two\"><tr><td>");
        ranked("Top products (revenue)", s.topProducts(), true);
        sb.append("</td><td>");
        ranked("Top countries (customers)", s.topCountries(), false);
        sb.append("</td></tr></table>");
      }
      figure(ReportCharts.snake(m.segments(), s.id()), "Snake plot: " + s.name() + " against the other segments");
      figure(ReportCharts.heatmap(m.segments(), s.id()), "Heatmap position of " + s.name());
      sb.append("</section>");
    }

    private void ranked(String title, List<ReportModel.Ranked> items, boolean money) {
      if (items.isEmpty()) return;
      sb.append("<h4>").append(esc(title)).append("</h4><ol>");
      for (ReportModel.Ranked r : items) {
        sb.append("<li>").append(esc(r.label())).append(" <span class=\"q\">")
            .append(esc(money ? money(r.value()) : String.format(Locale.ROOT, "%,.0f", r.value()))).append("</span></li>");
      }
      sb.append("</ol>");
    }

    private void actions() {
      sb.append("<section id=\"actions\"><h2>Actions</h2><table class=\"sortable\"><thead><tr><th>Segment</th>")
          .append("<th class=\"n\">Customers</th>").append(m.hasRevenue() ? "<th class=\"n\">Revenue share</th>" : "")
          .append("<th>What to do</th></tr></thead><tbody>");
      for (ReportModel.Segment s : m.segments()) {
        sb.append("<tr><td data-v=\"").append(s.id()).append("\">").append(esc(s.name())).append("</td>");
        num(s.size(), String.format(Locale.ROOT, "%,d", s.size()));
        if (m.hasRevenue()) num(s.revenueShare(), ReportCharts.pct(s.revenueShare()));
        sb.append("<td>").append(esc(s.action().isEmpty() ? s.description() : s.action())).append("</td></tr>");
      }
      sb.append("</tbody></table></section>");
    }

    private void reproduce() {
      ReportModel.Reproduce r = m.reproduce();
      sb.append("<section id=\"reproduce\"><h2>Appendix: how to reproduce this run</h2><table class=\"facts\">");
      fact("File", r.file());
      fact("SHA-256", r.sha256().isEmpty() ? "not computed" : r.sha256());
      fact("Size", String.format(Locale.ROOT, "%,d bytes", r.bytes()));
      fact("Cleaning rules", r.rules().isEmpty() ? "none (customer table)" : String.join("; ", r.rules()));
      fact("Features", String.join(", ", r.features()));
      fact("Transform, scaling", r.transform() + ", " + r.scaling());
      fact("k", r.k() + " (swept " + r.kMin() + " to " + r.kMax() + ")");
      fact("Restarts, seed", r.restarts() + ", " + r.seed());
      fact("Stability re-runs", Integer.toString(r.stabilityRuns()));
      fact("SegmentLab", r.version());
      fact("Made", r.created());
      sb.append("</table><pre class=\"cmd\">").append(esc(r.command())).append("</pre></section>");
    }

    private void fact(String k, String v) {
      sb.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
    }

    private void num(double sortValue, String text) {
      sb.append("<td class=\"n\" data-v=\"").append(Double.isFinite(sortValue) ? Double.toString(sortValue) : "").append("\">")
          .append(esc(text)).append("</td>");
    }

    private void figure(Chart c, String caption) {
      sb.append("<figure>");
      double w = Math.min(c.width(), 640);
      double h = c.height() * w / c.width();
      if (charts == Charts.SVG) {
        sb.append(SvgCharts.svg(c));
      } else if (charts == Charts.OBJECT) {
        sb.append("<object type=\"").append(CHART_OBJECT).append("\" data-chart=\"").append(collected.size())
            .append("\" style=\"display:block;width:").append(Math.round(w)).append("px;height:").append(Math.round(h)).append("px\"></object>");
        collected.add(c);
      } else {
        sb.append("<img alt=\"").append(esc(c.title())).append("\" style=\"width:").append(Math.round(w)).append("px;height:")
            .append(Math.round(h)).append("px\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(PngCharts.png(c, 2))).append("\"/>");
      }
      sb.append("<figcaption>").append(esc(caption)).append("</figcaption></figure>");
    }

    private static String esc(String s) { return Html.esc(s); }
  }

  static String money(double v) {
    if (!Double.isFinite(v)) return "–";
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String fmt(String f, double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "–";
  }

  private static String css() {
    return """
        body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;font-size:10.5pt;color:#222;margin:24px auto;max-width:980px;padding:0 16px;line-height:1.4}
        h1{font-size:22pt;margin:0 0 4px}h2{font-size:15pt;border-bottom:2px solid #1f6fb2;padding-bottom:3px;margin-top:28px}
        h3{font-size:12pt}h4{font-size:10.5pt;margin:8px 0 4px}.sub{color:#666;margin:0}
        table{border-collapse:collapse;margin:8px 0}th,td{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
        th{background:#f3f6f9}td.n,th.n{text-align:right}tr.chosen td{background:#fdecea;font-weight:bold}
        table.facts th{width:190px;background:none;color:#555}table.tiles td{border:none;padding:6px 28px 6px 0}
        .tiles .v{font-size:20pt;font-weight:bold;color:#1f6fb2}.tiles .l{color:#666}
        table.two td{border:none;width:50%;padding-right:24px}
        .sw{display:inline-block;width:10px;height:10px;border-radius:2px}.sw.big{width:14px;height:14px}
        .lead{font-weight:bold}.action{background:#eef6ee;border-left:4px solid #2ca02c;padding:6px 10px}
        .q{color:#666}figure{margin:12px 0}figcaption{color:#666;font-size:9pt}
        svg.chart{max-width:100%;height:auto;display:block}pre.cmd{font-family:"DejaVu Sans",Verdana,sans-serif;white-space:pre-wrap;word-wrap:break-word;background:#f5f5f5;padding:8px;font-size:8.5pt}
        table.sortable th{cursor:pointer}table.sortable th.asc:after{content:" \\25B2"}table.sortable th.desc:after{content:" \\25BC"}
        @page{size:A4;margin:16mm 14mm}
        @media print{body{margin:0;max-width:none;font-size:9.5pt}section.segment,#choosing-k,#segments,#actions,#reproduce,#explore{page-break-before:always}
        figure,table,ol{page-break-inside:avoid}h2,h3,h4{page-break-after:avoid}table.sortable th{cursor:auto}th.asc:after,th.desc:after{content:""}}
        """;
  }

  private static final String SCRIPT = """
      (function(){
        function key(td){var v=td.getAttribute('data-v');if(v!==null&&v!==''&&!isNaN(+v))return +v;return td.textContent.trim().toLowerCase();}
        document.querySelectorAll('table.sortable').forEach(function(t){
          var ths=t.tHead?t.tHead.rows[0].cells:[];
          Array.prototype.forEach.call(ths,function(th,i){
            th.addEventListener('click',function(){
              var asc=!th.classList.contains('asc');
              Array.prototype.forEach.call(ths,function(h){h.classList.remove('asc','desc');});
              th.classList.add(asc?'asc':'desc');
              var body=t.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
              rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);var c=(typeof x===typeof y)?(x<y?-1:x>y?1:0):(typeof x==='number'?-1:1);return asc?c:-c;});
              rows.forEach(function(r){body.appendChild(r);});
            });
          });
        });
        document.body.setAttribute('data-report-ready','1');
      })();
      """;
}
