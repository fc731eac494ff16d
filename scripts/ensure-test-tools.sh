#!/usr/bin/env bash
# Makes sure the tests have the Debian tools they drive: Chromium for the browser tests (never
# a downloaded one; at CHROMIUM_PATH or /usr/bin/chromium) and openssl, which makes the private
# CA of the TLS provider-check test. Installed from Debian's packages when missing and we are root.
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
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-test-tools: missing ${missing[*]}; install Debian's packages (or set CHROMIUM_PATH)" >&2
  exit 1
fi
echo "ensure-test-tools: installing Debian's ${missing[*]}" >&2
apt_install "${missing[@]}"
