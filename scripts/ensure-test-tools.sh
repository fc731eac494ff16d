#!/usr/bin/env bash
# Makes sure the tests have the Debian tools they drive: Chromium for the browser tests (never
# a downloaded one; at CHROMIUM_PATH or /usr/bin/chromium), openssl, which makes the private
# CA of the TLS provider-check test, and pg_dump and pg_restore, which the backup test runs (with
# a server elsewhere, DATABASE_URL, no PostgreSQL may be installed here). Installed from
# Debian's packages when missing and we are root.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -n "${CHROMIUM_PATH:-}" ] && [ ! -x "$CHROMIUM_PATH" ]; then
  echo "ensure-test-tools: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
missing=()
[ -x "$chromium" ] || missing+=(chromium)
command -v openssl >/dev/null || missing+=(openssl)
# On PATH, or where Debian's postgresql-client-<version> puts them (what test/helpers/pg-tools.ts looks for).
has_pg_tool() { "$1" --version >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/$1" >/dev/null; }
has_pg_tool pg_dump && has_pg_tool pg_restore || missing+=(postgresql-client)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-test-tools: missing ${missing[*]}; install Debian's packages (or set CHROMIUM_PATH)" >&2
  exit 1
fi
echo "ensure-test-tools: installing Debian's ${missing[*]}" >&2
apt_install "${missing[@]}"
