# Shared by backup.sh and restore.sh: the product's own settings name the database and the evidence store,
# so the scripts run with the service's environment. Sourced, not run.

die() {
  echo "error: $*" >&2
  exit 1
}

say() {
  echo "$*" >&2
}

# ---- database ----

# libpq's variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD) win; otherwise they are read from the
# product's QUARKUS_DATASOURCE_JDBC_URL (jdbc:postgresql://host[:port]/database[?...]) and credentials.
database_settings() {
  if [[ -z "${PGDATABASE:-}" && -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]]; then
    local url="${QUARKUS_DATASOURCE_JDBC_URL}"
    [[ "$url" =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+) ]] \
      || die "QUARKUS_DATASOURCE_JDBC_URL is not jdbc:postgresql://host[:port]/database: $url"
    export PGHOST="${BASH_REMATCH[1]}"
    export PGPORT="${BASH_REMATCH[3]:-5432}"
    export PGDATABASE="${BASH_REMATCH[4]}"
  fi
  if [[ -z "${PGUSER:-}" && -n "${QUARKUS_DATASOURCE_USERNAME:-}" ]]; then
    export PGUSER="${QUARKUS_DATASOURCE_USERNAME}"
  fi
  if [[ -z "${PGPASSWORD:-}" && -n "${QUARKUS_DATASOURCE_PASSWORD:-}" ]]; then
    export PGPASSWORD="${QUARKUS_DATASOURCE_PASSWORD}"
  fi
  [[ -n "${PGDATABASE:-}" ]] || die "no database: set PGDATABASE (with PGHOST, PGPORT, PGUSER, PGPASSWORD) or QUARKUS_DATASOURCE_JDBC_URL"
  export PGAPPNAME="dti-backup"
}

# A PostgreSQL client program whose major version is at least the server's (pg_dump refuses a newer
# server): PG_BINDIR if set, else the one on PATH, else Debian's /usr/lib/postgresql/<server major>/bin.
pg_program() {
  local name="$1" server_major="$2" candidate version
  for candidate in ${PG_BINDIR:+"$PG_BINDIR/$name"} "$(command -v "$name" || true)" "/usr/lib/postgresql/$server_major/bin/$name"; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    version="$("$candidate" --version 2>/dev/null | sed -nE 's/.* ([0-9]+)(\.[0-9]+)*.*/\1/p' | head -1)"
    if [[ -n "$version" && "$version" -ge "$server_major" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  die "no $name of PostgreSQL $server_major or newer: install the client of the server's version (Debian: postgresql-client-$server_major) or set PG_BINDIR"
}

psql_program() {
  local candidate
  for candidate in ${PG_BINDIR:+"$PG_BINDIR/psql"} "$(command -v psql || true)"; do
    [[ -n "$candidate" && -x "$candidate" ]] && { echo "$candidate"; return 0; }
  done
  die "psql not found: install the PostgreSQL client (Debian: postgresql-client) or set PG_BINDIR"
}

# ---- evidence store, as the product is configured (DTI_EVIDENCE_*) ----

evidence_settings() {
  STORAGE="${DTI_EVIDENCE_STORAGE:-local}"
  STORAGE="${STORAGE,,}"
  case "$STORAGE" in
    local)
      LOCAL_ROOT="${DTI_EVIDENCE_LOCAL_DIRECTORY:-${DTI_DATA_DIR:-data}/evidence}"
      ;;
    s3)
      S3_REGION="${DTI_EVIDENCE_S3_REGION:-us-east-1}"
      S3_ENDPOINT="${QUARKUS_S3_ENDPOINT_OVERRIDE:-https://s3.$S3_REGION.amazonaws.com}"
      S3_ENDPOINT="${S3_ENDPOINT%/}"
      S3_BUCKET="${DTI_EVIDENCE_S3_BUCKET:-dti-evidence}"
      S3_PREFIX="${DTI_EVIDENCE_S3_PREFIX-evidence/}"
      S3_KEY_ID="${QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID:-${AWS_ACCESS_KEY_ID:-}}"
      S3_SECRET="${QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY:-${AWS_SECRET_ACCESS_KEY:-}}"
      [[ -n "$S3_KEY_ID" && -n "$S3_SECRET" ]] \
        || die "S3 storage needs its keys: QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID and ..._SECRET_ACCESS_KEY (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)"
      command -v curl > /dev/null || die "curl is needed for S3 storage"
      ;;
    *) die "DTI_EVIDENCE_STORAGE is '$STORAGE'; expected local or s3" ;;
  esac
}

describe_store() {
  if [[ "$STORAGE" == local ]]; then echo "local $LOCAL_ROOT"; else echo "s3 $S3_ENDPOINT/$S3_BUCKET/$S3_PREFIX"; fi
}

# Where one hash lives in a local store and in a backup: objects/ab/cd/<sha256>.
object_path() {
  local sha="$1"
  echo "objects/${sha:0:2}/${sha:2:2}/$sha"
}

readonly EMPTY_SHA256="e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

# One S3 request, path-style, signed with AWS Signature Version 4 by curl. The payload's SHA-256 is signed
# too, so the server refuses a body damaged on the way.
s3_curl() {
  local payload_sha="$1"
  shift
  curl --fail --silent --show-error --retry 3 --aws-sigv4 "aws:amz:$S3_REGION:s3" --user "$S3_KEY_ID:$S3_SECRET" \
    -H "x-amz-content-sha256: $payload_sha" "$@"
}

s3_url() {
  echo "$S3_ENDPOINT/$S3_BUCKET/$S3_PREFIX$1"
}

urlencode() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [a-zA-Z0-9.~_-]) out+="$c" ;;
      *) out+="$(printf '%%%02X' "'$c")" ;;
    esac
  done
  echo "$out"
}

# Reads one stored object into a file.
store_get() {
  local sha="$1" target="$2"
  if [[ "$STORAGE" == local ]]; then
    cp -- "$LOCAL_ROOT/$(object_path "$sha")" "$target"
  else
    s3_curl "$EMPTY_SHA256" -o "$target" "$(s3_url "$sha")"
  fi
}

# Writes one object, whole or not at all (local: written aside, forced to disk, renamed into place).
store_put() {
  local sha="$1" source="$2"
  if [[ "$STORAGE" == local ]]; then
    local target="$LOCAL_ROOT/$(object_path "$sha")"
    mkdir -p -- "$(dirname "$target")" "$LOCAL_ROOT/partial"
    local temp="$LOCAL_ROOT/partial/restore-$sha.part"
    cp -- "$source" "$temp"
    sync -- "$temp" 2> /dev/null || sync
    mv -f -- "$temp" "$target"
  else
    s3_curl "$sha" -o /dev/null -T "$source" "$(s3_url "$sha")"
  fi
}

# Whether the store holds no object at all.
store_is_empty() {
  if [[ "$STORAGE" == local ]]; then
    [[ ! -d "$LOCAL_ROOT/objects" ]] || [[ -z "$(find "$LOCAL_ROOT/objects" -type f -print -quit)" ]]
  else
    local listing
    listing="$(s3_curl "$EMPTY_SHA256" "$S3_ENDPOINT/$S3_BUCKET?list-type=2&max-keys=1&prefix=$(urlencode "$S3_PREFIX")")" \
      || die "the bucket $S3_BUCKET did not answer at $S3_ENDPOINT"
    [[ "$listing" != *"<Key>"* ]]
  fi
}
