#!/usr/bin/env bash
# Plan intake benchmark (issue figures), measured in one run against the product's cheapest call as a baseline:
#   1. a Word plan of 20 pages read and previewed (POST /api/v1/plan-intakes): within 2 s, median of five;
#   2. a scan of 10 pages read by OCR, from the upload to the job's DONE: within 60 s on two cores;
#   3. the product's resident memory while it reads them and refuses a Word file that would unpack to 400 MB:
#      it grows by less than 64 MB.
# Results: backend/target/bench/intake/result.json. The files are made from the issued plans' text kept with the tests.
set -euo pipefail

source "$(dirname "$0")/product.sh"
WORK="$ROOT/backend/target/bench/intake"
DOCX_PAGES=${BENCH_DOCX_PAGES:-20}
SCAN_PAGES=${BENCH_SCAN_PAGES:-10}
RUNS=${BENCH_RUNS:-5}
PORT=${BENCH_PORT:-18491}
CP="$ROOT/backend/target/quarkus-app/lib/boot/*:$ROOT/backend/target/quarkus-app/lib/main/*"

[ -f "$JAR" ] || { echo "Build the product first: make backend-package" >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$WORK/files"

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(process.argv[1].split(".").reduce((o,k)=>o==null?o:o[k],v))})' "$1"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status"; }
now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { print $1 }"; }

echo "== making the files from the plans' text"
javac -cp "$CP" -d "$WORK" "$ROOT/bench/PlanFiles.java"
java -cp "$WORK:$CP" PlanFiles "$ROOT/backend/src/test/resources/plans" "$WORK/files" "$DOCX_PAGES" "$SCAN_PAGES"
DOCX="$WORK/files/plan-$DOCX_PAGES-pages.docx"
SCAN="$WORK/files/scan-$SCAN_PAGES-pages.pdf"
BOMB="$WORK/files/bomb.docx"

echo "== starting the product"
start_product "$WORK" "$PORT" DTI_DOCUMENTS_INTAKE_MAX_FILE_SIZE=200M QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=201M
TOKEN=$(curl -fsS -d grant_type=password -d username=commune -d password=Demo@2026 "$BASE/api/v1/auth/token" | json access_token)
post() { curl -sS -o "$2" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" \
  --data-binary @"$1" "$BASE/api/v1/plan-intakes"; }

RSS_BEFORE=$(rss_kb)
echo "$RSS_BEFORE" > "$WORK/rss.samples"
( while kill -0 "$APP_PID" 2>/dev/null; do rss_kb >> "$WORK/rss.samples"; sleep 0.05; done ) &
SAMPLER=$!

echo "== baseline: GET /api/v1/me, after warm-up"
for _ in $(seq 1 20); do curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me"; done
: > "$WORK/me.times"
for _ in $(seq 1 "$RUNS"); do
  curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me" >> "$WORK/me.times"
done
ME_S=$(median < "$WORK/me.times")

echo "== a Word plan of $DOCX_PAGES pages: three to warm up, then $RUNS measured"
for _ in 1 2 3; do post "$DOCX" "$WORK/docx.json" > /dev/null; done
: > "$WORK/docx.times"
for _ in $(seq 1 "$RUNS"); do
  read -r code t < <(post "$DOCX" "$WORK/docx.json")
  [ "$code" = 200 ] || { echo "the Word plan answered $code" >&2; cat "$WORK/docx.json" >&2; exit 1; }
  echo "$t" >> "$WORK/docx.times"
done
DOCX_S=$(median < "$WORK/docx.times")
BLOCKS=$(json source.blocks.length < "$WORK/docx.json")

echo "== a Word file that would unpack to 400 MB"
read -r BOMB_CODE _ < <(post "$BOMB" "$WORK/bomb.json")
BOMB_PROBLEM=$(json code < "$WORK/bomb.json")

echo "== a scan of $SCAN_PAGES pages"
t0=$(now)
read -r code _ < <(post "$SCAN" "$WORK/job.json")
[ "$code" = 202 ] || { echo "the scan answered $code" >&2; cat "$WORK/job.json" >&2; exit 1; }
JOB=$(json id < "$WORK/job.json")
STATE=RUNNING
while [ "$STATE" = RUNNING ]; do
  sleep 0.5
  curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/plan-intakes/jobs/$JOB" > "$WORK/job.json"
  STATE=$(json state < "$WORK/job.json")
done
t1=$(now)
SCAN_S=$(calc "$t1 - $t0")
[ "$STATE" = DONE ] || { echo "the scan's reading ended $STATE" >&2; cat "$WORK/job.json" >&2; exit 1; }
SCAN_READ=$(json pagesDone < "$WORK/job.json")
DOUBTFUL=$(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1]));const b=j.source.blocks;console.log(b.filter(x=>x.doubtful).length+"/"+b.length)' "$WORK/job.json")

kill "$SAMPLER" 2>/dev/null || true
RSS_MAX=$(sort -n "$WORK/rss.samples" | tail -1)
RSS_GROWTH_MB=$(calc "($RSS_MAX - $RSS_BEFORE) / 1024")
DOCX_TO_ME=$(calc "$DOCX_S / $ME_S")

printf '\n%-58s %12s %12s\n' "Plan intake" "measured" "required"
printf '%-58s %12.3f\n' "GET /api/v1/me (s, median of $RUNS)" "$ME_S"
printf '%-58s %12.2f %12s\n' "Word plan of $DOCX_PAGES pages, $BLOCKS blocks, previewed (s, median)" "$DOCX_S" "<= 2"
printf '%-58s %12.0f\n' "  the same / GET /api/v1/me" "$DOCX_TO_ME"
printf '%-58s %12.1f %12s\n' "scan of $SCAN_READ pages read by OCR (s)" "$SCAN_S" "<= 60"
printf '%-58s %12s\n' "  paragraphs and tables marked doubtful" "$DOUBTFUL"
printf '%-58s %12s %12s\n' "Word file unpacking to 400 MB" "$BOMB_CODE $BOMB_PROBLEM" "413"
printf '%-58s %12.1f %12s\n' "resident memory growth through all of them (MB)" "$RSS_GROWTH_MB" "< 64"

cat > "$WORK/result.json" <<JSON
{ "docxPages": $DOCX_PAGES, "docxBlocks": $BLOCKS, "runs": $RUNS, "meSeconds": $ME_S, "docxSeconds": $DOCX_S, "docxToMe": $DOCX_TO_ME,
  "scanPages": $SCAN_READ, "scanSeconds": $SCAN_S, "doubtful": "$DOUBTFUL", "bombStatus": $BOMB_CODE, "bombCode": "$BOMB_PROBLEM",
  "rssGrowthMb": $RSS_GROWTH_MB }
JSON

FAIL=0
[ "$(calc "($DOCX_S <= 2) ? 1 : 0")" = 1 ] || { echo "FAIL: the Word plan took more than 2 s" >&2; FAIL=1; }
[ "$(calc "($SCAN_S <= 60) ? 1 : 0")" = 1 ] || { echo "FAIL: the scan took more than 60 s" >&2; FAIL=1; }
[ "$BOMB_CODE" = 413 ] || { echo "FAIL: the bomb was not refused with 413" >&2; FAIL=1; }
[ "$(calc "($RSS_GROWTH_MB < 64) ? 1 : 0")" = 1 ] || { echo "FAIL: memory grew by 64 MB or more" >&2; FAIL=1; }
exit $FAIL
