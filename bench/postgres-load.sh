#!/usr/bin/env bash
# Benchmark: Online Retail read from a local PostgreSQL server through `segmentlab bench load --jdbc`, against the
# .csv.gz load. Starts a throw-away cluster (Debian's postgresql package) on a free port, loads the bundled file
# with COPY, runs both benchmarks and removes the cluster. Needs target/segmentlab (mvn -DskipTests package).
# Usage: bench/postgres-load.sh [RUNS]   (as root the cluster runs as the postgres user)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$BIN/initdb" ] || { echo "no PostgreSQL server binaries: apt-get install -y postgresql" >&2; exit 2; }
DIR=$(mktemp -d /tmp/segmentlab-pgbench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
AS=()
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; AS=(runuser -u postgres --); fi
echo "bench-pw" > "$DIR/pw"; chmod 600 "$DIR/pw"; [ ${#AS[@]} -gt 0 ] && chown postgres "$DIR/pw"
cleanup() { "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U segmentlab --pwfile="$DIR/pw" --auth-local=scram-sha-256 \
  --auth-host=scram-sha-256 -E UTF8 --locale=C >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null
export PGPASSWORD=bench-pw
psql -q -h 127.0.0.1 -p "$PORT" -U segmentlab -d postgres -c "CREATE TABLE retail (\"InvoiceNo\" text,
  \"StockCode\" text, \"Description\" text, \"Quantity\" integer, \"InvoiceDate\" timestamp, \"UnitPrice\" numeric,
  \"CustomerID\" double precision, \"Country\" text)"
zcat assets/data/online-retail.csv.gz | psql -q -h 127.0.0.1 -p "$PORT" -U segmentlab -d postgres \
  -c "\\copy retail FROM STDIN WITH (FORMAT csv, HEADER true)"
psql -q -h 127.0.0.1 -p "$PORT" -U segmentlab -d postgres -c "ANALYZE retail"
target/segmentlab bench load --jdbc "jdbc:postgresql://127.0.0.1:$PORT/postgres" --table retail --user segmentlab \
  --runs "$RUNS"
target/segmentlab bench load assets/data/online-retail.csv.gz --runs "$RUNS"
