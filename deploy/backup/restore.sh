#!/usr/bin/env bash
# Restores a backup made by backup.sh into an empty installation: an empty database and an empty
# evidence store, named by the same settings as the service's (see backup.sh). Start the product only
# after it has finished.
#
#   deploy/backup/restore.sh <backup directory>
#
# Nothing is written before the backup is proven whole: every object's SHA-256 is checked against the
# manifest. Then the database is restored in one transaction, the objects are written into the store
# and read back, and the result is compared with the backup: every table's row count, and the stored
# content the database refers to, hash by hash. PG_RESTORE_OPTIONS adds options to pg_restore (for
# example --no-privileges when the backed-up roles do not exist on the new server).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
source "$here/lib.sh"

[[ $# -eq 1 ]] || die "usage: $0 <backup directory>"
backup="$(cd "$1" && pwd)"
for f in database.dump tables.tsv evidence.sha256; do
  [[ -f "$backup/$f" ]] || die "$backup is not a backup: $f is missing"
done

database_settings
evidence_settings
psql="$(psql_program)"
q() {
  "$psql" -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}

# 1. The backup itself: every object whole.
objects="$(wc -l < "$backup/evidence.sha256")"
say "Checking the $objects evidence objects of $backup"
(cd "$backup" && sha256sum --check --quiet --strict evidence.sha256) || die "the backup is damaged: an object does not match its hash"

# 2. The target is empty.
server_major="$(q -c "select current_setting('server_version_num')::int / 10000")"
tables="$(q -c "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p')")"
[[ "$tables" == 0 ]] || die "database $PGDATABASE is not empty ($tables tables): restore into a new, empty database"
store_is_empty || die "the evidence store $(describe_store) is not empty: restore into a new, empty store"
pg_restore="$(pg_program pg_restore "$server_major")"

# 3. The database, all or nothing.
say "Restoring database $PGDATABASE (PostgreSQL $server_major)"
# shellcheck disable=SC2086
"$pg_restore" --no-owner --exit-on-error --single-transaction ${PG_RESTORE_OPTIONS:-} --dbname="$PGDATABASE" "$backup/database.dump"

# 4. The evidence, each object read back after it is written.
say "Writing $objects evidence objects to $(describe_store)"
check="$(mktemp)"
trap 'rm -f "$check"' EXIT
while read -r sha rel; do
  store_put "$sha" "$backup/$rel"
  store_get "$sha" "$check"
  actual="$(sha256sum "$check" | cut -d' ' -f1)"
  [[ "$actual" == "$sha" ]] || die "object $sha reads back as $actual from the evidence store"
done < "$backup/evidence.sha256"

# 5. The result against the backup: row counts, and every stored file the database refers to.
counts="$(q -c "select c.relname, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname" -F $'\t')"
diff <(sort "$backup/tables.tsv") <(sort <<< "$counts") > /dev/null \
  || die "row counts differ from the backup's: $(diff <(sort "$backup/tables.tsv") <(sort <<< "$counts") | head -5 | tr '\n' ' ')"
diff <(q -c "select sha256 from stored_file" | tr -d ' ' | sort) <(cut -d' ' -f1 "$backup/evidence.sha256" | sort) > /dev/null \
  || die "the restored database refers to other content than the backup holds"

say "Restored: $(wc -l < "$backup/tables.tsv") tables with the backup's row counts, $objects evidence objects with their hashes checked."
