package dev.segmentlab.cli;

import dev.segmentlab.core.pipeline.PipelineResult;
import dev.segmentlab.core.value.BgNbd;
import dev.segmentlab.core.value.CustomerLookup;
import dev.segmentlab.core.value.CustomerValue;
import dev.segmentlab.core.value.GammaGamma;
import dev.segmentlab.core.value.HoldoutCheck;
import dev.segmentlab.core.value.ValueAnalysis;
import dev.segmentlab.core.value.ValueOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.PrintWriter;
import java.util.Locale;

/** JSON of the customer-value commands and of {@code segment --clv}: the key names are a contract. */
final class ValueReports {
  private ValueReports() {}

  /** The value analysis of a run; a clear message in customer-table mode. */
  static ValueAnalysis analyse(PipelineResult r, ValueOptions o) {
    if (r.cleaned() == null) {
      throw new IllegalArgumentException("Customer value needs transactions (dates and amounts); this file is a customer table.");
    }
    return ValueAnalysis.of(r.cleaned(), o);
  }

  /** {@code segment --clv}: top-level {@code clv}, and {@code predicted_revenue_12m} (+ share) per segment. */
  @SuppressWarnings("unchecked")
  static void addClv(Map<String, Object> json, PipelineResult r, ValueOptions o, boolean holdout) {
    ValueAnalysis v = analyse(r, o);
    json.put("clv", model(v, o));
    if (holdout) json.put("holdout", holdout(HoldoutCheck.run(v.days(), o.holdoutWeeks())));
    double[][] seg = v.bySegment(r.matrix().ids(), r.segmentation().labels(), r.k());
    List<Map<String, Object>> segments = (List<Map<String, Object>>) json.get("segments");
    for (int s = 0; s < r.k(); s++) {
      segments.get(s).put("predicted_revenue_12m", Json.num(seg[s][0]));
      segments.get(s).put("predicted_revenue_12m_share", Json.num(seg[s][1]));
    }
  }

  /** {@code segment --clv} without {@code --json}: the parameters, the caveat and each segment's predicted value. */
  static void printClv(PrintWriter w, PipelineResult r, ValueOptions o, boolean holdout) {
    ValueAnalysis v = analyse(r, o);
    BgNbd.Params b = v.model().purchases().params();
    GammaGamma.Params g = v.model().spend().params();
    w.printf(Locale.ROOT, "%nBG/NBD r=%.4f alpha=%.3f a=%.4g b=%.4g (log-likelihood %.2f); Gamma-Gamma p=%.4f q=%.4f v=%.2f%n",
        b.r(), b.alpha(), b.a(), b.b(), v.model().purchases().logLikelihood(), g.p(), g.q(), g.v());
    if (v.model().dropoutNote() != null) w.println("note: " + v.model().dropoutNote());
    double[][] seg = v.bySegment(r.matrix().ids(), r.segmentation().labels(), r.k());
    for (int s = 0; s < r.k(); s++) {
      w.printf(Locale.ROOT, "segment %d  %-22s predicted revenue, next %d months: %,14.2f (%4.1f%%)%n", s,
          r.segmentation().names().get(s), o.months(), seg[s][0], 100 * seg[s][1]);
    }
    if (holdout) w.println(HoldoutCheck.run(v.days(), o.holdoutWeeks()).summary());
  }

  static Map<String, Object> model(ValueAnalysis v, ValueOptions o) {
    CustomerValue.Model m = v.model();
    BgNbd.Params b = m.purchases().params();
    GammaGamma.Params g = m.spend().params();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("r", b.r());
    c.put("alpha", b.alpha());
    c.put("a", b.a());
    c.put("b", b.b());
    c.put("p", g.p());
    c.put("q", g.q());
    c.put("v", g.v());
    c.put("log_likelihood", m.purchases().logLikelihood());
    c.put("log_likelihood_spend", m.spend().logLikelihood());
    c.put("expected_purchases_90d_total", v.values().totalPurchases90());
    c.put("clv_12m_total", Json.num(v.values().totalClv()));
    c.put("customers", v.summary().size());
    c.put("repeat_customers", m.spend().customers());
    c.put("end", v.summary().end().toString());
    c.put("period", "day");
    c.put("months", o.months());
    c.put("monthly_discount", o.monthlyDiscount());
    c.put("dropout_identified", m.purchases().dropoutIdentified());
    c.put("dropout_log_likelihood_gain", Json.num(m.purchases().dropoutLogLikelihoodGain()));
    c.put("note", m.dropoutNote());
    c.put("spend_starts_log_likelihood", m.spend().starts());
    c.put("fit_seconds", Math.round(m.fitSeconds() * 1e4) / 1e4);
    c.put("fit_cpu_seconds", Json.num(Math.round(m.fitCpuSeconds() * 1e4) / 1e4));
    c.put("seconds", Math.round(v.seconds() * 1e4) / 1e4);
    return c;
  }

  static Map<String, Object> holdout(HoldoutCheck.Result h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("weeks", h.weeks());
    m.put("calibration_end", h.calibrationEnd().toString());
    m.put("end", h.end().toString());
    m.put("customers", h.customers());
    m.put("predicted", h.predicted());
    m.put("actual", h.actual());
    m.put("relative_error", Json.num(h.relativeError()));
    m.put("summary", h.summary());
    List<Map<String, Object>> groups = new ArrayList<>();
    for (HoldoutCheck.Group g : h.groups()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("calibration_purchases", g.label());
      e.put("customers", g.customers());
      e.put("predicted", g.predicted());
      e.put("actual", g.actual());
      groups.add(e);
    }
    m.put("groups", groups);
    return m;
  }

  static Map<String, Object> customer(CustomerLookup.Profile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("segment", p.segmentName());
    m.put("segment_id", p.segment());
    m.put("p_alive", Json.num(p.pAlive()));
    m.put("expected_purchases_30d", Json.num(p.purchases30()));
    m.put("expected_purchases_90d", Json.num(p.purchases90()));
    m.put("expected_purchases_365d", Json.num(p.purchases365()));
    m.put("expected_spend", Json.num(p.spend()));
    m.put("clv_12m", Json.num(p.clv()));
    m.put("frequency", Json.num(p.frequency()));
    m.put("recency_days", Json.num(p.recency()));
    m.put("age_days", Json.num(p.age()));
    m.put("monetary", Json.num(p.monetary()));
    m.put("features", p.features());
    m.put("segment_means", p.segmentMeans());
    m.put("all_means", p.allMeans());
    List<Map<String, Object>> events = new ArrayList<>();
    for (CustomerLookup.Event e : p.timeline()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("day", e.day().toString());
      x.put("value", e.value());
      x.put("type", e.isReturn() ? "return" : "purchase");
      events.add(x);
    }
    m.put("timeline", events);
    List<Map<String, Object>> products = new ArrayList<>();
    for (CustomerLookup.Product pr : p.topProducts()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("description", pr.description());
      x.put("spend", pr.spend());
      products.add(x);
    }
    m.put("top_products", products);
    return m;
  }
}
