#!/usr/bin/env bash
# Evidence upload benchmark, measured as ratios within one run:
#   1. a 200 MB file uploaded through the API against `dd` writing the same bytes to the same disk
#      (with fsync, as the store forces each file to disk): at least half the speed;
#   2. the product's resident memory during that upload: it grows by less than 64 MB;
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
PORT=${BENCH_PORT:-18481}

[ -f "$JAR" ] || { echo "Build the product first: make backend-package" >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$WORK/files" "$DATA"

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);console.log(process.argv[1].split(".").reduce((o,k)=>o==null?o:o[k],v))})' "$1"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status"; }
now() { date +%s.%N; }
calc() { awk "BEGIN { print $1 }"; }

# A file the product accepts (PDF by its first bytes) with random content.
make_file() { { printf '%%PDF-1.4\n'; head -c "$(( $2 * 1024 * 1024 ))" /dev/urandom; } > "$1"; }

echo "== preparing files"
make_file "$WORK/files/warmup.pdf" "$BIG_MB"
make_file "$WORK/files/big.pdf" "$BIG_MB"
for i in $(seq 1 "$PARALLEL"); do make_file "$WORK/files/part-$i.pdf" "$SMALL_MB"; done

echo "== starting the product (embedded PostgreSQL, local evidence store in $DATA)"
start_product "$WORK" "$PORT" DTI_EVIDENCE_MAX_FILE_SIZE=$(( BIG_MB + 16 ))M QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE=$(( BIG_MB + 17 ))M
TOKEN=$(curl -fsS -d grant_type=password -d username=reporter -d password=Demo@2026 "$BASE/api/v1/auth/token" | json access_token)
ADMIN=$(curl -fsS -d grant_type=password -d username=admin -d password=Demo@2026 "$BASE/api/v1/auth/token" | json access_token)

# The client sends the file from the page cache straight to the socket (bench/StreamUpload.java), so
# that the figure measures the product's receiving rather than the client's sending.
javac -d "$WORK" "$ROOT/bench/StreamUpload.java"
upload() { # file, response file; prints "seconds status" as the client measured them (its own start excluded)
  java -cp "$WORK" StreamUpload "$BASE/api/v1/evidence/stream?fileName=$(basename "$1")" "$TOKEN" "$1" "$2"
}

echo "== warm-up: two uploads of ${BIG_MB} MB, so that the measured one runs compiled code"
for _ in 1 2; do
  [ "$(upload "$WORK/files/warmup.pdf" "$WORK/warmup.json" | cut -d' ' -f2)" = 201 ] || { cat "$WORK/warmup.json"; exit 1; }
done

echo "== baseline: dd writes the same ${BIG_MB} MB to the same disk (fsync)"
t0=$(now)
dd if="$WORK/files/big.pdf" of="$DATA/dd-copy.bin" bs=1M conv=fsync status=none
t1=$(now)
rm -f "$DATA/dd-copy.bin"
DD_S=$(calc "$t1 - $t0")

echo "== upload of ${BIG_MB} MB through the API, memory sampled every 50 ms"
RSS_BEFORE=$(rss_kb)
echo "$RSS_BEFORE" > "$WORK/rss.samples"
( while kill -0 "$APP_PID" 2>/dev/null; do rss_kb >> "$WORK/rss.samples"; sleep 0.05; done ) &
SAMPLER=$!
RESULT=$(upload "$WORK/files/big.pdf" "$WORK/big.json")
kill "$SAMPLER" 2>/dev/null || true
[ "${RESULT#* }" = 201 ] || { cat "$WORK/big.json"; exit 1; }
UPLOAD_S=${RESULT% *}
RSS_MAX=$(sort -n "$WORK/rss.samples" | tail -1)
RSS_GROWTH_MB=$(calc "($RSS_MAX - $RSS_BEFORE) / 1024")
[ "$(json sha256 < "$WORK/big.json")" = "$(sha256sum "$WORK/files/big.pdf" | cut -d' ' -f1)" ] || { echo "wrong hash of the big upload" >&2; exit 1; }
RATIO=$(calc "$DD_S / $UPLOAD_S")

echo "== ${PARALLEL} uploads of ${SMALL_MB} MB at once"
t0=$(now)
PIDS=()
for i in $(seq 1 "$PARALLEL"); do upload "$WORK/files/part-$i.pdf" "$WORK/part-$i.json" | cut -d' ' -f2 > "$WORK/part-$i.code" & PIDS+=($!); done
wait "${PIDS[@]}"
t1=$(now)
PARALLEL_S=$(calc "$t1 - $t0")
WRONG=0
for i in $(seq 1 "$PARALLEL"); do
  want=$(sha256sum "$WORK/files/part-$i.pdf" | cut -d' ' -f1)
  got=$(json sha256 < "$WORK/part-$i.json" || true)
  stored="$DATA/evidence/objects/${want:0:2}/${want:2:2}/$want"
  if [ "$(cat "$WORK/part-$i.code")" != 201 ] || [ "$got" != "$want" ] || [ ! -f "$stored" ] \
      || [ "$(sha256sum "$stored" | cut -d' ' -f1)" != "$want" ]; then
    WRONG=$((WRONG + 1)); echo "upload $i: status $(cat "$WORK/part-$i.code"), hash $got, expected $want" >&2
  fi
done
PROBLEMS=$(curl -fsS -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/evidence/integrity" | json problems.length)

printf '\n%-58s %12s %12s\n' "Evidence upload" "measured" "required"
printf '%-58s %12.2f\n' "dd, ${BIG_MB} MB to the same disk with fsync (s)" "$DD_S"
printf '%-58s %12.2f\n' "API upload, ${BIG_MB} MB (s)" "$UPLOAD_S"
printf '%-58s %12.2f %12s\n' "API throughput / dd throughput" "$RATIO" ">= 0.50"
printf '%-58s %12.1f %12s\n' "resident memory growth during the upload (MB)" "$RSS_GROWTH_MB" "< 64"
printf '%-58s %12.2f\n' "${PARALLEL} concurrent ${SMALL_MB} MB uploads (s)" "$PARALLEL_S"
printf '%-58s %12s %12s\n' "uploads with a wrong or missing stored hash" "$WRONG" "0"
printf '%-58s %12s %12s\n' "integrity check problems" "$PROBLEMS" "0"

cat > "$WORK/result.json" <<JSON
{ "fileMb": $BIG_MB, "ddSeconds": $DD_S, "uploadSeconds": $UPLOAD_S, "uploadToDd": $RATIO, "rssGrowthMb": $RSS_GROWTH_MB,
  "parallelUploads": $PARALLEL, "parallelMb": $SMALL_MB, "parallelSeconds": $PARALLEL_S, "wrongHashes": $WRONG, "integrityProblems": $PROBLEMS }
JSON

FAIL=0
[ "$(calc "($RATIO >= 0.5) ? 1 : 0")" = 1 ] || { echo "FAIL: upload slower than half of dd" >&2; FAIL=1; }
[ "$(calc "($RSS_GROWTH_MB < 64) ? 1 : 0")" = 1 ] || { echo "FAIL: memory grew by 64 MB or more" >&2; FAIL=1; }
[ "$WRONG" = 0 ] && [ "$PROBLEMS" = 0 ] || { echo "FAIL: stored content does not match" >&2; FAIL=1; }
exit $FAIL
