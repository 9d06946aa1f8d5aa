"""Reference figures for the customer-value tests (core/value).

lifetimes itself is not installable here, so its likelihoods and predictions are written out in numpy/scipy from
lifetimes' fitters/beta_geo_fitter.py, gamma_gamma_fitter.py and utils.py (summary_data_from_transaction_data,
_customer_lifetime_value), and fitted with scipy.optimize.minimize (BFGS, as lifetimes) over log-parameters.

Run: OMP_NUM_THREADS=1 /usr/bin/python3 src/test/python/value_reference.py assets/data/online-retail.csv.gz
Needs python3-numpy, python3-scipy, python3-pandas (Debian).
"""
import sys
import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1, expit


def bg_nll(logp, x, tx, T):
    r, alpha, a, b = np.exp(logp)
    A1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    A3 = -(r + x) * np.log(alpha + T)
    A4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(tx + alpha)
    m = np.maximum(A3, A4)
    ll = A1 + A2 + np.log(np.exp(A3 - m) + np.exp(A4 - m) * (x > 0)) + m
    return -ll.sum()


def gg_nll(logp, x, mv):
    p, q, v = np.exp(logp)
    ll = (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v) + (p * x - 1) * np.log(mv)
          + p * x * np.log(x) - (p * x + q) * np.log(x * mv + v))
    return -ll.sum()


def fit(f, x0, args):
    best = None
    for start in x0:
        res = minimize(f, np.log(start), args=args, method="Nelder-Mead",
                       options={"xatol": 1e-10, "fatol": 1e-10, "maxiter": 40000, "maxfev": 40000})
        res = minimize(f, res.x, args=args, method="BFGS", options={"gtol": 1e-8})
        if best is None or res.fun < best.fun:
            best = res
    return np.exp(best.x), -best.fun


def fit_bg(x, tx, T):
    s = 1.0 / T.max()  # lifetimes' _scale_time
    p, _ = fit(bg_nll, [[1, 1, 1, 1], [1.105, 1.105, 1.105, 1.105]], (x, tx * s, T * s))
    p[1] /= s
    return p, -bg_nll(np.log(p), x, tx, T)


def cond_exp(p, t, x, tx, T):
    r, alpha, a, b = p
    _a, _b, _c, _z = r + x, b + x, a + b + x - 1, t / (alpha + T + t)
    with np.errstate(all="ignore"):
        ln_h = np.log(hyp2f1(_a, _b, _c, _z))
        ln_alt = np.log(hyp2f1(_c - _a, _c - _b, _c, _z)) + (_c - _a - _b) * np.log(1 - _z)
    ln_h = np.where(np.isinf(ln_h), ln_alt, ln_h)
    first = (a + b + x - 1) / (a - 1)
    second = 1 - np.exp(ln_h + (r + x) * np.log((alpha + T) / (alpha + t + T)))
    den = 1 + (x > 0) * (a / (b + np.maximum(x, 1) - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)
    return first * second / den


def p_alive(p, x, tx, T):
    r, alpha, a, b = p
    log_div = (r + x) * np.log((alpha + T) / (alpha + tx)) + np.log(a / (b + np.maximum(x, 1) - 1))
    return np.where(x == 0, 1.0, expit(-log_div))


def spend(g, x, mv):
    p, q, v = g
    w = p * x / (p * x + q - 1)
    return (1 - w) * v * p / (q - 1) + w * mv


def clv(p, g, x, tx, T, mv, months=12, d=0.01, factor=30):
    adj = spend(g, x, mv)
    out = np.zeros(len(x))
    for i in np.arange(1, months + 1) * factor:
        out += adj * (cond_exp(p, i, x, tx, T) - cond_exp(p, i - factor, x, tx, T)) / (1 + d) ** (i / factor)
    return out


def cdnow():
    d = pd.read_csv("src/test/resources/value/cdnow_customers_summary.csv")
    x, tx, T, m = (d[c].to_numpy(float) for c in ["x", "t_x", "T", "zbar"])
    p, ll = fit_bg(x, tx, T)
    print("CDNOW BG/NBD r alpha a b", p, "LL", ll)
    rep = (x > 0) & (m > 0)
    g, gll = fit(gg_nll, [[1, 1, 1], [2, 3, m[rep].mean()]], (x[rep], m[rep]))
    print("CDNOW GG p q v", g, "LL", gll, "n", rep.sum())
    for i in (0, 1):
        print("CDNOW id", d.ID[i], "p_alive", p_alive(p, x[i], tx[i], T[i]), "E39", cond_exp(p, 39, x[i], tx[i], T[i]),
              "spend", spend(g, x[i], m[i]), "clv12 (weeks, factor 4.345)", clv(p, g, x[i:i+1], tx[i:i+1], T[i:i+1], m[i:i+1], factor=4.345))


def online_retail(path, holdout_weeks=13):
    t = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    # SegmentLab's default cleaning: missing customer, cancellations, quantity or price <= 0, exact duplicates
    t = t[t.CustomerID.notna()]
    t = t[~t.InvoiceNo.str.upper().str.startswith("C")]
    t = t[(t.Quantity > 0) & (t.UnitPrice > 0)]
    t = t.drop_duplicates()
    t["CustomerID"] = t.CustomerID.astype(float).astype(int).astype(str)
    t["day"] = pd.to_datetime(t.InvoiceDate).dt.floor("D")
    t["spend"] = t.Quantity * t.UnitPrice
    daily = t.groupby(["CustomerID", "day"], as_index=False).spend.sum().sort_values(["CustomerID", "day"])

    def summary(daily, end):
        daily = daily[daily.day <= end]
        g = daily.groupby("CustomerID")
        first, last, n = g.day.min(), g.day.max(), g.day.count()
        first_spend = g.spend.first()
        total = g.spend.sum()
        x = (n - 1).astype(float)
        s = pd.DataFrame({"x": x, "tx": (last - first).dt.days.astype(float), "T": (end - first).dt.days.astype(float),
                          "m": np.where(x > 0, (total - first_spend) / x.where(x > 0, 1), 0.0)})
        return s

    end = daily.day.max()
    s = summary(daily, end)
    x, tx, T, m = (s[c].to_numpy(float) for c in ["x", "tx", "T", "m"])
    print("Online Retail customers", len(s), "repeat", int(((x > 0) & (m > 0)).sum()), "end", end.date(),
          "sum x", x.sum(), "sum m", m.sum())
    p, ll = fit_bg(x, tx, T)
    print("OR BG/NBD r alpha a b", p.tolist(), "LL", ll)
    rep = (x > 0) & (m > 0)
    starts = [[1, 1, 1], [1, 2, m[rep].mean()], [2, 3, m[rep].mean()], [5, 5, m[rep].mean() * 0.8]]
    for st in starts:
        gi, gll_i = fit(gg_nll, [st], (x[rep], m[rep]))
        print("  GG from", st, "->", gi.tolist(), gll_i)
    g, gll = fit(gg_nll, starts, (x[rep], m[rep]))
    print("OR GG p q v", g.tolist(), "LL", gll)
    e90 = cond_exp(p, 90, x, tx, T)
    c = clv(p, g, x, tx, T, m)
    print("OR expected_purchases_90d_total", e90.sum(), "clv_12m_total", c.sum())
    for cid in ["17850", "12346", "12347", "14646"]:
        i = s.index.get_loc(cid)
        print("OR", cid, "x tx T m", x[i], tx[i], T[i], m[i], "p_alive", float(p_alive(p, x[i], tx[i], T[i])),
              "e90", float(cond_exp(p, 90, x[i], tx[i], T[i])), "spend", float(spend(g, x[i], m[i])),
              "clv12", float(c[i]))
    # holdout: calibration ends holdout_weeks before the last day
    cal_end = end - pd.Timedelta(days=7 * holdout_weeks)
    sc = summary(daily, cal_end)
    xc, txc, Tc = (sc[c].to_numpy(float) for c in ["x", "tx", "T"])
    pc, llc = fit_bg(xc, txc, Tc)
    hold = daily[(daily.day > cal_end) & (daily.day <= end)].groupby("CustomerID").day.count()
    actual = hold.reindex(sc.index).fillna(0).to_numpy(float)
    pred = cond_exp(pc, 7 * holdout_weeks, xc, txc, Tc)
    print("holdout cal_end", cal_end.date(), "customers", len(sc), "params", pc.tolist(), "LL", llc,
          "predicted", pred.sum(), "actual", actual.sum())
    for k in range(8):
        sel = xc == k if k < 7 else xc >= 7
        print("  x_cal", k if k < 7 else "7+", int(sel.sum()), "pred", pred[sel].mean(), "actual", actual[sel].mean())


if __name__ == "__main__":
    cdnow()
    if len(sys.argv) > 1:
        online_retail(sys.argv[1])
