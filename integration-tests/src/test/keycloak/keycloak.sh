#!/usr/bin/env bash
# Starts and stops a real Keycloak (keycloak-quarkus-dist from Maven Central, unpacked by the build) for the
# integration tests: `keycloak.sh start HOME PORT TEMPLATE OUTDIR` / `keycloak.sh stop OUTDIR`.
# Secrets (admin password, client secret, user password) are generated at each start and written to
# OUTDIR/keycloak.properties for the tests; none is committed.
set -euo pipefail

java_home() {
  # Keycloak 26 needs Java 21 or later.
  local candidates=()
  [ -n "${KEYCLOAK_JAVA_HOME:-}" ] && candidates+=("$KEYCLOAK_JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25* /usr/lib/jvm/temurin-21* /usr/lib/jvm/*)
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/java" ] || continue
    local v
    v=$("$d/bin/java" -version 2>&1 | head -1 | sed -E 's/.*version "([0-9]+).*/\1/')
    if [[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge 21 ]; then echo "$d"; return 0; fi
  done
  echo "keycloak.sh: no Java 21+ found (set KEYCLOAK_JAVA_HOME)" >&2
  return 1
}

secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }

start() {
  local home=$1 port=$2 template=$3 out=$4
  # A fresh realm every run: drop the dev database and import the realm with this run's secrets.
  rm -rf "$home/data"
  mkdir -p "$out" "$home/data/import"
  if [ -f "$out/keycloak.pid" ] && kill -0 "$(cat "$out/keycloak.pid")" 2>/dev/null; then
    echo "keycloak.sh: already running"; return 0
  fi
  local admin client alice
  admin=$(secret); client=$(secret); alice=$(secret)
  sed -e "s/@CLIENT_SECRET@/$client/" -e "s/@ALICE_PASSWORD@/$alice/" "$template" > "$home/data/import/bulwark-realm.json"
  cat > "$out/keycloak.properties" <<PROPS
keycloak.url=http://127.0.0.1:$port
keycloak.admin.password=$admin
keycloak.client.secret=$client
keycloak.alice.password=$alice
PROPS
  local jh
  jh=$(java_home)
  JAVA_HOME="$jh" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin" \
    setsid "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" \
      --http-management-port="$((port + 1))" --import-realm > "$out/keycloak.log" 2>&1 < /dev/null &
  echo $! > "$out/keycloak.pid"
  local url="http://127.0.0.1:$port/realms/bulwark/.well-known/openid-configuration"
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then echo "keycloak.sh: Keycloak ready at http://127.0.0.1:$port"; return 0; fi
    if ! kill -0 "$(cat "$out/keycloak.pid")" 2>/dev/null; then
      echo "keycloak.sh: Keycloak exited; last log lines:" >&2; tail -30 "$out/keycloak.log" >&2; return 1
    fi
    sleep 1
  done
  echo "keycloak.sh: Keycloak not ready after 240 s; last log lines:" >&2; tail -30 "$out/keycloak.log" >&2
  stop "$out"; return 1
}

stop() {
  local out=$1
  [ -f "$out/keycloak.pid" ] || return 0
  local pid; pid=$(cat "$out/keycloak.pid")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$out/keycloak.pid"
  echo "keycloak.sh: stopped"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: keycloak.sh start HOME PORT TEMPLATE OUTDIR | stop OUTDIR" >&2; exit 2 ;;
esac
