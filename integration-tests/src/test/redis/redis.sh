#!/usr/bin/env bash
# Starts and stops a real redis-server for the integration tests: the binary bundled in the embedded-redis jar
# from Maven Central (unpacked by the build), or a redis-server on the PATH.
#   redis.sh start BINDIR PORT OUTDIR   |   redis.sh stop OUTDIR
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../pidfile.sh"

binary() {
  local dir=$1 arch
  arch=$(uname -m)
  case "$arch" in
    x86_64|amd64) [ -f "$dir/redis-server-6.2.6-v5-linux-amd64" ] && { echo "$dir/redis-server-6.2.6-v5-linux-amd64"; return; } ;;
    aarch64|arm64) [ -f "$dir/redis-server-6.2.7-linux-arm64" ] && { echo "$dir/redis-server-6.2.7-linux-arm64"; return; } ;;
  esac
  command -v redis-server && return
  echo "redis.sh: no redis-server for $arch" >&2; return 1
}

ping() {
  local port=$1 reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 1 reply <&3 || true
  exec 3>&- 3<&-
  [[ "$reply" == +PONG* ]]
}

start() {
  local dir=$1 port=$2 out=$3 bin
  mkdir -p "$out"
  bin=$(binary "$dir"); chmod +x "$bin"
  if [ -f "$out/redis.pid" ] && kill -0 "$(cat "$out/redis.pid")" 2>/dev/null; then echo "redis.sh: already running"; return 0; fi
  "$bin" --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
         --pidfile "$out/redis.pid" --logfile "$out/redis.log" --dir "$out"
  for _ in $(seq 1 100); do
    if ping "$port"; then echo "redis.sh: redis-server ready on 127.0.0.1:$port"; return 0; fi
    sleep 0.1
  done
  echo "redis.sh: redis-server did not answer" >&2; cat "$out/redis.log" >&2 || true; return 1
}

stop() {
  stop_pidfile "$1/redis.pid" TERM || return 0
  echo "redis.sh: stopped"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: redis.sh start BINDIR PORT OUTDIR | stop OUTDIR" >&2; exit 2 ;;
esac
