#!/usr/bin/env bash
# Makes sure the PostgreSQL the test suite uses answers. With DATABASE_URL set, that server
# must answer. Without it, the suite uses 127.0.0.1:5432; when nothing listens there and we
# are root on Debian, install Debian's postgresql, start a cluster and let loopback in.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

url="${DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"

answers() {
  node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
  ' "$url"
}

if answers; then exit 0; fi
if [ -n "${DATABASE_URL:-}" ]; then
  echo "ensure-postgres: DATABASE_URL is set but its server does not answer" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-postgres: no PostgreSQL at 127.0.0.1:5432; start one or set DATABASE_URL" >&2
  exit 1
fi

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "ensure-postgres: installing Debian's postgresql" >&2
  apt_install postgresql
fi
version="$(ls /etc/postgresql | sort -V | tail -n 1)"
hba="/etc/postgresql/$version/main/pg_hba.conf"
# A throw-away test server: trust loopback connections, as the development machines do.
if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
  sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
fi
pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster --skip-systemctl-redirect "$version" main reload
wait_until "ensure-postgres: PostgreSQL $version" 30 answers
