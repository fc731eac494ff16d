#!/usr/bin/env bash
# Start-up smoke test on the embedded store, as a newcomer runs it: no DATABASE_URL, no keys.
# Starts the built server in a fresh DATA_DIR, waits until it is ready, creates a tenant with
# the generated admin key, stops it with SIGTERM and expects exit code 0.
set -euo pipefail

data_dir="$(mktemp -d)"
log="$data_dir/server.log"
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$data_dir"' EXIT

started=$(date +%s%N)
env -u DATABASE_URL -u ADMIN_API_KEY -u KEY_ENCRYPTION_KEY DATA_DIR="$data_dir" PORT="$port" \
  node dist/src/main.js >"$log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "smoke: server exited during start" >&2; exit 1; fi
  sleep 0.25
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")

key="$(cat "$data_dir/admin-api-key")"
grep -q "$key" "$log" || { echo "smoke: the generated admin key was not shown at start" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/v1/tenants" \
  -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{"issuer_id":"smoke","display_name":"Smoke"}')
[ "$status" = 201 ] || { echo "smoke: POST /v1/tenants answered $status" >&2; exit 1; }

kill -TERM "$pid"
code=0; wait "$pid" || code=$?
[ "$code" = 0 ] || { cat "$log"; echo "smoke: exit code $code after SIGTERM" >&2; exit 1; }
echo "smoke: embedded store ready in ${ready_ms} ms, RSS ${rss_kb} kB, tenant created, clean exit"
