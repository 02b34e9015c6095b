#!/usr/bin/env bash
# Starts and stops one Payara Micro instance for the integration tests.
#   payara.sh launch OUTDIR JAVA PAYARA_JAR PREBOOT... -- PAYARA_ARGS...   starts it in the background (pid file)
#   payara.sh await OUTDIR SECONDS                                          waits until it is ready, or fails
#   payara.sh stop OUTDIR                                                   stops it (also after a failed run)
# The pre-boot command files are concatenated in order into OUTDIR/preboot.asadmin (Payara Micro takes one file):
# Bulwark's shipped payara-config/bulwark-preboot.asadmin, as a user includes it, then the test-only ones.
set -euo pipefail

stop() {
  local out=$1
  [ -f "$out/payara.pid" ] || return 0
  local pid; pid=$(cat "$out/payara.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$out/payara.pid"
  echo "payara.sh: stopped $(basename "$out")"
}

launch() {
  local out=$1 java=$2 jar=$3; shift 3
  # a server left over from an interrupted run is stopped first: it holds the ports
  stop "$out"
  rm -rf "$out/root" "$out/preboot.asadmin" "$out/console.log"
  mkdir -p "$out/root" "$out/unpack"
  : > "$out/preboot.asadmin"
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    cat "$1" >> "$out/preboot.asadmin"; printf '\n' >> "$out/preboot.asadmin"; shift
  done
  [ "${1:-}" = "--" ] && shift
  local jvm=() args=()
  for a in "$@"; do
    case "$a" in
      -D*|-X*) jvm+=("$a") ;;
      *) args+=("$a") ;;
    esac
  done
  nohup "$java" "${jvm[@]}" -jar "$jar" --rootdir "$out/root" --unpackdir "$out/unpack" \
      --prebootcommandfile "$out/preboot.asadmin" "${args[@]}" \
      > "$out/console.log" 2>&1 < /dev/null &
  echo $! > "$out/payara.pid"
  echo "payara.sh: launched $(basename "$out") (pid $(cat "$out/payara.pid"))"
}

# A failed start stops every instance of the run (they are siblings under one directory): post-integration-test,
# which stops them otherwise, does not run when pre-integration-test fails.
fail_all() {
  local out=$1 d
  for d in "$(dirname "$out")"/*/; do stop "${d%/}"; done
  return 1
}

await() {
  local out=$1 seconds=$2 pid
  pid=$(cat "$out/payara.pid")
  for _ in $(seq 1 $((seconds * 2))); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "payara.sh: $(basename "$out") exited during start" >&2; tail -n 60 "$out/console.log" >&2 || true
      rm -f "$out/payara.pid"; fail_all "$out"; return 1
    fi
    if grep -q "Payara Micro .* ready in" "$out/console.log" 2>/dev/null; then
      if grep -q -E "SEVERE.*(Exception while (loading|deploying)|deployment failed)|Boot Command .* (failed|returned with result FAILURE)" "$out/console.log"; then
        echo "payara.sh: $(basename "$out") started with a failed deployment or command" >&2
        grep -E -A5 "SEVERE|FAILURE" "$out/console.log" | head -n 60 >&2 || true
        fail_all "$out"; return 1
      fi
      echo "payara.sh: $(basename "$out") ready ($(grep -o "ready in [0-9,]* (ms)" "$out/console.log"))"
      return 0
    fi
    sleep 0.5
  done
  echo "payara.sh: $(basename "$out") not ready after ${seconds}s" >&2; tail -n 60 "$out/console.log" >&2 || true
  fail_all "$out"; return 1
}

case "${1:-}" in
  launch) shift; launch "$@" ;;
  await) shift; await "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: payara.sh launch OUTDIR JAVA JAR PREBOOT... -- ARGS... | await OUTDIR SECONDS | stop OUTDIR" >&2
     exit 2 ;;
esac
