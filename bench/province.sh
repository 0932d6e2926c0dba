#!/usr/bin/env bash
# The product at province (or country) scale, every figure against a baseline measured in the same run, on a
# generated installation (bench/dataset.sql; by default one province of 95 communes, 50 indicators each, five
# years of monthly reports with review history and evidence metadata, and an open sixth year):
#   start-up    launch to ready of the product on the generated installation, against a bare JVM's start;
#   read        a commune's consolidated report, a reporter's "what is due", the province's dashboard, at 32
#               concurrent clients (wrk), against the same server's cheapest authenticated endpoint;
#   memory      the product's resident memory after the reads, against before them;
#   write       reports started and submitted by 32 reporters at once, against pgbench's simple-update;
#   export      the API's CSV export of the province against PostgreSQL's own COPY of the same rows;
#   feed        a full walk of the change feed against the export.
# SCALE=country generates 34 provinces of 97 communes (about 3,300) instead; the province measured is the first.
# Results: backend/target/bench/province/{dataset,startup,serve,pull}.json.
set -euo pipefail

source "$(dirname "$0")/product.sh"
WORK="$ROOT/backend/target/bench/province"
PORT=${BENCH_PORT:-18482}
case "${SCALE:-province}" in
  province) PROVINCES=1; COMMUNES=${BENCH_COMMUNES:-95} ;;
  country) PROVINCES=34; COMMUNES=${BENCH_COMMUNES:-97} ;;
  *) echo "SCALE is province or country" >&2; exit 2 ;;
esac
# Tokens outlive the run; sign-in cost is not what is measured here.
SETTINGS=(DTI_AUTH_ACCESS_TOKEN_TTL=PT3H DTI_AUTH_BCRYPT_COST=6)

for tool in wrk pgbench; do
  command -v "$tool" > /dev/null || { echo "$tool is needed: make bench-tools installs it" >&2; exit 2; }
done
rm -rf "$WORK"
mkdir -p "$WORK"
compile_clients "$WORK/classes"

echo "== starting the product (embedded PostgreSQL in $WORK/data)"
start_product "$WORK" "$PORT" "${SETTINGS[@]}"
JDBC="jdbc:postgresql://127.0.0.1:$DB_PORT/dti"

echo "== generating $PROVINCES province(s) of $COMMUNES communes, plans 2021–2026 (seed 'dti')"
(cd "$ROOT" && java -cp "$BENCH_CP" -Dresult="$WORK/dataset.json" ProvinceData "$JDBC" postgres dti "$PROVINCES" "$COMMUNES" 2021)

echo "== start-up: the product on the generated installation, against a bare JVM"
stop_product
start_product "$WORK" "$PORT" "${SETTINGS[@]}"
JDBC="jdbc:postgresql://127.0.0.1:$DB_PORT/dti"
t0=$(date +%s.%N)
java @"$ROOT/deploy/jvm.options" -cp "$WORK/classes" JvmStart
JVM_S=$(awk "BEGIN { print $(date +%s.%N) - $t0 }")
printf '{ "productSeconds": %.2f, "bareJvmSeconds": %.2f }\n' "$STARTUP_S" "$JVM_S" > "$WORK/startup.json"
printf '  %-72s %8.2f s (a bare JVM: %.2f s)\n' "launch to ready" "$STARTUP_S" "$JVM_S"

# Each scenario runs even when the one before it failed; the script fails at the end if any did.
STATUS=0
echo "== serving the province: reads at 32 clients, then writes against pgbench"
(cd "$ROOT" && java -cp "$BENCH_CP" ProvinceServe "$BASE" "$JDBC" postgres "$DB_PORT" "$APP_PID" P01 "$WORK/serve.json") || STATUS=1

echo "== the province's pull: export (three rounds against COPY, best of each) and a full change-feed walk"
(cd "$ROOT" && java -cp "$BENCH_CP" ProvinceRead "$BASE" "$JDBC" postgres "$APP_PID" P01 2021-01 2025-12 "$WORK/pull.json") || STATUS=1
exit $STATUS
