#!/usr/bin/env bash
# Spark local[2] against the core on the same file and options, wall clock of each whole command (JVM start,
# SparkSession, reading, every stage). spark/bench/run.sh FILE... (e.g. assets/data/online-retail.csv.gz and the
# 10x file of make_copies.py). Needs target/segmentlab (mvn -DskipTests package). Prints one line per engine and file.
set -euo pipefail
cd "$(dirname "$0")/../.."
opts=(--k 4 --k-min 2 --k-max 8 --restarts 3 --stability 0 --json)
spark/run-local.sh --help > /dev/null  # builds the module and its classpath first: not part of the figures
summary() {
  python3 - "$@" <<'PY'
import json, sys
f, e, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
j = json.load(open(f"/tmp/bench-{e}.json"))
w4 = next(p["wcss"] for p in j["sweep"] if p["k"] == 4)
print(f"{e:5s} {f}: {secs:7.1f} s wall, {j['rows']:,} rows, {j['customers']:,} customers, WCSS(k=4) {w4:.2f}, "
      f"sizes {[s['size'] for s in j['segments']]}, stages {j.get('timings')}")
PY
}
for f in "$@"; do
  t0=$(date +%s.%N)
  target/segmentlab segment "$f" "${opts[@]}" > /tmp/bench-core.json
  t1=$(date +%s.%N)
  SPARK_MASTER='local[2]' spark/run-local.sh "$f" "${opts[@]}" > /tmp/bench-spark.json
  t2=$(date +%s.%N)
  summary "$f" core "$(echo "$t1 - $t0" | bc)"
  summary "$f" spark "$(echo "$t2 - $t1" | bc)"
done
