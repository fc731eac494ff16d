# Shared by the ensure-*.sh scripts (sourced, not run).

# apt_install PACKAGE...: Debian's packages, quietly.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}

# wait_until NAME SECONDS COMMAND...: runs COMMAND every half second until it succeeds; after
# SECONDS, says NAME did not come up and fails.
wait_until() {
  local name=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@"; then return 0; fi
    sleep 0.5
  done
  echo "$name did not come up" >&2
  return 1
}
