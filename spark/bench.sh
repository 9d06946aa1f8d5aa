#!/usr/bin/env bash
# spark/bench.sh [-n RUNS] [FILE...]: the Spark job in local[2] (spark/run-local.sh) against the core
# (target/segmentlab segment) on the same file and options, alternating core and Spark run by run so that both see
# the same machine. Times each whole command: JVM start, (Spark: the SparkSession), reading, cleaning, features,
# the k sweep, profiles and names. Prints per file and engine the minimum and median wall-clock and CPU time
# (user + system, all threads) and the peak resident memory, then the ratio Spark ÷ core of the median wall time.
#
# Default files: the bundled Online Retail (1×) and the 10× copy of bench/replicate.py at
# /tmp/online-retail-10x.csv.gz (made here when missing). RUNS defaults to 3. Needs target/segmentlab
# (mvn -DskipTests package) and GNU time (/usr/bin/time). Extra options for both engines: BENCH_OPTS (default
# "--k 4 --k-min 2 --k-max 8 --restarts 3"). SPARK_DRIVER_MEMORY (default 4g) sizes the Spark JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  if [ ! -f /tmp/online-retail-10x.csv.gz ]; then
    /usr/bin/python3 bench/replicate.py 10 /tmp/online-retail-10x.csv.gz >&2
  fi
  files=(assets/data/online-retail.csv.gz /tmp/online-retail-10x.csv.gz)
fi
[ -x target/segmentlab ] || { echo "bench: target/segmentlab is missing: run mvn -DskipTests package first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: GNU time (/usr/bin/time) is needed: apt-get install -y time" >&2; exit 2; }
read -r -a opts <<< "${BENCH_OPTS:---k 4 --k-min 2 --k-max 8 --restarts 3}"
opts+=(--stability 0 --json)
# build the module and its class path once, outside the timings
SPARK_MASTER='local[2]' spark/run-local.sh --help > /dev/null

results=$(mktemp)
out=$(mktemp)
trap 'rm -f "$results" "$out" "$out.t"' EXIT
# one timed run: engine file → a line "engine file wall cpu rss_kb customers"
measure() {
  local engine="$1" file="$2"
  if [ "$engine" = core ]; then
    /usr/bin/time -f "%e %U %S %M" -o "$out.t" target/segmentlab segment "$file" "${opts[@]}" > "$out"
  else
    SPARK_MASTER='local[2]' /usr/bin/time -f "%e %U %S %M" -o "$out.t" spark/run-local.sh "$file" "${opts[@]}" > "$out"
  fi
  local customers
  customers=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["customers"])' "$out")
  read -r wall user sys rss < <(tail -n 1 "$out.t")
  echo "$engine $file $wall $(echo "$user + $sys" | bc) $rss $customers" >> "$results"
  echo "  $engine run: ${wall} s wall, $customers customers" >&2
}
for f in "${files[@]}"; do
  echo "$f: $runs runs per engine, alternating" >&2
  for ((i = 1; i <= runs; i++)); do
    measure core "$f"
    measure spark "$f"
  done
done

/usr/bin/python3 - "$results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
print(f"{'file':34s} {'engine':6s} {'runs':>4s} {'wall min':>9s} {'wall med':>9s} {'CPU min':>8s} {'CPU med':>8s} {'peak RSS':>9s} {'customers':>9s}")
med = {}
for f in dict.fromkeys(r[1] for r in rows):
    for e in ("core", "spark"):
        rs = [r for r in rows if r[0] == e and r[1] == f]
        if not rs: continue
        wall = [float(r[2]) for r in rs]; cpu = [float(r[3]) for r in rs]; rss = max(int(r[4]) for r in rs)
        med[(f, e)] = statistics.median(wall)
        name = f if len(f) <= 34 else "…" + f[-33:]
        print(f"{name:34s} {e:6s} {len(rs):4d} {min(wall):8.1f}s {statistics.median(wall):8.1f}s "
              f"{min(cpu):7.1f}s {statistics.median(cpu):7.1f}s {rss / 1024:6.0f} MB {rs[0][5]:>9s}")
for f in dict.fromkeys(r[1] for r in rows):
    if (f, "core") in med and (f, "spark") in med:
        print(f"{f}: Spark local[2] ÷ core, median wall: {med[(f, 'spark')] / med[(f, 'core')]:.2f}")
PY
