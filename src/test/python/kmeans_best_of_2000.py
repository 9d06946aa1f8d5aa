"""Best WCSS of 2,000 single k-means++ starts per k (scikit-learn) on Mall Customers' 200 customers.

Features: Age, Annual Income (k$), Spending Score (1-100), standardised (StandardScaler: population std).
The prepared matrix is written with the figures, so the Java test clusters exactly the same points.

Run (about two minutes on one core):
  OMP_NUM_THREADS=1 /usr/bin/python3 src/test/python/kmeans_best_of_2000.py \
      src/test/resources/data/mall-customers.csv > src/test/resources/cluster/kmeans-best-of-2000.json
"""
import json, sys
import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

STARTS = 2000


def main():
    df = pd.read_csv(sys.argv[1])
    cols = ["Age", "Annual Income (k$)", "Spending Score (1-100)"]
    X = StandardScaler().fit_transform(df[cols].to_numpy(dtype=float))
    best, n_init10 = {}, {}
    for k in range(2, 11):
        b = min(KMeans(n_clusters=k, init="k-means++", n_init=1, random_state=s).fit(X).inertia_
                for s in range(STARTS))
        best[str(k)] = b
        n_init10[str(k)] = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_
        print(k, b, n_init10[str(k)], file=sys.stderr)
    print(json.dumps({
        "source": "mall-customers.csv, Age/Income/Score, StandardScaler",
        "sklearn": sklearn.__version__,
        "starts": STARTS,
        "best_wcss": best,
        "n_init_10_wcss": n_init10,
        "features": cols,
        "x": [[float(v) for v in row] for row in X],
    }, indent=1))


if __name__ == "__main__":
    main()
