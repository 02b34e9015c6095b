#!/usr/bin/env bash
# Starts and stops WildFly servers for the integration tests, from the distribution the build unpacked. Each server
# runs from its own base directory (a copy of the distribution's standalone/), so several can share one install.
#
#   wildfly.sh configure HOME TEMPLATE CLI...
#       copies HOME/standalone to TEMPLATE and applies each jboss-cli script to it offline, as a user applies
#       wildfly-config/bulwark.cli: jboss-cli.sh -Djboss.server.base.dir=TEMPLATE --file=CLI
#   wildfly.sh launch HOME TEMPLATE BASE OFFSET WAR=NAME[=PROPERTIES]... -- SYSPROP...
#       stops a server left running in BASE, copies TEMPLATE to BASE, puts each WAR into BASE/deployments as NAME
#       and starts standalone-microprofile.xml with the port offset and the system properties (no waiting).
#       With PROPERTIES, a deployment overlay gives that deployment the WAR's own microprofile-config.properties
#       with the PROPERTIES file's lines after it (the same WAR with other settings, as Liberty's appProperties).
#   wildfly.sh await BASE NAME...
#       waits (bounded) until the server has started and deployed every NAME; on failure prints the log and stops
#       it and every other server launched beside it (BASE's sibling directories), since the build then never
#       reaches the step that stops them
#   wildfly.sh stop BASE
#       stops the server (TERM, then KILL after 30 s); nothing to do when none runs
set -euo pipefail

pid_of() {
  local base=$1
  [ -f "$base/wildfly.pid" ] || return 1
  local pid; pid=$(cat "$base/wildfly.pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

stop() {
  local base=$1 pid
  if pid=$(pid_of "$base"); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    echo "wildfly.sh: stopped the server of $base"
  fi
  rm -f "$base/wildfly.pid"
}

fresh_copy() {
  local from=$1 to=$2
  rm -rf "$to"
  mkdir -p "$(dirname "$to")"
  cp -r "$from" "$to"
  rm -rf "$to/data" "$to/log" "$to/tmp" "$to/wildfly.pid"
  find "$to/deployments" -mindepth 1 ! -name README.txt -exec rm -rf {} +
}

configure() {
  local home=$1 template=$2; shift 2
  fresh_copy "$home/standalone" "$template"
  for cli in "$@"; do
    echo "wildfly.sh: applying $cli"
    "$home/bin/jboss-cli.sh" "-Djboss.server.base.dir=$template" "--file=$cli" > "$template/cli.log" 2>&1 \
      || { cat "$template/cli.log" >&2; echo "wildfly.sh: $cli failed" >&2; return 1; }
  done
  rm -rf "$template/data" "$template/log" "$template/tmp"
}

launch() {
  local home=$1 template=$2 base=$3 offset=$4; shift 4
  stop "$base"
  fresh_copy "$template" "$base"
  local war name props overlays=""
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    IFS='=' read -r war name props <<< "$1"
    cp "$war" "$base/deployments/$name"
    if [ -n "$props" ]; then
      local merged="$base/overlay-$name.properties"
      unzip -p "$war" WEB-INF/classes/META-INF/microprofile-config.properties > "$merged"
      printf '\n' >> "$merged"
      cat "$props" >> "$merged"
      overlays+="deployment-overlay add --name=config-${name%.war} --content=WEB-INF/classes/META-INF/microprofile-config.properties=$merged --deployments=$name"$'\n'
    fi
    shift
  done
  [ $# -gt 0 ] && shift
  if [ -n "$overlays" ]; then
    printf 'embed-server --server-config=standalone-microprofile.xml --std-out=discard\n%sstop-embedded-server\n' \
      "$overlays" > "$base/overlays.cli"
    "$home/bin/jboss-cli.sh" "-Djboss.server.base.dir=$base" "--file=$base/overlays.cli" > "$base/cli.log" 2>&1 \
      || { cat "$base/cli.log" >&2; echo "wildfly.sh: the deployment overlays failed" >&2; return 1; }
  fi
  # standalone.sh runs the server in the background and writes its pid (JBOSS_PIDFILE); setsid keeps it out of
  # the build's process group, so Maven does not wait for it.
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$base/wildfly.pid" setsid nohup "$home/bin/standalone.sh" \
    -c standalone-microprofile.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    "-Djboss.server.base.dir=$base" "-Djboss.socket.binding.port-offset=$offset" "$@" \
    > "$base/console.log" 2>&1 < /dev/null &
  for _ in $(seq 1 100); do [ -s "$base/wildfly.pid" ] && break; sleep 0.1; done
  echo "wildfly.sh: launched $base (port offset $offset)"
}

stop_all_beside() {
  local base=$1 other
  for other in "$(dirname "$base")"/*/; do
    [ -f "$other/wildfly.pid" ] && stop "${other%/}"
  done
  return 0
}

await() {
  local base=$1; shift
  local deadline=$((SECONDS + 180)) name pending
  while [ $SECONDS -lt $deadline ]; do
    if ! pid_of "$base" > /dev/null && [ -f "$base/wildfly.pid" ]; then break; fi
    pending=0
    for name in "$@"; do
      if [ -f "$base/deployments/$name.failed" ]; then
        echo "wildfly.sh: $name failed to deploy:" >&2; cat "$base/deployments/$name.failed" >&2
        tail -n 80 "$base/log/server.log" >&2 || true; stop_all_beside "$base"; return 1
      fi
      [ -f "$base/deployments/$name.deployed" ] || pending=1
    done
    if [ $pending = 0 ] && grep -q "WFLYSRV0025" "$base/log/server.log" 2>/dev/null; then
      echo "wildfly.sh: $base started, deployed: $*"
      return 0
    fi
    sleep 0.5
  done
  echo "wildfly.sh: the server of $base did not start with $* in time" >&2
  tail -n 80 "$base/console.log" >&2 || true
  stop_all_beside "$base"
  return 1
}

case "${1:-}" in
  configure) shift; configure "$@" ;;
  launch) shift; launch "$@" ;;
  await) shift; await "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: wildfly.sh configure|launch|await|stop ... (see the header)" >&2; exit 2 ;;
esac
