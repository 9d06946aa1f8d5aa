package dev.segmentlab.core.report;

import java.util.Locale;

/** Draws a {@link Chart} as an inline SVG element (no external references, text as text so it can be searched). */
public final class SvgCharts {
  private SvgCharts() {}

  /** The chart as one {@code <svg>} element that scales to its container's width. */
  public static String svg(Chart c) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(n(c.width())).append(' ').append(n(c.height())).append("\" width=\"").append(n(c.width()))
        .append("\" height=\"").append(n(c.height())).append("\" font-family=\"DejaVu Sans, Verdana, sans-serif\">");
    if (c.title() != null) sb.append("<title>").append(Html.esc(c.title())).append("</title>");
    for (Chart.Element e : c.elements()) {
      if (e instanceof Chart.Rect r) {
        sb.append("<rect x=\"").append(n(r.x())).append("\" y=\"").append(n(r.y())).append("\" width=\"")
            .append(n(r.w())).append("\" height=\"").append(n(r.h())).append("\" fill=\"").append(r.fill()).append('"');
        if (!"none".equals(r.stroke()) && r.stroke() != null) sb.append(" stroke=\"").append(r.stroke()).append('"');
        if (r.title() != null) sb.append("><title>").append(Html.esc(r.title())).append("</title></rect>");
        else sb.append("/>");
      } else if (e instanceof Chart.Line l) { sb.append("<line x1=\"").append(n(l.x1())).append("\" y1=\"").append(n(l.y1()))
          .append("\" x2=\"").append(n(l.x2())).append("\" y2=\"").append(n(l.y2())).append("\" stroke=\"")
          .append(l.stroke()).append("\" stroke-width=\"").append(n(l.width())).append('"')
          .append(l.dashed() ? " stroke-dasharray=\"4 3\"/>" : "/>");
      } else if (e instanceof Chart.Polyline p) {
        sb.append("<polyline fill=\"none\" stroke=\"").append(p.stroke()).append("\" stroke-width=\"").append(n(p.width()))
            .append('"').append(p.dashed() ? " stroke-dasharray=\"4 3\"" : "").append(" points=\"");
        for (int i = 0; i < p.xs().length; i++) sb.append(i == 0 ? "" : " ").append(n(p.xs()[i])).append(',').append(n(p.ys()[i]));
        sb.append("\"/>");
      } else if (e instanceof Chart.Circle ci) {
        sb.append("<circle cx=\"").append(n(ci.cx())).append("\" cy=\"").append(n(ci.cy())).append("\" r=\"")
            .append(n(ci.r())).append("\" fill=\"").append(ci.fill()).append('"');
        if (ci.title() != null) sb.append("><title>").append(Html.esc(ci.title())).append("</title></circle>");
        else sb.append("/>");
      } else if (e instanceof Chart.Text t) {
        sb.append("<text x=\"").append(n(t.x())).append("\" y=\"").append(n(t.y())).append("\" font-size=\"")
            .append(n(t.size())).append("\" fill=\"").append(t.fill()).append('"');
        if (t.anchor() != Chart.Anchor.START) sb.append(" text-anchor=\"").append(t.anchor() == Chart.Anchor.MIDDLE ? "middle" : "end").append('"');
        if (t.bold()) sb.append(" font-weight=\"bold\"");
        if (t.rotate() != 0) sb.append(" transform=\"rotate(").append(n(t.rotate())).append(' ').append(n(t.x())).append(' ').append(n(t.y())).append(")\"");
        sb.append('>').append(Html.esc(t.text())).append("</text>");
      }
    }
    return sb.append("</svg>").toString();
  }

  private static String n(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
