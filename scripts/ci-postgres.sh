#!/usr/bin/env bash
# Prepares a local PostgreSQL server for the govpub/postgres tests and benchmark, then prints
# the one line a caller evaluates:
#
#   eval "$(bash scripts/ci-postgres.sh)"    # sets DATABASE_URL
#
# Idempotent: installs Debian's `postgresql` only when no server is installed, starts the
# first cluster only when it is down, creates the role and database only when missing (and
# resets the role's password, so a changed GOVPUB_PG_PASSWORD takes effect). Everything but
# the final `export` line goes to stderr, so `eval` sees nothing else.
#
# Overridable: GOVPUB_PG_USER, GOVPUB_PG_PASSWORD, GOVPUB_PG_DB (all default to `govpub`).
set -euo pipefail

DB_USER="${GOVPUB_PG_USER:-govpub}"
DB_PASSWORD="${GOVPUB_PG_PASSWORD:-govpub}"
DB_NAME="${GOVPUB_PG_DB:-govpub}"

log() { echo "ci-postgres: $*" >&2; }

# Runs a command as root (directly, or through sudo when we are not root).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Runs a command as the `postgres` OS user, who owns the cluster and can connect over the
# local socket with peer authentication (Debian's default pg_hba.conf).
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -u postgres "$@"
  fi
}

# Role and database names are interpolated into SQL below; accept plain identifiers only.
for name in "$DB_USER" "$DB_NAME"; do
  if ! [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]]; then
    log "invalid identifier '$name' (use lower-case letters, digits and _)"
    exit 2
  fi
done

# The server binary itself, not pg_lsclusters: client-only installs bring the latter too.
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "installing Debian postgresql (apt-get)…"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
fi

# Some images install the server with create_main_cluster=false: make one if none exists.
if [ -z "$(pg_lsclusters --no-header 2>/dev/null)" ]; then
  version="$(basename "$(dirname "$(dirname "$(ls -d /usr/lib/postgresql/*/bin/postgres | sort -V | tail -n 1)")")")"
  log "creating cluster $version/main…"
  as_root pg_createcluster "$version" main >&2
fi

read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
if [ "$status" != online ]; then
  log "starting cluster $version/$cluster…"
  as_root pg_ctlcluster "$version" "$cluster" start >&2
fi

for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 1
done
if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
  log "server on port $port did not become ready"
  exit 1
fi

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@" >&2; }

# The password goes in as a psql variable (:'pw' quotes it), never spliced into SQL text.
psql_admin -v pw="$DB_PASSWORD" <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$DB_USER')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER') \gexec
-- CREATEROLE: the attack suite (test/security/) creates the least-privilege roles docs/security.md recommends.
ALTER ROLE "$DB_USER" WITH LOGIN CREATEROLE PASSWORD :'pw';
SELECT format('CREATE DATABASE %I OWNER %I', '$DB_NAME', '$DB_USER')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB_NAME') \gexec
SQL

# Percent-encode the password for the URL (RFC 3986 unreserved characters pass through).
encoded_password="$(node -e 'process.stdout.write(encodeURIComponent(process.argv[1]))' "$DB_PASSWORD")"
log "ready: database $DB_NAME on 127.0.0.1:$port (PostgreSQL $version)"
echo "export DATABASE_URL=postgres://$DB_USER:$encoded_password@127.0.0.1:$port/$DB_NAME"
