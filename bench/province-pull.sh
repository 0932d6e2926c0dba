#!/usr/bin/env bash
# Province pull benchmark, measured as ratios within one run, on a generated province (bench/dataset.sql:
# 95 communes, 50 indicators each, 60 months of reports: 285,000 reports and about 860,000 changes):
#   1. the API's CSV export of the province against PostgreSQL's own COPY … TO STDOUT WITH CSV of the same
#      rows on the same database: at least half the rows per second;
#   2. the product's resident memory during the export: it grows by less than 64 MB;
#   3. a full walk of the change feed: at least a quarter of the export's rows per second.
# The province system is a service account reading the province's subtree, as in the README. It starts the
# packaged product with its embedded PostgreSQL in a fresh data directory, and stops both at the end.
# BENCH_COMMUNES sets the number of communes (default 95).
set -euo pipefail

source "$(dirname "$0")/product.sh"
WORK="$ROOT/backend/target/bench/province"
PORT=${BENCH_PORT:-18482}
COMMUNES=${BENCH_COMMUNES:-95}
CP="$ROOT/backend/target/quarkus-app/app/*:$ROOT/backend/target/quarkus-app/lib/main/*"

rm -rf "$WORK"
mkdir -p "$WORK"
echo "== starting the product (embedded PostgreSQL in $WORK/data)"
start_product "$WORK" "$PORT"
JDBC="jdbc:postgresql://localhost:$DB_PORT/dti"

echo "== generating the province: $COMMUNES communes, plans 2021–2025 (seed 'dti')"
(cd "$ROOT" && java -cp "$CP" bench/ProvinceData.java "$JDBC" postgres dti 1 "$COMMUNES" 2021)

echo "== the province's pull: export (three rounds against COPY, best of each) and a full change-feed walk"
(cd "$ROOT" && java -cp "$CP" bench/ProvinceRead.java "$BASE" "$JDBC" postgres "$APP_PID" P01 2021-01 2025-12 "$WORK/result.json")
