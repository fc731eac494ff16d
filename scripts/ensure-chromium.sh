#!/usr/bin/env bash
# Makes sure the browser tests have Debian's Chromium (never a downloaded one): at
# CHROMIUM_PATH or /usr/bin/chromium; installed from Debian's packages when missing and we are root.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-chromium: no Chromium at $chromium; install Debian's chromium or set CHROMIUM_PATH" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
