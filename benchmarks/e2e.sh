#!/usr/bin/env bash
# End-to-end cost of Bulwark (issue 13): the same small JAX-RS application (benchmarks/e2e-app) built twice, with
# Bulwark's jar (/with) and without it (/without), deployed side by side on one Open Liberty server, HTTPS, MicroProfile
# JWT RS256 in both with the same key pair (generated here, under target/, by the devtools), Bulwark on its defaults
# with its rate limits set so high that they are computed but never reached. Checks that both answer alike, warms
# up, then runs alternating wrk rounds on a public GET, an authenticated GET and an authenticated JSON POST, and
# prints per request the throughput ratio with/without over all rounds, the per-round spread and p50/p99 of each side.
#
#   benchmarks/e2e.sh [rounds (8)] [seconds per run (10)]
#
# Environment: E2E_JVM_OPTS (more server JVM options, e.g. -Dbulwark.<key>=<value>), E2E_WARMUP (seconds in all, 90;
# then 60-s cycles until steady: E2E_WARMUP_MAX (600) seconds at most, E2E_STEADY_PERCENT (10)), E2E_HTTP_PORT (9680), E2E_HTTPS_PORT (10043), E2E_THREADS (wrk
# threads, 1), E2E_CONNECTIONS (16), MAVEN_ARGS (extra Maven options, e.g. -o), E2E_SKIP_BUILD=1 (use the WARs and
# the devtools jar already built). E2E_PROFILE=public|me|order: instead of the rounds, record a JFR CPU profile of
# /with under that request for the run's seconds and print where Bulwark's own samples are (needs a JDK 21+ `jfr`,
# E2E_JFR_TOOL). E2E_CPU=1: instead of throughput, the server's CPU time per request of each side (meaningful on a
# shared machine). E2E_FLOOR=1: a third application in the rounds, /floor, the application without Bulwark plus a
# plain filter adding the header lines /with sends (fixed values, copied from /with at the start): what the headers
# alone cost, the floor of any implementation of them; it prints floor/without and with/floor too. See
# docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rounds=${1:-8}
secs=${2:-10}
warmup=${E2E_WARMUP:-90}
http_port=${E2E_HTTP_PORT:-9680}
https_port=${E2E_HTTPS_PORT:-10043}
threads=${E2E_THREADS:-1}
connections=${E2E_CONNECTIONS:-16}
read -r -a mvn_extra <<< "${MAVEN_ARGS:-}"
mvn_cmd=(mvn -B -ntp "${mvn_extra[@]}")
mvn_log=$(mktemp)
trap 'rm -f "$mvn_log"' EXIT
maven() { "${mvn_cmd[@]}" "$@" > "$mvn_log" 2>&1 || { cat "$mvn_log" >&2; rm -f "$mvn_log"; exit 1; }; }

# --- tools -----------------------------------------------------------------------------------------------------------
missing=()
for pair in wrk:wrk curl:curl awk:gawk java:openjdk-17-jdk-headless mvn:maven; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (apt-get)"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q >/dev/null
  "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}" >/dev/null
fi

# --- build: both WARs from the same classes, and the dev tools (key pair, tokens) -------------------------------------
app=$root/benchmarks/e2e-app/target
devtools=$root/devtools/target/bulwark-devtools.jar
if [ "${E2E_SKIP_BUILD:-}" != 1 ]; then
  echo "building the application (with and without Bulwark) and the dev tools"
  maven package -pl benchmarks/e2e-app,devtools -am -DskipTests
fi
floor=${E2E_FLOOR:-}
if [ -n "$floor" ] && [ -n "${E2E_PROFILE:-}${E2E_CPU:-}" ]; then
  echo "E2E_FLOOR is ignored with E2E_PROFILE or E2E_CPU: they compare /with and /without only"
  floor=""
fi
wars=("$app/bulwark-e2e.war" "$app/bulwark-e2e-without.war")
[ "$floor" != 1 ] || wars+=("$app/bulwark-e2e-floor.war")
for f in "${wars[@]}" "$devtools"; do
  [ -f "$f" ] || { echo "missing $f (build it: mvn -B -ntp package -pl benchmarks/e2e-app,devtools -am -DskipTests)" >&2; exit 1; }
done
wlp=$root/target/liberty/wlp
if [ ! -x "$wlp/bin/server" ]; then
  echo "installing Open Liberty into target/liberty"
  maven -f benchmarks/e2e-app/pom.xml liberty:install-server -Dbulwark.liberty.install="$root/target/liberty"
fi

# --- nothing else may answer on the ports: the rounds would measure whatever listens there (a server left running
# from an earlier run or a manual check, with older WARs), not the applications built above -------------------------
for port in "$http_port" "$https_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "something already listens on 127.0.0.1:$port: stop it first (an earlier server: WLP_USER_DIR=$app/e2e-wlp-usr" \
      "$root/target/liberty/wlp/bin/server stop bulwarkE2E), or choose other ports (E2E_HTTP_PORT, E2E_HTTPS_PORT)" >&2
    exit 1
  fi
done

# --- key pair (never committed: under target/) and the server --------------------------------------------------------
keys=$app/e2e-keys
java -jar "$devtools" keygen --dir "$keys" --force >/dev/null
export WLP_USER_DIR=$app/e2e-wlp-usr
server_name=bulwarkE2E
server=$WLP_USER_DIR/servers/$server_name
rm -rf "$server"
"$wlp/bin/server" create "$server_name" >/dev/null
cp benchmarks/e2e-app/src/main/liberty/server.xml "$server/server.xml"
cat >> "$server/bootstrap.properties" <<PROPS
e2e.http.port=$http_port
e2e.https.port=$https_port
e2e.public.key=file://$keys/public.pem
bulwarkConfigDir=$root/liberty-config
PROPS
printf -- '-Xms1g\n-Xmx1g\n' > "$server/jvm.options"
# E2E_JVM_OPTS: more JVM options, one per word (for example a Bulwark key as a system property, which MicroProfile
# Config reads before the WAR's file: -Dbulwark.headers.json-responses=all); /without has no bulwark.* to read
for opt in ${E2E_JVM_OPTS:-}; do echo "$opt" >> "$server/jvm.options"; done
mkdir -p "$server/apps"
cp "${wars[@]}" "$server/apps/"
floor_headers=$app/e2e-floor-headers.txt
rm -f "$floor_headers"
if [ "$floor" = 1 ]; then
  # /floor reads the header lines to add from this file at its first request, written below from /with's responses
  echo "-De2e.floor.headers=$floor_headers" >> "$server/jvm.options"
  mkdir -p "$server/configDropins/overrides"
  cat > "$server/configDropins/overrides/floor.xml" <<'XML'
<server>
    <webApplication id="floor" name="floor" location="bulwark-e2e-floor.war" contextRoot="/floor">
        <appProperties>
            <property name="mp.jwt.verify.publickey.location" value="${e2e.public.key}"/>
        </appProperties>
    </webApplication>
</server>
XML
fi
trap '"$wlp/bin/server" stop "$server_name" >/dev/null 2>&1 || true; rm -f "$mvn_log"' EXIT
echo "starting Open Liberty (server $server_name, https://127.0.0.1:$https_port)"
"$wlp/bin/server" start "$server_name" >/dev/null

base=https://127.0.0.1:$https_port
status() { curl -sk -o /dev/null -w '%{http_code}' "$@" || true; }
ready=""
for _ in $(seq 1 180); do
  if [ "$(status "$base/with/api/public")" = 200 ] && [ "$(status "$base/without/api/public")" = 200 ]; then
    ready=yes; break
  fi
  sleep 1
done
[ -n "$ready" ] || { echo "the applications did not start (see $server/logs/messages.log)" >&2; exit 1; }

mint() {
  java -jar "$devtools" mint --key "$keys/private.pem" --iss https://issuer.bulwark.bench --aud bulwark-e2e \
    --sub bench-user --groups user --ttl 90m
}
order='{"item":"The Pragmatic Programmer","quantity":2}'
token=$(mint)

# --- both applications answer alike; only /with carries Bulwark's X-Request-Id ----------------------------------------
failed=""
same() { # label expected-status curl-args (the path comes last, below the context root)
  local label=$1 expected=$2; shift 2
  local path=${*: -1} args=("${@:1:$#-1}") w wo
  w=$(status "${args[@]}" "$base/with$path"); wo=$(status "${args[@]}" "$base/without$path")
  printf '  %-34s with %s  without %s\n' "$label" "$w" "$wo"
  [ "$w" = "$expected" ] && [ "$wo" = "$expected" ] || failed=yes
}
echo "checks (status with / without Bulwark):"
same "public GET" 200 /api/public
same "authenticated GET" 200 -H "Authorization: Bearer $token" /api/me
same "authenticated JSON POST" 200 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data "$order" /api/orders
same "authenticated GET, no token" 401 /api/me
same "JSON POST, invalid body" 400 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data '{"item":"","quantity":0}' /api/orders
if curl -sk -D - -o /dev/null "$base/with/api/public" | grep -qi '^x-request-id:' \
   && ! curl -sk -D - -o /dev/null "$base/without/api/public" | grep -qi '^x-request-id:'; then
  echo "  X-Request-Id: on /with only"
else
  echo "  X-Request-Id: expected on /with only, it is not" >&2; failed=yes
fi
# --- response size: the header block on the wire, and what each header only /with sends costs -------------------------
head_bytes() { curl -sk -D - -o /dev/null "$@" | tr -d '\r' | awk 'NF {n += length($0) + 2} END {print n + 2}'; }
echo "response headers on the wire (bytes, status line and CRLFs included):"
for pair in "public GET:/api/public" "authenticated GET:/api/me"; do
  label=${pair%%:*}; path=${pair#*:}; auth=()
  [ "$path" = /api/me ] && auth=(-H "Authorization: Bearer $token")
  printf '  %-24s with %5s  without %5s\n' "$label" "$(head_bytes "${auth[@]}" "$base/with$path")" \
    "$(head_bytes "${auth[@]}" "$base/without$path")"
done
echo "  each header /with adds to the authenticated GET (bytes on the wire):"
diff <(curl -sk -D - -o /dev/null -H "Authorization: Bearer $token" "$base/without/api/me" | tr -d '\r' | cut -d: -f1 | sort -f) \
     <(curl -sk -D - -o /dev/null -H "Authorization: Bearer $token" "$base/with/api/me" | tr -d '\r' | cut -d: -f1 | sort -f) \
  | awk '/^> / {print $2}' > "$app/e2e-added-headers.txt" || true
curl -sk -D - -o /dev/null -H "Authorization: Bearer $token" "$base/with/api/me" | tr -d '\r' \
  | awk -v list="$app/e2e-added-headers.txt" 'BEGIN {while ((getline h < list) > 0) added[tolower(h)] = 1}
      { name = tolower($0); sub(/:.*/, "", name) } (name in added) {printf "    %-36s %4d\n", substr($0, 1, index($0, ":") - 1), length($0) + 2}'

[ -z "$failed" ] || { echo "the two applications do not answer alike: no measurement (see $server/logs/messages.log)" >&2; exit 1; }

sides=(with without)
if [ "$floor" = 1 ]; then
  # The header lines /with adds (the names /without does not send), copied for /floor: from the public GET for
  # requests without a token, from the authenticated GET for requests with one.
  : > "$app/e2e-without-headers.txt"
  for path in /api/public /api/me; do
    curl -sk -D - -o /dev/null -H "Authorization: Bearer $token" "$base/without$path" | tr -d '\r' \
      | awk -F': ' 'NR > 1 && NF >= 2 {print $1}' >> "$app/e2e-without-headers.txt"
  done
  added_lines() { # kind path curl-args...
    local kind=$1 path=$2; shift 2
    curl -sk -D - -o /dev/null "$@" "$base/with$path" | tr -d '\r' \
      | awk -v kind="$kind" -v list="$app/e2e-without-headers.txt" -F': ' '
          BEGIN {while ((getline h < list) > 0) known[tolower(h)] = 1}
          NR > 1 && NF >= 2 && !(tolower($1) in known) {print kind "\t" $1 "\t" substr($0, length($1) + 3)}'
  }
  added_lines anonymous /api/public > "$floor_headers"
  added_lines authenticated /api/me -H "Authorization: Bearer $token" >> "$floor_headers"
  for _ in $(seq 1 120); do # deployed with the others; answers 200 once it has its lines
    [ "$(status "$base/floor/api/public")" = 200 ] && break
    sleep 1
  done
  echo "the floor (/floor: no Bulwark, a filter adding the header lines /with sends):"
  for pair in "public GET:/api/public" "authenticated GET:/api/me"; do
    label=${pair%%:*}; path=${pair#*:}; auth=()
    [ "$path" = /api/me ] && auth=(-H "Authorization: Bearer $token")
    st=$(status "${auth[@]}" "$base/floor$path")
    fb=$(head_bytes "${auth[@]}" "$base/floor$path"); wb=$(head_bytes "${auth[@]}" "$base/with$path")
    printf '  %-24s status %s, header bytes floor %5s  with %5s\n' "$label" "$st" "$fb" "$wb"
    # the same lines, the same bytes (give or take the digits of the RateLimit count)
    if [ "$st" != 200 ] || [ $((fb - wb)) -gt 4 ] || [ $((wb - fb)) -gt 4 ]; then failed=yes; fi
  done
  [ -z "$failed" ] || { echo "/floor does not answer like /with: no measurement" >&2; exit 1; }
  sides=(with without floor)
fi

# --- measurement -----------------------------------------------------------------------------------------------------
requests=(public me order)
# One wrk run; prints: requests duration(us) p50(us) p99(us) non-2xx/3xx socket-errors
run() { # side request seconds
  local url=$base/$1/api body="" auth=()
  case $2 in
    public) url=$url/public ;;
    me) url=$url/me; auth=(-H "Authorization: Bearer $token") ;;
    order) url=$url/orders; auth=(-H "Authorization: Bearer $token"); body=$order ;;
  esac
  E2E_BODY=$body wrk -t"$threads" -c"$connections" -d"$3s" -s benchmarks/e2e.lua "${auth[@]}" "$url" \
    | awk '/^E2E / {print $2, $3, $4, $5, $6, $7}'
}
per=$(( warmup / (3 * ${#sides[@]}) > 0 ? warmup / (3 * ${#sides[@]}) : 1 ))
echo "warm-up: ${per} s per request and application, alternating (${warmup} s in all)"
for q in "${requests[@]}"; do for side in "${sides[@]}"; do run "$side" "$q" "$per" >/dev/null; done; done
# Then, until the servers are warm: cycles of 10 s per request and application (60 s a cycle, 90 with the floor) until every one of the
# throughputs (six, nine with the floor) is within E2E_STEADY_PERCENT (10) % of the cycle before, or E2E_WARMUP_MAX (600) seconds of warm-up
# in all. A slow or busy machine compiles for minutes; rounds measured before that compare a half-compiled /with
# against a half-compiled /without and rise round by round. E2E_WARMUP_MAX=0 keeps the fixed warm-up alone.
warmup_max=${E2E_WARMUP_MAX:-600}
steady_percent=${E2E_STEADY_PERCENT:-10}
spent=$warmup
previous=""
steady=""
while [ "$spent" -lt "$warmup_max" ]; do
  cycle=""
  for q in "${requests[@]}"; do
    for side in "${sides[@]}"; do
      read -r n us _ <<< "$(run "$side" "$q" 10)"
      cycle="$cycle $(( n * 1000000 / us ))"
    done
  done
  spent=$((spent + 30 * ${#sides[@]}))
  echo "  warm-up cycle (req/s, public/me/order ${sides[*]}):$cycle"
  if [ -n "$previous" ] && awk -v a="$previous" -v b="$cycle" -v p="$steady_percent" 'BEGIN {
      n = split(a, x, " "); split(b, y, " ")
      for (i = 1; i <= n; i++) if (x[i] <= 0 || (y[i] - x[i]) / x[i] > p / 100 || (x[i] - y[i]) / x[i] > p / 100) exit 1
      exit 0 }'; then
    steady=yes; break
  fi
  previous=$cycle
done
if [ "$warmup_max" -gt 0 ]; then
  if [ -n "$steady" ]; then
    echo "warm: two cycles within ${steady_percent} % of each other after ${spent} s of warm-up"
  else
    echo "NOT STEADY after ${spent} s of warm-up (E2E_WARMUP_MAX): the rounds below may still be rising"
  fi
fi

if [ -n "${E2E_PROFILE:-}" ]; then
  jfr_tool=${E2E_JFR_TOOL:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr}
  pid=$(jcmd -l | awk -v s="$server_name" '/ws-server/ && $0 ~ s {print $1; exit}')
  for side in without with; do # /with last: its recording is the one analysed below
    recording=$app/e2e-profile-$E2E_PROFILE-$side.jfr
    jcmd "$pid" JFR.start name=e2e settings=profile >/dev/null
    line=$(run "$side" "$E2E_PROFILE" "$secs")
    jcmd "$pid" JFR.stop name=e2e filename="$recording" >/dev/null
    read -r n us _ <<< "$line"
    echo "profile of /$side under '$E2E_PROFILE' ($secs s, $(( n * 1000000 / us )) req/s): $recording"
    eval "requests_$side=$n"
  done
  # Where the difference is: each sample counted for the component of its innermost frame that belongs to one (the
  # JDK's frames count for their caller's), per 1000 requests of each side. Bulwark's own code is "bulwark"; what it
  # makes the container do (headers, attributes, principal look-ups) shows in the container's rows.
  echo "samples per 1000 requests by component (with, without, difference):"
  for side in with without; do
    "$jfr_tool" print --events jdk.ExecutionSample --stack-depth 400 "$app/e2e-profile-$E2E_PROFILE-$side.jfr" \
      | awk -v side="$side" '
        function flush() { if (insample) { c[cat == "" ? "other" : cat]++ } insample = 0; cat = "" }
        /jdk.ExecutionSample/ { flush(); insample = 1; next }
        /line:/ && insample && cat == "" {
          f = $1
          if (f ~ /^dev\.bulwark\.bench/) cat = "application"
          else if (f ~ /^dev\.bulwark/) cat = "bulwark"
          else if (f ~ /org\.jboss\.weld/) cat = "cdi (weld)"
          else if (f ~ /org\.jboss\.resteasy/) cat = "jax-rs (resteasy)"
          else if (f ~ /yasson|parsson|glassfish\.json/) cat = "json"
          else if (f ~ /jwt|smallrye/) cat = "mp-jwt, config"
          else if (f ~ /com\.ibm\.ws\.security|javax\.security/) cat = "liberty security"
          else if (f ~ /webcontainer/) cat = "servlet container"
          else if (f ~ /com\.ibm\.ws\.http|genericbnf/) cat = "http channel"
          else if (f ~ /sun\.security|com\.sun\.crypto|channel\.ssl/) cat = "tls"
          else if (f ~ /hibernate\.validator|bval/) cat = "bean validation"
          else if (f ~ /com\.ibm\.ws\.tcpchannel/) cat = "tcp channel"
          next
        }
        END { flush(); for (k in c) print side "\t" k "\t" c[k] }'
  done | awk -F'\t' -v nw="$requests_with" -v nwo="$requests_without" '
      { v[$1, $2] = $3; k[$2] = 1; tot[$1] += $3 }
      END {
        for (x in k) { a = v["with", x] * 1000 / nw; b = v["without", x] * 1000 / nwo
          printf "%f\t  %-20s %7.2f %7.2f %+7.2f\n", a - b, x, a, b, a - b | "sort -rn | cut -f2-" }
        close("sort -rn | cut -f2-")
        printf "  %-20s %7.2f %7.2f %+7.2f\n", "all", tot["with"] * 1000 / nw, tot["without"] * 1000 / nwo,
          tot["with"] * 1000 / nw - tot["without"] * 1000 / nwo }'
  "$jfr_tool" print --events jdk.ExecutionSample --stack-depth 400 "$recording" | awk '
    # per sample: the innermost Bulwark frame (self and callees outside Bulwark, up to the next servlet/JAX-RS
    # chain call back into the application), and the leaf frame
    function flush() {
      if (!insample) return
      total++
      if (bulwark != "") { inb++; by[bulwark]++ }
      leaf_count[leaf]++
      insample = 0; bulwark = ""; leaf = ""; n = 0; cut = 0
    }
    /jdk.ExecutionSample/ { flush(); insample = 1; next }
    /line:/ && insample {
      f = $1; n++
      if (n == 1) leaf = f
      if (cut) next
      if (f ~ /doFilter\(|FilterChain|proceed\(|invokeResourceMethod|ResourceMethodInvoker/ && f !~ /^dev\.bulwark/) cut = 1
      if (f ~ /^dev\.bulwark/ && bulwark == "" && !cut) bulwark = f
      next
    }
    END {
      flush()
      printf "samples %d, with a Bulwark frame innermost before the application: %d (%.1f%%)\n", total, inb, 100 * inb / total
      for (k in by) printf "%6d %5.1f%%  %s\n", by[k], 100 * by[k] / total, k | "sort -rn | head -40"
      close("sort -rn | head -40")
      print "hottest leaf frames:"
      for (k in leaf_count) printf "%6d %5.1f%%  %s\n", leaf_count[k], 100 * leaf_count[k] / total, k | "sort -rn | head -25"
    }'
  exit 0
fi

if [ -n "${E2E_CPU:-}" ]; then
  # The server's CPU time per request (user + system of the whole JVM, its background threads included), each side
  # measured alternately: unlike throughput, this stays meaningful on a machine that other work shares, so it is how
  # a change is checked between idle-machine runs. Printed as CPU µs per request and without/with (1.000 = no cost).
  pid=$(jcmd -l | awk -v s="$server_name" '/ws-server/ && $0 ~ s {print $1; exit}')
  hz=$(getconf CLK_TCK)
  ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
  cpu_results=$app/e2e-cpu.txt
  : > "$cpu_results"
  echo "CPU per request: $rounds rounds x ${secs} s per request and application"
  for r in $(seq 1 "$rounds"); do
    token=$(mint)
    for q in "${requests[@]}"; do
      if [ $((r % 2)) -eq 1 ]; then order_sides=(with without); else order_sides=(without with); fi
      for side in "${order_sides[@]}"; do
        t0=$(ticks); line=$(run "$side" "$q" "$secs"); t1=$(ticks)
        read -r n _ <<< "$line"
        echo "$r $q $side $n $(( (t1 - t0) * 1000000 / hz ))" >> "$cpu_results"
      done
    done
  done
  awk '{ n[$2, $3] += $4; us[$2, $3] += $5; q[$2] = 1 }
    END { for (k in q) { w = us[k, "with"] / n[k, "with"]; wo = us[k, "without"] / n[k, "without"]
            printf "  %-7s CPU us/request with %7.1f  without %7.1f  without/with %.3f\n", k, w, wo, wo / w } }' "$cpu_results"
  exit 0
fi

results=$app/e2e-results.txt
: > "$results"
echo "rounds: $rounds x ${secs} s per request and application; wrk -t$threads -c$connections over HTTPS"
for r in $(seq 1 "$rounds"); do
  token=$(mint)
  for q in "${requests[@]}"; do
    # ABBA: odd rounds measure /with first, even rounds second, so that warming cannot favour one side
    # ABBA (ABCCBA with the floor)
    if [ $((r % 2)) -eq 1 ]; then order_sides=("${sides[@]}"); else order_sides=($(printf '%s\n' "${sides[@]}" | tac)); fi
    for side in "${order_sides[@]}"; do
      line=$(run "$side" "$q" "$secs")
      [ -n "$line" ] || { echo "wrk gave no result for $side $q" >&2; exit 1; }
      echo "$r $q $side $line" >> "$results"
    done
  done
  echo "  round $r done"
done

summary() { # side-a side-b per-round(1|0)
awk -v rounds="$rounds" -v A="$1" -v B="$2" -v perround="$3" '
  function ms(us) { return sprintf("%.2f", us / 1000) }
  function median(arr, n,   i, j, t, a) {
    for (i = 1; i <= n; i++) a[i] = arr[i]
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { r = $1; q = $2; s = $3
    n[q, s, r] = $4; rps[q, s, r] = $4 / ($5 / 1e6); p50[q, s, r] = $6; p99[q, s, r] = $7
    tot[q, s] += $4; if (s == A || s == B) bad += $8 + $9 }
  END {
    split("public me order", qs, " ")
    name["public"] = "public GET"; name["me"] = "authenticated GET"; name["order"] = "authenticated JSON POST"
    if (perround) {
    print ""
    print "per round (req/s, p50 ms, p99 ms):"
    printf "  %-24s %5s  %-24s  %-24s  %s\n", "request", "round", "/" A, "/" B, A "/" B
    for (i = 1; i <= 3; i++) { q = qs[i]
      for (r = 1; r <= rounds; r++)
        printf "  %-24s %5d  %8.0f %6s %7s  %8.0f %6s %7s  %.3f\n", name[q], r,
          rps[q, A, r], ms(p50[q, A, r]), ms(p99[q, A, r]),
          rps[q, B, r], ms(p50[q, B, r]), ms(p99[q, B, r]),
          rps[q, A, r] / rps[q, B, r]
    }
    }
    print ""
    print "summary, /" A " against /" B " (throughput ratio over all rounds; spread = lowest..highest round ratio; p50/p99 = median of the rounds, ms):"
    printf "  %-24s %12s  %-13s  %9s %9s %8s  %9s %9s %8s\n", "request", A "/" B, "spread",
      "p50 " A, B, "diff", "p99 " A, B, "diff"
    for (i = 1; i <= 3; i++) { q = qs[i]; lo = ""; hi = ""
      for (r = 1; r <= rounds; r++) {
        x = rps[q, A, r] / rps[q, B, r]
        if (lo == "" || x < lo) lo = x; if (hi == "" || x > hi) hi = x
        a50[r] = p50[q, A, r]; b50[r] = p50[q, B, r]; a99[r] = p99[q, A, r]; b99[r] = p99[q, B, r]
      }
      m1 = median(a50, rounds); m2 = median(b50, rounds); m3 = median(a99, rounds); m4 = median(b99, rounds)
      printf "  %-24s %12.3f  %.3f..%.3f  %9s %9s %+8.2f  %9s %9s %+8.2f\n", name[q], tot[q, A] / tot[q, B],
        lo, hi, ms(m1), ms(m2), (m1 - m2) / 1000, ms(m3), ms(m4), (m3 - m4) / 1000
    }
    if (bad > 0) { printf "\nINVALID RUN: %d non-2xx/3xx responses or socket errors during the rounds\n", bad; exit 1 }
  }' "$results"
}
summary with without 1
if [ "$floor" = 1 ]; then
  # what the headers alone cost (floor/without), and what Bulwark costs beyond them (with/floor)
  summary floor without 0
  summary with floor 0
fi
echo "raw results: $results"
