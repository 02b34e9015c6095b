#!/usr/bin/env bash
# Runs the demo API on Payara Micro 6, with payara-config/ included as a user includes it:
#
#   bash runtimes/payara/demo.sh          builds the demo WAR, fetches Payara Micro from Maven Central, starts it with
#                                         the demo at / (https://localhost:9645, http://localhost:9282) and returns
#   bash runtimes/payara/demo.sh stop     stops it
#
# Other ports: PAYARA_DEMO_HTTP_PORT, PAYARA_DEMO_HTTPS_PORT. Bulwark settings for the demo:
# BULWARK_DEMO_OPTS="-Dbulwark.headers.json-responses=api ..." (system properties: MicroProfile Config reads them). It listens on 127.0.0.1 only. Console log:
# runtimes/payara/target/payara-demo-run/console.log. Tokens are minted as for the Liberty demo (README).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
module="$root/runtimes/payara"
script="$module/src/test/payara/payara.sh"
out="$module/target/payara-demo-run"
if [ "${1:-}" = "stop" ]; then
  bash "$script" stop "$out"
  exit 0
fi
http=${PAYARA_DEMO_HTTP_PORT:-9282}
https=${PAYARA_DEMO_HTTPS_PORT:-9645}
read -r -a demo_opts <<< "${BULWARK_DEMO_OPTS:-}"
version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$module/pom.xml")
mkdir -p "$out"
mvn -B -ntp -q -f "$root/pom.xml" -pl demo -am package -DskipTests
mvn -B -ntp -q -f "$module/pom.xml" dependency:copy -Dartifact="fish.payara.extras:payara-micro:$version" \
  -DoutputDirectory="$out" -Dmdep.stripVersion=true
bash "$script" launch "$out" "${JAVA_HOME:+$JAVA_HOME/bin/}java" "$out/payara-micro.jar" \
  "$root/payara-config/bulwark-preboot.asadmin" "$module/src/test/payara/loopback-preboot.asadmin" -- \
  "-Dbulwark.transport.https-port=$https" "${demo_opts[@]}" --postbootcommandfile "$root/payara-config/bulwark-postboot.asadmin" \
  --deploy "$root/demo/target/bulwark-demo.war" --contextroot / --port "$http" --sslport "$https" --nohazelcast
bash "$script" await "$out" 180
echo "Demo on Payara Micro: https://localhost:$https/api/v1/status (stop: bash runtimes/payara/demo.sh stop)"
