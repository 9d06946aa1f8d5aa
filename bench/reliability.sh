#!/usr/bin/env bash
# The slow cases of the reliability suite (issue 24); the fast ones are tests in `mvn verify`
# (ReliabilityTest, OutputBatchTest, BadInputTest, DataViewModelTest). Prints one table row per case.
#
#   mvn -o -q -DskipTests package && bench/reliability.sh [WORKDIR]
#
# Cases: a kill -9 / SIGTERM / Ctrl-C (SIGINT) during a big XLSX export and the next run into that folder; a full
# disk (a 4 MB tmpfs, only when run as root); a 2 GB single-line gzip and a 2 GB gzip of zeros under a 512 MB heap;
# 5.4 M rows of gzip under capped heaps (-Xmx256m and -XX:MaxRAM=1g). Every case wants exit 2 with one line on
# stderr (no stack trace), or for the kills: no temporary file left.
set -u
cd "$(dirname "$0")/.."
APP=target/segmentlab
[ -x "$APP" ] || { echo "build first: mvn -o -q -DskipTests package" >&2; exit 1; }
WORK=${1:-$(mktemp -d /tmp/segmentlab-reliability.XXXXXX)}
mkdir -p "$WORK"
PASS=0; FAIL=0

row() { # case, expected, result, ok
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"
  if [ "$4" = PASS ]; then PASS=$((PASS + 1)); else FAIL=$((FAIL + 1)); fi
}

# one line on stderr, starting "error: ", exit 2
clean_failure() { # name, expected, command...
  local name=$1 expected=$2; shift 2
  local err=$WORK/err.txt
  "$@" >/dev/null 2>"$err"; local code=$?
  local lines; lines=$(grep -c . "$err")
  local first; first=$(head -c 160 "$err" | head -1)
  if [ "$code" = 2 ] && [ "$lines" = 1 ] && grep -q '^error: ' "$err" && ! grep -q 'Exception\|	at ' "$err"; then
    row "$name" "$expected" "exit 2: ${first//|/\\|}" PASS
  else
    row "$name" "$expected" "exit $code, $lines lines: ${first//|/\\|}" FAIL
  fi
}

echo "| case | expected | result | |"
echo "|---|---|---|---|"

# --- a big export killed half-way -------------------------------------------------------------------------------
BIG=$WORK/customers-600k.csv
if [ ! -s "$BIG" ]; then
  awk 'BEGIN { srand(7); print "CustomerID,Age,Income,Score";
               for (i = 1; i <= 600000; i++) printf "%d,%d,%d,%d\n", i, 18 + int(rand() * 60), 15 + int(rand() * 120), 1 + int(rand() * 99) }' > "$BIG"
fi
set -m # job control: without it a background job ignores SIGINT, as Ctrl-C's target would not
for sig in KILL TERM INT; do
  OUT=$WORK/export-$sig
  rm -rf "$OUT"; mkdir -p "$OUT"
  "$APP" segment "$BIG" --k 3 --k-min 3 --k-max 3 --restarts 1 --stability 0 --out "$OUT/big.xlsx" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do # until the export's temporary file has grown past 1 MB (at most 120 s)
    t=$(find "$OUT" -name '.big.xlsx.*.tmp' -size +1M 2>/dev/null | head -1)
    [ -n "$t" ] && break
    sleep 0.1
  done
  # the launcher execs java, or runs it as its child: signal the JVM itself
  jpid=$pid # the launcher execs java
  kill -s "$sig" "$jpid" 2>/dev/null
  wait "$pid" 2>/dev/null
  left=$(find "$OUT" -name '*.tmp' | wc -l)
  if [ "$sig" = KILL ]; then
    # SIGKILL runs no hook: the next run into the folder removes what it left
    "$APP" segment src/test/resources/data/mall-customers.csv --k 3 --stability 0 --out "$OUT/next.xlsx" >/dev/null 2>&1
    after=$(find "$OUT" -name '*.tmp' | wc -l)
    ok=$([ -n "$t" ] && [ "$after" = 0 ] && [ ! -e "$OUT/big.xlsx" ] && echo PASS || echo FAIL)
    row "kill -9 during a 600,000-customer XLSX export, then a run into that folder" \
      "no big.xlsx; no .tmp after the next run" "temporary seen: ${t:+yes}; .tmp left: $left; after the next run: $after" "$ok"
  else
    ok=$([ -n "$t" ] && [ "$left" = 0 ] && [ ! -e "$OUT/big.xlsx" ] && echo PASS || echo FAIL)
    row "SIG$sig during a 600,000-customer XLSX export" "no big.xlsx, no .tmp" \
      "temporary seen: ${t:+yes}; .tmp left: $left" "$ok"
  fi
done
set +m

# --- a full disk --------------------------------------------------------------------------------------------------
if [ "$(id -u)" = 0 ] && command -v mount >/dev/null; then
  DISK=$WORK/small-disk
  mkdir -p "$DISK"
  if mount -t tmpfs -o size=4m tmpfs "$DISK" 2>/dev/null; then
    echo old > "$DISK/keep.xlsx"
    clean_failure "segment --out on a full 4 MB disk" "exit 2, one line" \
      "$APP" segment "$BIG" --k 3 --k-min 3 --k-max 3 --restarts 1 --stability 0 --out "$DISK/big.xlsx"
    left=$(ls -A "$DISK" | tr '\n' ' ')
    row "... the disk afterwards" "only keep.xlsx" "$left" "$([ "$left" = "keep.xlsx " ] && echo PASS || echo FAIL)"
    clean_failure "--force over an existing file on the full disk" "exit 2; the old file kept" \
      "$APP" segment "$BIG" --k 3 --k-min 3 --k-max 3 --restarts 1 --stability 0 --out "$DISK/keep.xlsx" --force
    row "... the replaced file" "still 'old'" "$(cat "$DISK/keep.xlsx")" "$([ "$(cat "$DISK/keep.xlsx")" = old ] && echo PASS || echo FAIL)"
    umount "$DISK"
  else
    row "full disk" "(tmpfs mount)" "skipped: mount refused" SKIP
  fi
else
  row "full disk" "(needs root for a tmpfs)" "skipped" SKIP
fi

# --- 2 GB bombs ---------------------------------------------------------------------------------------------------
LINE=$WORK/line-2g.csv.gz
ZERO=$WORK/zeros-2g.csv.gz
[ -s "$LINE" ] || { printf 'InvoiceNo,StockCode,Quantity\n'; head -c 2000000000 /dev/zero | tr '\0' 'a'; } | gzip -1 > "$LINE"
[ -s "$ZERO" ] || head -c 2000000000 /dev/zero | gzip -1 > "$ZERO"
clean_failure "2 GB single-line .gz, -Xmx512m" "exit 2, one line" env JAVA_OPTS=-Xmx512m "$APP" profile "$LINE"
clean_failure "2 GB .gz of zero bytes, -Xmx512m" "exit 2, one line" env JAVA_OPTS=-Xmx512m "$APP" profile "$ZERO"

# --- capped heaps -------------------------------------------------------------------------------------------------
ROWS=$WORK/rows-5m.csv.gz
if [ ! -s "$ROWS" ]; then
  { gzip -dc assets/data/online-retail.csv.gz | head -1
    for _ in $(seq 1 10); do gzip -dc assets/data/online-retail.csv.gz | tail -n +2; done; } | gzip -1 > "$ROWS"
fi
clean_failure "5.4 M rows .gz, JAVA_OPTS=-Xmx256m" "exit 2: needs about N GB" env JAVA_OPTS=-Xmx256m "$APP" profile "$ROWS"
clean_failure "5.4 M rows .gz, -XX:MaxRAM=1g (a 1 GB machine)" "exit 2: needs about N GB" \
  env JAVA_OPTS=-XX:MaxRAM=1g "$APP" profile "$ROWS"
clean_failure "online-retail.csv.gz, JAVA_OPTS=-Xmx48m" "exit 2: needs about N GB" \
  env JAVA_OPTS=-Xmx48m "$APP" profile assets/data/online-retail.csv.gz

echo
echo "$PASS passed, $FAIL failed (work files in $WORK)"
[ "$FAIL" = 0 ]
