#!/usr/bin/env bash
# Runs the demo API on WildFly 39.0.1.Final, configured with wildfly-config/bulwark.cli as a user applies it:
#
#   bash runtimes/wildfly/demo.sh          builds the demo WAR, fetches WildFly from Maven Central, starts it with the
#                                          demo at / (https://localhost:9843, http://localhost:9480) and returns
#   bash runtimes/wildfly/demo.sh stop     stops it
#
# Other ports: WILDFLY_DEMO_OFFSET=N (HTTP 8080+N, HTTPS 8443+N; 1400 unless set). Bulwark settings for the demo:
# BULWARK_DEMO_OPTS="-Dbulwark.headers.json-responses=api ..." (system properties: MicroProfile Config reads them). Server log:
# runtimes/wildfly/target/wildfly-servers/demo-run/log/server.log. Tokens are minted as for the Liberty demo (README).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
module="$root/runtimes/wildfly"
script="$module/src/test/wildfly/wildfly.sh"
base="$module/target/wildfly-servers/demo-run"
if [ "${1:-}" = "stop" ]; then
  bash "$script" stop "$base"
  exit 0
fi
offset=${WILDFLY_DEMO_OFFSET:-1400}
read -r -a demo_opts <<< "${BULWARK_DEMO_OPTS:-}"
version=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' "$module/pom.xml")
home="$module/target/wildfly/wildfly-$version"
mvn -B -ntp -q -f "$root/pom.xml" -pl demo -am package -DskipTests
mvn -B -ntp -q -f "$module/pom.xml" dependency:unpack@unpack-wildfly
bash "$script" configure "$home" "$module/target/wildfly-servers/demo-template" "$root/wildfly-config/bulwark.cli"
bash "$script" launch "$home" "$module/target/wildfly-servers/demo-template" "$base" "$offset" \
  "$root/demo/target/bulwark-demo.war=ROOT.war" -- "-Dbulwark.transport.https-port=$((8443 + offset))" "${demo_opts[@]}"
bash "$script" await "$base" ROOT.war
echo "Demo on WildFly: https://localhost:$((8443 + offset))/api/v1/status (stop: bash runtimes/wildfly/demo.sh stop)"
