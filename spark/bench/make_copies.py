"""Writes N copies of Online Retail into one gzipped CSV: copy i gets invoices suffixed "-i" (a C or A prefix is
kept, so cancellations stay cancellations) and customer ids + i * 100000, so customers and orders are N times as many.

/usr/bin/python3 spark/bench/make_copies.py assets/data/online-retail.csv.gz 10 /tmp/online-retail-10x.csv.gz
"""
import gzip, sys

src, n, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with gzip.open(src, "rt", encoding="utf-8", newline="") as f:
    header = f.readline()
    lines = f.read().splitlines()
with gzip.open(dst, "wt", encoding="utf-8", newline="", compresslevel=1) as out:
    out.write(header)
    for i in range(n):
        for line in lines:
            # InvoiceNo is the first field and CustomerID the 7th; neither holds a comma or quotes in this file,
            # so split only around them (descriptions may be quoted)
            inv, rest = line.split(",", 1)
            head, cust, country = rest.rsplit(",", 2)
            if i:
                inv = f"{inv}-{i}"
                if cust:
                    cust = str(int(float(cust)) + i * 100000)
            out.write(f"{inv},{head},{cust},{country}\n")
print(dst)
