#!/usr/bin/env bash
# Backs up the DTI plan tracker: the database (pg_dump, custom format) and every evidence object the
# database refers to, with a manifest of their SHA-256 hashes and the row count of every table.
#
#   deploy/backup/backup.sh <new backup directory>
#
# Runs with the service's settings (docs/operations.md): the database from PGHOST/PGPORT/PGDATABASE/PGUSER/
# PGPASSWORD or QUARKUS_DATASOURCE_JDBC_URL/_USERNAME/_PASSWORD; the evidence store from DTI_EVIDENCE_STORAGE
# (local: DTI_EVIDENCE_LOCAL_DIRECTORY or DTI_DATA_DIR/evidence; s3: DTI_EVIDENCE_S3_*, QUARKUS_S3_*).
# The product keeps running. One consistent moment is backed up: the dump, the counts and the manifest
# come from one snapshot, and the evidence sweep (the only thing that removes stored content) is held off
# with its own lock until every object is copied. Content uploaded meanwhile belongs to a later backup.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

[[ $# -eq 1 ]] || die "usage: $0 <new backup directory>"
out="$1"
[[ ! -e "$out" ]] || [[ -z "$(ls -A "$out")" ]] || die "$out exists and is not empty"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

database_settings
evidence_settings
psql="$(psql_program)"
server_major="$("$psql" -X -A -t -v ON_ERROR_STOP=1 -c "select current_setting('server_version_num')::int / 10000")"
pg_dump="$(pg_program pg_dump "$server_major")"
say "Backing up database $PGDATABASE (PostgreSQL $server_major) and evidence in $(describe_store) to $out"

# One session holds the sweep's lock (the product's ScheduledJobs: key space 0x44544901, job evidence-sweep)
# and a repeatable-read snapshot that pg_dump shares.
coproc SESSION { "$psql" -X -q -A -t -v ON_ERROR_STOP=1 2>&1; }
session_in="${SESSION[1]}"
session_out="${SESSION[0]}"
session_pid="$SESSION_PID"
finish_session() {
  if kill -0 "$session_pid" 2> /dev/null; then
    echo '\q' >&"$session_in" || true
    wait "$session_pid" 2> /dev/null || true
  fi
}
trap finish_session EXIT

# Sends statements and waits for the marker query's answer, so each step is done before the next.
session() {
  printf '%s\n' "$1" "select 'ready';" >&"$session_in"
  local line
  while IFS= read -r -t 3600 line <&"$session_out"; do
    [[ "$line" == "ready" ]] && return 0
    REPLY_LINES+=("$line")
  done
  die "the database session ended: ${REPLY_LINES[*]:-}"
}

REPLY_LINES=()
session "select pg_advisory_lock(1146374401, hashtext('evidence-sweep'));"
REPLY_LINES=()
session "begin transaction isolation level repeatable read, read only; select pg_export_snapshot();"
snapshot="${REPLY_LINES[-1]}"
[[ "$snapshot" =~ ^[0-9A-F-]+$ ]] || die "could not export a snapshot: ${REPLY_LINES[*]}"

# The row count of every table and the stored content, as of the snapshot.
REPLY_LINES=()
session "\\copy (select sha256 from stored_file order by sha256) to '$out/stored-files.txt'
\\copy (select c.relname, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname) to '$out/tables.tsv'"

"$pg_dump" --format=custom --snapshot="$snapshot" --file="$out/database.dump"
say "Database dumped: $(wc -l < "$out/tables.tsv") tables, $(awk -F'\t' '{ n += $2 } END { print n + 0 }' "$out/tables.tsv") rows"

# Every object the snapshot's rows name, each checked against its hash on the way.
: > "$out/evidence.sha256"
copied=0
while IFS= read -r sha; do
  sha="${sha// /}"
  [[ "$sha" =~ ^[0-9a-f]{64}$ ]] || die "not a SHA-256 in stored_file: $sha"
  rel="$(object_path "$sha")"
  mkdir -p "$out/$(dirname "$rel")"
  store_get "$sha" "$out/$rel" || die "object $sha is missing from the evidence store"
  actual="$(sha256sum "$out/$rel" | cut -d' ' -f1)"
  [[ "$actual" == "$sha" ]] || die "object $sha in the evidence store is damaged (its content hashes to $actual)"
  echo "$sha  $rel" >> "$out/evidence.sha256"
  copied=$((copied + 1))
done < "$out/stored-files.txt"
rm "$out/stored-files.txt"

REPLY_LINES=()
session "commit; select pg_advisory_unlock(1146374401, hashtext('evidence-sweep'));"
finish_session
trap - EXIT

{
  echo "created: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database: $PGDATABASE (PostgreSQL $server_major)"
  echo "evidence: $(describe_store)"
  echo "objects: $copied"
} > "$out/backup.txt"
say "Evidence copied: $copied objects, every hash checked. Backup complete: $out"
