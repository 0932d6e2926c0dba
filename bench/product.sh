# Starting and stopping the packaged product for a benchmark; sourced by the bench scripts.
# start_product <work dir> <port> [VAR=value ...]: starts backend/target/quarkus-app with its embedded PostgreSQL and
# the demo data in <work dir>/data (made on the first start, kept by later ones), with deploy/jvm.options, waits until
# it is ready, and stops it (and its database) when the calling script exits. Sets APP_PID, BASE, DB_PORT, PGPASSWORD and
# STARTUP_S (seconds from launch to ready).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/backend/target/quarkus-app/quarkus-run.jar"
APP_PID=""

stop_product() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
}

start_product() {
  local work="$1" port="$2"
  shift 2
  [ -f "$JAR" ] || { echo "Build the product first: make backend-package" >&2; exit 2; }
  mkdir -p "$work/data"
  trap stop_product EXIT
  local launched
  launched=$(date +%s.%N)
  # Metrics' management interface on a free port, so that a product already running elsewhere is no obstacle.
  # The demo plans without the year of history: the bench generates its own province, and start-up stays comparable.
  env DTI_DATA_DIR="$work/data" DTI_DEMO_LOAD=true DTI_DEMO_HISTORY=false QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1))" QUARKUS_SCHEDULER_ENABLED=false "$@" \
    java @"$ROOT/deploy/jvm.options" -Xlog:gc*:file="$work/gc.log" -jar "$JAR" > "$work/app.log" 2>&1 &
  APP_PID=$!
  BASE="http://localhost:$port"
  for _ in $(seq 1 1200); do
    curl -fs "$BASE/q/health/ready" > /dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "the product stopped; see $work/app.log" >&2; exit 1; }
    sleep 0.1
  done
  curl -fs "$BASE/q/health/ready" > /dev/null || { echo "the product did not get ready; see $work/app.log" >&2; exit 1; }
  STARTUP_S=$(awk "BEGIN { print $(date +%s.%N) - $launched }")
  DB_PORT=$(sed -n 's/.*Embedded PostgreSQL started on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/app.log" | tail -1)
  # The embedded database signs in only with the password it generated beside its cluster; the bench clients
  # (JDBC and pgbench) read it from PGPASSWORD.
  PGPASSWORD=$(cat "$work/data/postgres.password")
  export PGPASSWORD
}

# The bench clients (bench/*.java), compiled on the packaged product's class path into <dir>; sets BENCH_CP.
compile_clients() {
  local cp="$ROOT/backend/target/quarkus-app/app/*:$ROOT/backend/target/quarkus-app/lib/main/*"
  javac -nowarn -cp "$cp" -d "$1" "$ROOT"/bench/*.java
  BENCH_CP="$1:$cp"
}
