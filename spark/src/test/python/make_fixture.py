"""Makes spark/src/test/resources/retail-sample.csv.gz: whole invoices of Online Retail, so that duplicates,
cancellations and rows without a customer occur as in the full file.

200 random invoices plus every invoice of 30 random customers (who then have several orders), in file order.
Run from the repository root: /usr/bin/python3 spark/src/test/python/make_fixture.py
"""
import csv, gzip, random

random.seed(22)
with gzip.open("assets/data/online-retail.csv.gz", "rt", encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
invoices = sorted({r[0] for r in body})
customers = sorted({r[6] for r in body if r[6]})
chosen = set(random.sample(invoices, 200))
people = set(random.sample(customers, 30))
keep = [r for r in body if r[0] in chosen or r[6] in people]
with gzip.open("spark/src/test/resources/retail-sample.csv.gz", "wt", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(keep)
print(len(keep), "rows")
