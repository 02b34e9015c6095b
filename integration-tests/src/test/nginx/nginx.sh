#!/usr/bin/env bash
# Starts and stops the nginx that terminates TLS in front of the test server (ProxyIT), as the current user, with
# everything (configuration, certificate, pid, logs, temporary files) under OUTDIR: no system file is touched.
# nginx comes from Debian: installed with apt-get when missing (root only). Without it the nginx tests are skipped:
# OUTDIR/skipped says why and ProxyIT reports it.
#   nginx.sh start SRCDIR OUTDIR HTTPS_PORT UNTRUSTED_PORT LIBERTY_HTTP_PORT LIBERTY_HTTPS_PORT   |   nginx.sh stop OUTDIR
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../pidfile.sh"

find_nginx() {
  command -v nginx 2>/dev/null && return
  [ -x /usr/sbin/nginx ] && { echo /usr/sbin/nginx; return; }
  return 1
}

# Debian packages, installed the way the README's test command promises on a fresh machine.
install_packages() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "not root or no apt-get: install nginx (Debian: apt-get install nginx-light) and openssl to run the tests behind nginx"
    return 1
  fi
  echo "nginx.sh: installing $* with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q --no-install-recommends "$@" >&2 \
    || { apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "$@" >&2; } \
    || { echo "apt-get install $* failed"; return 1; }
}

skip() {
  echo "$1" >"$OUT/skipped"
  echo "nginx.sh: SKIPPING the tests behind nginx (ProxyIT): $1" >&2
  exit 0
}

wait_port() {
  local port=$1
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# Copies $1 to $2 with each "from=to" pair after it replaced, failing when a value to replace is not there.
fill() {
  local src=$1 dst=$2 text; shift 2
  text=$(cat "$src")
  for pair in "$@"; do
    local from=${pair%%=*} to=${pair#*=}
    [[ "$text" == *"$from"* ]] || { echo "nginx.sh: '$from' not found in $src" >&2; return 1; }
    text=${text//"$from"/"$to"}
  done
  printf '%s\n' "$text" >"$dst"
}

start() {
  local src=$1 port=$3 untrusted=$4 http=$5 https=$6 bin reason
  OUT=$2
  mkdir -p "$OUT/tmp" "$OUT/tls"
  rm -f "$OUT/skipped"
  if [ -f "$OUT/nginx.pid" ] && kill -0 "$(cat "$OUT/nginx.pid")" 2>/dev/null; then echo "nginx.sh: already running"; return 0; fi
  if ! command -v openssl >/dev/null; then
    reason=$(install_packages openssl) || skip "$reason"
  fi
  if ! bin=$(find_nginx); then
    reason=$(install_packages nginx-light) || reason=$(install_packages nginx) || skip "$reason"
    bin=$(find_nginx) || skip "nginx is still not installed"
  fi
  # A fresh self-signed certificate for this run (the client trusts any: DevTls), never committed.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$OUT/tls/server.key" -out "$OUT/tls/server.crt" 2>"$OUT/tls/openssl.log"
  cp "$src/bulwark-proxy.conf" "$OUT/bulwark-proxy.conf"
  fill "$src/api-server.conf" "$OUT/api-server.conf" \
    "listen 443 ssl;=listen 127.0.0.1:$port ssl;" \
    "/etc/nginx/tls/api.example.com.crt=$OUT/tls/server.crt" \
    "/etc/nginx/tls/api.example.com.key=$OUT/tls/server.key" \
    "http://127.0.0.1:9080;=http://127.0.0.1:$http;"
  fill "$src/nginx.conf" "$OUT/nginx.conf" "@USER@=$(id -un)" "@GROUP@=$(id -gn)" "@RUN@=$OUT" \
    "@UNTRUSTED_PORT@=$untrusted" "@LIBERTY_HTTPS_PORT@=$https"
  "$bin" -t -q -p "$OUT" -c "$OUT/nginx.conf" -e "$OUT/error.log"
  "$bin" -p "$OUT" -c "$OUT/nginx.conf" -e "$OUT/error.log"
  if wait_port "$port" && wait_port "$untrusted"; then
    echo "nginx.sh: $("$bin" -v 2>&1) ready on https://127.0.0.1:$port -> http://127.0.0.1:$http and https://127.0.0.1:$untrusted -> https://127.0.0.1:$https"
    return 0
  fi
  echo "nginx.sh: nginx did not answer" >&2; cat "$OUT/error.log" >&2 || true; return 1
}

stop() {
  stop_pidfile "$1/nginx.pid" QUIT || return 0
  echo "nginx.sh: stopped"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: nginx.sh start SRCDIR OUTDIR HTTPS_PORT UNTRUSTED_PORT LIBERTY_HTTP_PORT LIBERTY_HTTPS_PORT | stop OUTDIR" >&2; exit 2 ;;
esac
