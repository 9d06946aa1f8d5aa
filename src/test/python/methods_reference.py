#!/usr/bin/python3
"""Reference figures for SegmentLab's Gaussian mixture and Ward clustering (issue 20).

The seeds' pipeline (shared/bench/peer_pipeline.py): Online Retail, CustomerID present, cancellations dropped,
quantity and price > 0, exact duplicates dropped; RFM; log1p; StandardScaler. Then for k = 2..10:
  GaussianMixture(covariance_type="full", n_init=5, reg_covar=FLOOR, random_state=0): mean log-likelihood
  (score), BIC, AIC, and the components whose variance in some feature is within 10x the floor;
  AgglomerativeClustering(linkage="ward"): WCSS of its labels.
Run: OMP_NUM_THREADS=1 /usr/bin/python3 src/test/python/methods_reference.py assets/data/online-retail.csv.gz \
       > src/test/resources/cluster/methods-reference.json
"""
import json, sys
import numpy as np, pandas as pd
import sklearn
from sklearn.cluster import AgglomerativeClustering
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler


def matrix(path):
    df = pd.read_csv(path, encoding="latin-1", dtype={"InvoiceNo": str, "StockCode": str})
    df["InvoiceDate"] = pd.to_datetime(df["InvoiceDate"])
    df = df.dropna(subset=["CustomerID"])
    df = df[~df["InvoiceNo"].str.upper().str.startswith("C")]
    df = df[~((df["Quantity"] <= 0) | (df["UnitPrice"] <= 0))]
    df = df[~df.duplicated()].copy()
    df["TotalPrice"] = df["Quantity"] * df["UnitPrice"]
    snapshot = df["InvoiceDate"].max().normalize() + pd.Timedelta(days=1)
    rfm = df.groupby("CustomerID").agg(
        Recency=("InvoiceDate", lambda s: (snapshot - s.max()).days),
        Frequency=("InvoiceNo", "nunique"), Monetary=("TotalPrice", "sum"))
    return StandardScaler().fit_transform(np.log1p(rfm[["Recency", "Frequency", "Monetary"]].clip(lower=0)))


def wcss(X, labels):
    return float(sum(((X[labels == c] - X[labels == c].mean(axis=0)) ** 2).sum() for c in np.unique(labels)))


def main():
    X = matrix(sys.argv[1])
    out = {"sklearn": sklearn.__version__, "customers": int(X.shape[0]), "gmm": [], "ward": []}
    for floor in (1e-6, 1e-3):
        for k in range(2, 11):
            gm = GaussianMixture(n_components=k, covariance_type="full", n_init=5, reg_covar=floor,
                                 random_state=0).fit(X)
            diag = np.array([np.diag(c) for c in gm.covariances_])
            degenerate = [int(c) for c in range(k) if (diag[c] <= 10 * floor).any()]
            sizes = np.bincount(gm.predict(X), minlength=k)
            out["gmm"].append({"floor": floor, "k": k, "mean_log_likelihood": float(gm.score(X)),
                               "bic": float(gm.bic(X)), "aic": float(gm.aic(X)),
                               "degenerate_components": len(degenerate),
                               "degenerate_sizes": [int(sizes[c]) for c in degenerate]})
    for k in range(2, 11):
        labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(X)
        out["ward"].append({"k": k, "wcss": wcss(X, labels), "sizes": sorted(np.bincount(labels).tolist())})
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
