#!/usr/bin/env bash
# A/B of the rate limiter's cost on Open Liberty with wrk: the same endpoint of the same WAR, deployed twice on one
# server, once with rate limiting on (a limit never reached) and once with it off; warmed up, then alternating
# rounds. Uses the integration-test server built by `mvn -B -ntp verify` (target/liberty, bulwarkIT).
#   benchmarks/wrk-ab.sh [rounds] [seconds-per-round]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
secs=${2:-10}
wlp=target/liberty/wlp
server=$wlp/usr/servers/bulwarkIT
[ -d "$server" ] || { echo "build the integration-test server first: mvn -B -ntp verify" >&2; exit 1; }
mkdir -p "$server/configDropins/overrides"
cat > "$server/configDropins/overrides/bench.xml" <<XML
<server>
  <webApplication id="benchOn" name="benchOn" location="bulwark-it.war" contextRoot="/bench-on">
    <appProperties>
      <property name="bulwark.ratelimit.anonymous" value="999999999/1m"/>
      <property name="bulwark.inventory.log" value="false"/>
    </appProperties>
  </webApplication>
  <webApplication id="benchOff" name="benchOff" location="bulwark-it.war" contextRoot="/bench-off">
    <appProperties>
      <property name="bulwark.ratelimit.enabled" value="false"/>
      <property name="bulwark.inventory.log" value="false"/>
    </appProperties>
  </webApplication>
</server>
XML
trap '"$wlp/bin/server" stop bulwarkIT >/dev/null 2>&1 || true; rm -f "$server/configDropins/overrides/bench.xml"' EXIT
"$wlp/bin/server" start bulwarkIT >/dev/null
ready=""
for _ in $(seq 1 60); do
  if curl -fsk -o /dev/null https://127.0.0.1:9543/bench-on/api/errors/ok \
     && curl -fsk -o /dev/null https://127.0.0.1:9543/bench-off/api/errors/ok; then ready=yes; break; fi
  sleep 1
done
[ -n "$ready" ] || { echo "the benchmark applications did not start (see $server/logs/messages.log)" >&2; exit 1; }
# Both must answer 200 with the same body, and only the limited one carries the RateLimit fields.
curl -fsk -D - -o /dev/null https://127.0.0.1:9543/bench-on/api/errors/ok | grep -qi '^ratelimit:' \
  || { echo "bench-on is not rate limited" >&2; exit 1; }
run() { wrk -t1 -c16 -d"${2}s" --latency "https://127.0.0.1:9543/$1/api/errors/ok" \
  | awk '/ 99%/ {p99=$2} /Requests\/sec/ {rps=$2} END {print rps, p99}'; }
echo "warm-up: 90 s each, alternating"
for _ in 1 2 3; do run bench-on 30 >/dev/null; run bench-off 30 >/dev/null; done
echo "round limiter-on(req/s p99) limiter-off(req/s p99) on/off"
for r in $(seq 1 "$rounds"); do
  # ABBA: odd rounds measure the limited app first, even rounds second, so warming cannot favour one side
  if [ $((r % 2)) -eq 1 ]; then on=$(run bench-on "$secs"); off=$(run bench-off "$secs")
  else off=$(run bench-off "$secs"); on=$(run bench-on "$secs"); fi
  ratio=$(awk -v a="${on%% *}" -v b="${off%% *}" 'BEGIN {printf "%.3f", a / b}')
  echo "$r $on $off $ratio"
done
