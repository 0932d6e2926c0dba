#!/usr/bin/env bash
# What a province system does on each scheduled run: sign in with its service account, read every
# change since the cursor it saved last time (saving the new cursor after each page, so an
# interrupted run resumes where it stopped), then export one month of results as CSV.
#
#   BASE_URL=http://localhost:8080 CLIENT_ID=province-system CLIENT_SECRET=Demo@2026 MONTH=2026-03 \
#     bash docs/examples/province-pull.sh
#
# Needs bash and curl only. Against `make run`, the defaults use the demo service account.
set -euo pipefail

BASE_URL=${BASE_URL:-http://localhost:8080}
CLIENT_ID=${CLIENT_ID:-province-system}
CLIENT_SECRET=${CLIENT_SECRET:-Demo@2026}
STATE_DIR=${STATE_DIR:-./dti-pull}
MONTH=${MONTH:-$(date +%Y-%m)}
LIMIT=${LIMIT:-500}
mkdir -p "$STATE_DIR"

field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

TOKEN=$(curl -fsS -d grant_type=client_credentials --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" \
  "$BASE_URL/api/v1/auth/token" | field access_token)
[ -n "$TOKEN" ] || { echo "sign-in failed" >&2; exit 1; }

# 1. Changes since the last run, page by page; one page per line in changes.jsonl.
CURSOR=$(cat "$STATE_DIR/cursor" 2>/dev/null || true)
pages=0
changes=0
while :; do
  args=(--data-urlencode "limit=$LIMIT")
  [ -n "$CURSOR" ] && args+=(--data-urlencode "after=$CURSOR")
  page=$(curl -fsS -G -H "Authorization: Bearer $TOKEN" "${args[@]}" "$BASE_URL/api/v1/changes")
  printf '%s\n' "$page" >> "$STATE_DIR/changes.jsonl"
  CURSOR=$(printf '%s' "$page" | field next)
  printf '%s' "$CURSOR" > "$STATE_DIR/cursor"
  n=$( (grep -o '"sequence":' <<< "$page" || true) | wc -l)
  changes=$((changes + n))
  pages=$((pages + 1))
  case "$page" in *'"hasMore":true'*) ;; *) break ;; esac
done
echo "changes: $changes in $pages page(s); the cursor for next time is in $STATE_DIR/cursor"

# 2. The month's results of everything the account may read, as CSV (gzip on the wire).
out="$STATE_DIR/results-$MONTH.csv"
curl -fsS -G --compressed -H "Authorization: Bearer $TOKEN" --data-urlencode "from=$MONTH" --data-urlencode "to=$MONTH" \
  --data-urlencode "format=csv" "$BASE_URL/api/v1/exports/results" -o "$out"
rows=$( (grep -c $'\r$' "$out" || true) )
echo "results of $MONTH: $((rows - 1)) row(s) in $out"
