#!/usr/bin/env bash
# Makes sure a Redis answers at 127.0.0.1:6379 for the shared rate-limit tests: the machine's
# own, or Debian's redis-server installed and started (no persistence) when none answers.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

answers() { node -e '
  const s = require("net").connect(6379, "127.0.0.1");
  s.on("connect", () => s.write("PING\r\n"));
  s.on("data", (d) => process.exit(String(d).startsWith("+PONG") ? 0 : 1));
  s.on("error", () => process.exit(1));
  setTimeout(() => process.exit(1), 2000);'; }

if answers; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-redis: no Redis at 127.0.0.1:6379; start one" >&2
  exit 1
fi
if ! command -v redis-server >/dev/null; then
  echo "ensure-redis: installing Debian's redis-server" >&2
  apt_install redis-server
fi
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
wait_until "ensure-redis: Redis" 10 answers
