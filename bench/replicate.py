#!/usr/bin/env python3
"""Makes Online Retail N times larger for the benchmarks: `bench/replicate.py 10 /tmp/online-retail-10x.csv.gz`.

Replica 0 is the original file; replica r >= 1 copies every row with
- a new invoice number (the original's digits followed by r on three digits; a leading C or A is kept, so
  cancellations stay cancellations),
- a new customer id (the original + 100,000 * r), so that each replica's customers are distinct points,
- the quantity jittered by up to +-20 % (rounded, never 0, sign kept) and the invoice's date moved by the same
  -3..+3 days for all of its lines (time of day kept).
Rows without a customer stay without one. Seeded: the same N gives the same file. Standard library only.
Write the output outside the repository (e.g. /tmp): the files are large (100x: 54 M rows) and never committed.
"""
import argparse
import csv
import datetime as dt
import gzip
import io
import random
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("times", type=int, help="number of replicas (10 gives 10x the rows)")
    p.add_argument("out", help="output file: .csv.gz (gzip level 1) or .csv")
    p.add_argument("--source", default="assets/data/online-retail.csv.gz", help="the file to replicate")
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    if a.times < 1:
        sys.exit("replicate.py: times must be at least 1")

    with gzip.open(a.source, "rt", encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        rows = list(r)
    col = {name: i for i, name in enumerate(header)}
    inv, qty, date, cust = col["InvoiceNo"], col["Quantity"], col["InvoiceDate"], col["CustomerID"]
    fmt = "%Y-%m-%d %H:%M:%S"
    parsed = {}
    for row in rows:
        d = row[date]
        if d not in parsed:
            parsed[d] = dt.datetime.strptime(d, fmt)
    invoices = sorted({row[inv] for row in rows})

    raw = gzip.open(a.out, "wb", compresslevel=1) if a.out.endswith(".gz") else open(a.out, "wb")
    with raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        for rep in range(1, a.times):
            rng = random.Random(a.seed * 1_000_003 + rep)
            shift = {i: dt.timedelta(days=rng.randint(-3, 3)) for i in invoices}
            new_inv = {}
            for i in invoices:
                head = i[0] if i[:1].isalpha() else ""
                new_inv[i] = f"{head}{i[len(head):]}{rep:03d}"
            dates = {}
            offset = 100_000 * rep
            out_rows = []
            for row in rows:
                n = list(row)
                i = row[inv]
                n[inv] = new_inv[i]
                q = int(row[qty])
                if q != 0:
                    j = round(q * rng.uniform(0.8, 1.2))
                    n[qty] = str(j if j != 0 else (1 if q > 0 else -1))
                key = (row[date], shift[i])
                s = dates.get(key)
                if s is None:
                    s = (parsed[row[date]] + shift[i]).strftime(fmt)
                    dates[key] = s
                n[date] = s
                c = row[cust]
                if c:
                    n[cust] = f"{int(float(c)) + offset}.0"
                out_rows.append(n)
            w.writerows(out_rows)
            print(f"replica {rep + 1}/{a.times}", file=sys.stderr, flush=True)
    print(f"{a.out}: {len(rows) * a.times:,} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
