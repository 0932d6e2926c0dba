#!/usr/bin/env bash
# Evidence upload benchmark, measured as ratios within one run:
#   1. 200 MB files uploaded through the API against `dd` writing the same bytes to the same disk
#      (with fsync, as the store forces each file to disk): at least half the speed. Both are the median
#      of five runs, after warm-up runs (the product's code compiled, the client's too, the disk busy);
#   2. the product's resident memory during those uploads: it grows by less than 64 MB;
#   3. ten 20 MB uploads at once: every stored file's SHA-256 is right.
# Results: backend/target/bench/evidence/result.json.
# It starts the packaged product (backend/target/quarkus-app) with its embedded PostgreSQL in a fresh
# data directory, and stops both at the end.
set -euo pipefail

source "$(dirname "$0")/product.sh"
WORK="$ROOT/backend/target/bench/evidence"
DATA="$WORK/data"
BIG_MB=${BENCH_BIG_MB:-200}
SMALL_MB=${BENCH_SMALL_MB:-20}
PARALLEL=${BENCH_PARALLEL:-10}
RUNS=${BENCH_RUNS:-5}
WARMUPS=${BENCH_WARMUPS:-6}
PORT=${BENCH_PORT:-18481}

[ -f "$JAR" ] || { echo "Build the product first: make backend-package" >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$WORK/files" "$WORK/answers" "$DATA"

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(process.argv[1].split(".").reduce((o,k)=>o==null?o:o[k],v))})' "$1"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status"; }
now() { date +%s.%N; }
# The processor time (clock ticks) the product's JIT compiler threads have used so far. A thread's name may hold a
# space ("C2 CompilerThre"), so the fields of its stat line are counted after the name's closing parenthesis.
jit_ticks() {
  local total=0 t
  for t in /proc/"$APP_PID"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) total=$(( total + $(sed 's/^.*) //' "$t/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0) )) ;;
    esac
  done
  echo "$total"
}
# Waits (at most 30 s) until the compiler threads have been nearly idle for a second: a product that has just
# started compiles what its start touched for a while, and on two cores that would take its share from the uploads.
# A compiler thread that ended takes its ticks with it: a count that went down is not taken as quiet.
wait_for_steady_jit() {
  local before after quiet=0
  for _ in $(seq 1 60); do
    before=$(jit_ticks); sleep 0.5; after=$(jit_ticks)
    if [ $(( after - before )) -ge 0 ] && [ $(( after - before )) -le 2 ]; then quiet=$(( quiet + 1 )); else quiet=0; fi
    [ "$quiet" -ge 2 ] && return 0
  done
  echo "the compiler threads were still busy after 30 s; measuring anyway" >&2
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { print $1 }"; }

# A file the product accepts (PDF by its first bytes) with random content.
make_file() { { printf '%%PDF-1.4\n'; head -c "$(( $2 * 1024 * 1024 ))" /dev/urandom; } > "$1"; }

echo "== preparing files"
make_file "$WORK/files/warmup.pdf" "$BIG_MB"
for i in $(seq 1 "$RUNS"); do make_file "$WORK/files/big-$i.pdf" "$BIG_MB"; done
for i in $(seq 1 "$PARALLEL"); do make_file "$WORK/files/part-$i.pdf" "$SMALL_MB"; done
# The files just written (and whatever an earlier benchmark left) go to disk now, not during the measurements.
sync

echo "== starting the product (embedded PostgreSQL, local evidence store in $DATA)"
start_product "$WORK" "$PORT" DTI_EVIDENCE_MAX_FILE_SIZE=$(( BIG_MB + 16 ))M QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=$(( BIG_MB + 17 ))M
TOKEN=$(curl -fsS -d grant_type=password -d username=reporter -d password=Demo@2026 "$BASE/api/v1/auth/token" | json access_token)
ADMIN=$(curl -fsS -d grant_type=password -d username=admin -d password=Demo@2026 "$BASE/api/v1/auth/token" | json access_token)

# The client sends each file from the page cache straight to the socket (bench/StreamUpload.java), so that
# the figure measures the product's receiving rather than the client's sending; it prints "seconds status"
# for each file, as measured from its connection to the answer, and writes the answers to $WORK/answers.
javac -d "$WORK" "$ROOT/bench/StreamUpload.java"
upload() { java -cp "$WORK" StreamUpload "$BASE/api/v1/evidence/stream?fileName=" "$TOKEN" "$WORK/answers" "$@"; }
all_created() { awk '$2 != 201 { bad = 1 } END { exit bad }'; }

echo "== warm-up: ${WARMUPS} uploads of ${BIG_MB} MB, so that the measured ones run compiled code"
WARM=()
for _ in $(seq 1 "$WARMUPS"); do WARM+=("$WORK/files/warmup.pdf"); done
upload "${WARM[@]}" | all_created || { cat "$WORK/answers/warmup.pdf.json"; exit 1; }
wait_for_steady_jit
sync

echo "== baseline: dd writes the same ${BIG_MB} MB to the same disk (fsync), once to warm up, then ${RUNS} times"
: > "$WORK/dd.times"
for i in $(seq 0 "$RUNS"); do
  t0=$(now)
  dd if="$WORK/files/big-$(( i > 0 ? i : 1 )).pdf" of="$DATA/dd-copy.bin" bs=1M conv=fsync status=none
  t1=$(now)
  rm -f "$DATA/dd-copy.bin"
  [ "$i" = 0 ] || calc "$t1 - $t0" >> "$WORK/dd.times"
done
DD_S=$(median < "$WORK/dd.times")

echo "== ${RUNS} uploads of ${BIG_MB} MB through the API (after two to warm the client), memory sampled every 50 ms"
RSS_BEFORE=$(rss_kb)
echo "$RSS_BEFORE" > "$WORK/rss.samples"
( while kill -0 "$APP_PID" 2>/dev/null; do rss_kb >> "$WORK/rss.samples"; sleep 0.05; done ) &
SAMPLER=$!
BIG=()
for i in $(seq 1 "$RUNS"); do BIG+=("$WORK/files/big-$i.pdf"); done
upload "$WORK/files/warmup.pdf" "$WORK/files/warmup.pdf" "${BIG[@]}" > "$WORK/upload.times"
kill "$SAMPLER" 2>/dev/null || true
tail -n +3 "$WORK/upload.times" | all_created || { cat "$WORK/upload.times" "$WORK"/answers/big-*.json; exit 1; }
UPLOAD_S=$(tail -n +3 "$WORK/upload.times" | cut -d' ' -f1 | median)
RSS_MAX=$(sort -n "$WORK/rss.samples" | tail -1)
RSS_GROWTH_MB=$(calc "($RSS_MAX - $RSS_BEFORE) / 1024")
for i in $(seq 1 "$RUNS"); do
  [ "$(json sha256 < "$WORK/answers/big-$i.pdf.json")" = "$(sha256sum "$WORK/files/big-$i.pdf" | cut -d' ' -f1)" ] \
    || { echo "wrong hash of upload $i" >&2; exit 1; }
done
RATIO=$(calc "$DD_S / $UPLOAD_S")

echo "== ${PARALLEL} uploads of ${SMALL_MB} MB at once"
t0=$(now)
PIDS=()
for i in $(seq 1 "$PARALLEL"); do upload "$WORK/files/part-$i.pdf" | cut -d' ' -f2 > "$WORK/part-$i.code" & PIDS+=($!); done
wait "${PIDS[@]}"
t1=$(now)
PARALLEL_S=$(calc "$t1 - $t0")
WRONG=0
for i in $(seq 1 "$PARALLEL"); do
  want=$(sha256sum "$WORK/files/part-$i.pdf" | cut -d' ' -f1)
  got=$(json sha256 < "$WORK/answers/part-$i.pdf.json" || true)
  stored="$DATA/evidence/objects/${want:0:2}/${want:2:2}/$want"
  if [ "$(cat "$WORK/part-$i.code")" != 201 ] || [ "$got" != "$want" ] || [ ! -f "$stored" ] \
      || [ "$(sha256sum "$stored" | cut -d' ' -f1)" != "$want" ]; then
    WRONG=$((WRONG + 1)); echo "upload $i: status $(cat "$WORK/part-$i.code"), hash $got, expected $want" >&2
  fi
done
PROBLEMS=$(curl -fsS -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/evidence/integrity" | json problems.length)

printf '\n%-58s %12s %12s\n' "Evidence upload" "measured" "required"
printf '%-58s %12.2f\n' "dd, ${BIG_MB} MB to the same disk with fsync (s, median of ${RUNS})" "$DD_S"
printf '%-58s %12.2f\n' "API upload, ${BIG_MB} MB (s, median of ${RUNS})" "$UPLOAD_S"
printf '%-58s %12.2f %12s\n' "API throughput / dd throughput" "$RATIO" ">= 0.50"
printf '%-58s %12.1f %12s\n' "resident memory growth during the uploads (MB)" "$RSS_GROWTH_MB" "< 64"
printf '%-58s %12.2f\n' "${PARALLEL} concurrent ${SMALL_MB} MB uploads (s)" "$PARALLEL_S"
printf '%-58s %12s %12s\n' "uploads with a wrong or missing stored hash" "$WRONG" "0"
printf '%-58s %12s %12s\n' "integrity check problems" "$PROBLEMS" "0"

cat > "$WORK/result.json" <<JSON
{ "fileMb": $BIG_MB, "runs": $RUNS, "ddSeconds": $DD_S, "uploadSeconds": $UPLOAD_S, "uploadToDd": $RATIO, "rssGrowthMb": $RSS_GROWTH_MB,
  "parallelUploads": $PARALLEL, "parallelMb": $SMALL_MB, "parallelSeconds": $PARALLEL_S, "wrongHashes": $WRONG, "integrityProblems": $PROBLEMS }
JSON

FAIL=0
[ "$(calc "($RATIO >= 0.5) ? 1 : 0")" = 1 ] || { echo "FAIL: upload slower than half of dd" >&2; FAIL=1; }
[ "$(calc "($RSS_GROWTH_MB < 64) ? 1 : 0")" = 1 ] || { echo "FAIL: memory grew by 64 MB or more" >&2; FAIL=1; }
[ "$WRONG" = 0 ] && [ "$PROBLEMS" = 0 ] || { echo "FAIL: stored content does not match" >&2; FAIL=1; }
exit $FAIL
