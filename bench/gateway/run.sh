#!/usr/bin/env bash
# Gateway benchmark, one command: bench/gateway/run.sh (method: docs/performance.md#gateway-method)
#
# Against one static nginx backend (a small JSON file), in one run:
#   direct to nginx; nginx as a reverse proxy (reference); plain Spring Cloud Gateway (bench/gateway/
#   plain-scg: one route, no filters); our gateway's public route; our gateway + a bearer JWT from a
#   real auth-server; our gateway + a cached API key; our gateway + a new API key on every request
#   (cache misses: every request is a token exchange at auth-server); then half-load runs of the
#   public and the API-key routes. The goals' verdicts come from two kinds of rounds: three plain SCG
#   processes alternating with three public-route gateways, and the public route alternating with the
#   key route (at full and at half load) and with the bearer-JWT route within each of three gateways
#   warmed on all three at once.
#   Each target: 60 s warm-up (JIT), then wrk -t2 -c32 -d20s --latency.
# Prints the results as markdown and writes them to bench/gateway/RESULTS.md (RESULTS= to change).
#
# Needs: java 17+, wrk, psql, redis-cli, curl; nginx (installed with apt-get when missing);
# PostgreSQL at 127.0.0.1:5432 (user postgres, trust) and Redis at 127.0.0.1:6379. Uses its own
# database ($BENCH_DB, dropped and re-created), Redis namespace bench-gw (cleared before and after)
# and ports 27080-27092; never the platform's defaults. Every process it starts is stopped on exit.
set -uo pipefail
# Several instances of an app run side by side here: each takes a free management port.
export MANAGEMENT_PORT=0

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VERSION=0.1.0-SNAPSHOT

NGINX_PORT=${NGINX_PORT:-27080}
NGINX_PROXY_PORT=${NGINX_PROXY_PORT:-27084}
PLAIN_PORT=${PLAIN_PORT:-27081}
GW_PORT=${GW_PORT:-27082}
# The public route's gateway (scenario 3) stays up beside the later ones, on its own port.
PUB_GW_PORT=${PUB_GW_PORT:-27085}
# The second and third plain SCG and public-route gateway in the rounds of three processes per target.
PLAIN2_PORT=${PLAIN2_PORT:-27091}
PLAIN3_PORT=${PLAIN3_PORT:-27092}
PUB2_GW_PORT=${PUB2_GW_PORT:-27086}
PUB3_GW_PORT=${PUB3_GW_PORT:-27087}
# The three gateways that serve both routes in the rounds within one process.
MIX1_GW_PORT=${MIX1_GW_PORT:-27088}
MIX2_GW_PORT=${MIX2_GW_PORT:-27089}
MIX3_GW_PORT=${MIX3_GW_PORT:-27090}
AUTH_PORT=${AUTH_PORT:-27083}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
BENCH_DB=${BENCH_DB:-platform_bench_gateway}
NS=bench-gw
# Same flags for every JVM (plain SCG, our gateway, auth-server): the gateway's production flags.
JVM_OPTS=${JVM_OPTS:-@$ROOT/deploy/jvm/gateway.args}
export MALLOC_ARENA_MAX=2
# auth-server (it serves the exchanges; not measured here): the flags of bench/auth-server.
AUTH_JVM_OPTS=${AUTH_JVM_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-60s}
PROBE=${PROBE:-5s}
# Keys for the cache-miss run: separate slices for its warm-up and its measurement.
MISS_WARMUP_KEYS=${MISS_WARMUP_KEYS:-15000}
MISS_KEYS=${MISS_KEYS:-45000}
# Rounds alternating plain SCG and the public route, and the public and the key route (three processes each).
# Even counts: every other round runs each pair's two windows the other way round.
PAIRED_ROUNDS=${PAIRED_ROUNDS:-4}
PAIRED_DURATION=${PAIRED_DURATION:-12s}
# Rounds alternating the two routes at half load (p99 needs more rounds than req/s).
HALF_ROUNDS=${HALF_ROUNDS:-6}
LOAD_MAX=${LOAD_MAX:-2}
LOAD_WAIT=${LOAD_WAIT:-600}
RESULTS=${RESULTS:-$HERE/RESULTS.md}
# Rate limits raised so they never cap the benchmark (the limiter still runs, one Redis call per batch).
UNLIMITED=1000000000

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-gateway.XXXXXX")
LOGS=$WORK/logs
OUT=$WORK/wrk
mkdir -p "$LOGS" "$OUT" "$WORK/jars"
JVM_RUN_OPTS=$JVM_OPTS
PIDS=()
OK=0

# stop_pid, wait_http, expect, secret, mib, parse_wrk, half_pace
. "$HERE/../lib.sh"

say() { printf '%s\n' "$*" >&2; }
fail() { say "bench/gateway: $*"; exit 1; }

redis_clear() {
  redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --scan --pattern "$NS:*" 2>/dev/null \
    | xargs -r -n 500 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" DEL >/dev/null 2>&1 || true
}

cleanup() {
  local pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[$i]}
    stop_pid "$pid"
  done
  psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" >/dev/null 2>&1 || true
  redis_clear
  if [ $OK -eq 1 ] && [ -z "${KEEP:-}" ]; then
    rm -rf "$WORK"
  else
    say "logs and wrk output kept in $WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- prerequisites -------------------------------------------------------------------------------
for tool in java wrk psql redis-cli curl; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  say "Installing nginx (apt-get install -y nginx)..."
  { apt-get install -y nginx || { apt-get update && apt-get install -y nginx; }; } >"$LOGS/apt.log" 2>&1 \
    || fail "could not install nginx: see $LOGS/apt.log"
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
(exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null || fail "PostgreSQL is not reachable at $PGHOST:$PGPORT"
redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" PING >/dev/null 2>&1 || fail "Redis is not reachable at $REDIS_HOST:$REDIS_PORT"
for port in $NGINX_PORT $NGINX_PROXY_PORT $PLAIN_PORT $PLAIN2_PORT $PLAIN3_PORT $GW_PORT $PUB_GW_PORT $PUB2_GW_PORT \
  $PUB3_GW_PORT $MIX1_GW_PORT $MIX2_GW_PORT $MIX3_GW_PORT $AUTH_PORT; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && fail "port $port is taken by another process"
done

jar() { echo "$ROOT/$1/target/$1-$VERSION.jar"; }
if [ ! -f "$(jar auth-server)" ] || [ ! -f "$(jar gateway)" ] || [ ! -f "$(jar platform-contract)" ]; then
  say "Building auth-server and gateway..."
  (cd "$ROOT" && ./mvnw -o -q -DskipTests -pl auth-server,gateway -am package) >"$LOGS/build.log" 2>&1 \
    || fail "build failed: see $LOGS/build.log"
fi
PLAIN_JAR=$HERE/plain-scg/target/plain-scg-$VERSION.jar
if [ ! -f "$PLAIN_JAR" ]; then
  say "Building the plain Spring Cloud Gateway..."
  "$ROOT/mvnw" -f "$HERE/plain-scg/pom.xml" -q package >"$LOGS/build-plain.log" 2>&1 \
    || fail "plain-scg build failed: see $LOGS/build-plain.log"
fi
# Private copies: a concurrent rebuild in the tree cannot swap a jar under a running benchmark.
cp "$(jar auth-server)" "$WORK/jars/auth-server.jar"
cp "$(jar gateway)" "$WORK/jars/gateway.jar"
cp "$(jar platform-contract)" "$WORK/jars/platform-contract.jar"
cp "$PLAIN_JAR" "$WORK/jars/plain-scg.jar"
jar_info() { date -u -r "$1" '+%Y-%m-%dT%H:%MZ'; }
GATEWAY_JAR_TIME=$(jar_info "$(jar gateway)")
AUTH_JAR_TIME=$(jar_info "$(jar auth-server)")
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)

# --- helpers -------------------------------------------------------------------------------------
PLATFORM_SIGNING_SECRET=$(secret) GATEWAY_CLIENT_SECRET=$(secret) PORTAL_CLIENT_SECRET=$(secret) BENCH_CLIENT_SECRET=$(secret)
export PLATFORM_SIGNING_SECRET GATEWAY_CLIENT_SECRET PORTAL_CLIENT_SECRET

start_java() { # name jar [args...]; sets STARTED_PID
  local name=$1 jarfile=$2
  shift 2
  # shellcheck disable=SC2086
  java $JVM_RUN_OPTS -jar "$jarfile" "$@" >"$LOGS/$name.log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}

start_gateway() { # name [port]; sets GW_PID
  local port=${2:-$GW_PORT}
  GATEWAY_PORT=$port REDIS_HOST=$REDIS_HOST REDIS_PORT=$REDIS_PORT PLATFORM_REDIS_NAMESPACE=$NS \
    AUTH_SERVER_URL=http://127.0.0.1:$AUTH_PORT AUTH_ISSUER=http://127.0.0.1:$AUTH_PORT \
    RESOURCE_SERVICE_URL=http://127.0.0.1:$NGINX_PORT \
    start_java "$1" "$WORK/jars/gateway.jar" \
    --platform.gateway.rate-limit.api-key.capacity=$UNLIMITED \
    --platform.gateway.rate-limit.api-key.replenish-per-second=$UNLIMITED \
    --platform.gateway.rate-limit.user.capacity=$UNLIMITED \
    --platform.gateway.rate-limit.user.replenish-per-second=$UNLIMITED
  GW_PID=$STARTED_PID
  wait_http "http://127.0.0.1:$port/readyz" "$GW_PID" 200 "$LOGS/$1.log"
}

stop_gateway() { stop_pid "$GW_PID"; }

start_plain() { # name port; plain SCG with its one route to nginx, sets STARTED_PID
  start_java "$1" "$WORK/jars/plain-scg.jar" --server.port="$2" --spring.cloud.gateway.server.webflux.routes[0].id=backend \
    "--spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:$NGINX_PORT" \
    "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/**"
  wait_http "http://127.0.0.1:$2/examples/public" "$STARTED_PID" 200 "$LOGS/$1.log"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of the JIT compiler threads: how much of the measured window still went to compiling.
jit_ticks() {
  local t sum=0
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler* | C2\ Compiler*) sum=$((sum + $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo $sum
}
CLK_TCK=$(getconf CLK_TCK)

# run_wrk out_file connections duration url [wrk args...]
run_wrk() {
  local out=$1 c=$2 d=$3 url=$4 t=$THREADS
  shift 4
  [ "$c" -lt "$t" ] && t=$c
  WRK_THREADS=$t wrk -t"$t" -c"$c" -d"$d" --latency "$@" "$url" >"$out" 2>&1 || fail "wrk failed: $(tail -n3 "$out")"
}

# measure key label url pid(or -) [wrk args...]: warm-up, measured run, CPU and memory of pid.
declare -A RPS P50 P99 REQS NON2XX SOCKERR HWM RSS CPU_US JIT LABEL
ORDER=()
measure() {
  local key=$1 label=$2 url=$3 pid=$4 t0 j0
  shift 4
  say "  $label: warm-up $WARMUP, then $DURATION measured..."
  run_wrk "$OUT/$key.warmup.txt" "$CONNECTIONS" "$WARMUP" "$url" "$@"
  if [ "$pid" != - ]; then t0=$(cpu_ticks "$pid") j0=$(jit_ticks "$pid"); fi
  run_wrk "$OUT/$key.txt" "$CONNECTIONS" "$DURATION" "$url" "$@"
  record "$key" "$label" "$OUT/$key.txt"
  if [ "$pid" != - ]; then cpu_after "$key" "$pid" "$t0" "$j0"; fi
  say "    ${RPS[$key]} req/s, p50 ${P50[$key]} ms, p99 ${P99[$key]} ms, non-2xx ${NON2XX[$key]}"
}

# cpu_after key pid ticks_before jit_ticks_before: CPU per request, JIT share, memory of pid.
cpu_after() {
  local key=$1 pid=$2 t1 j1
  t1=$(cpu_ticks "$pid") j1=$(jit_ticks "$pid")
  HWM[$key]=$(mib "$pid" VmHWM)
  RSS[$key]=$(mib "$pid" VmRSS)
  CPU_US[$key]=$(awk -v d=$((t1 - $3)) -v hz="$CLK_TCK" -v n="${REQS[$key]}" 'BEGIN { printf "%.0f", d / hz * 1e6 / n }')
  JIT[$key]=$(awk -v j=$((j1 - $4)) -v d=$((t1 - $3)) 'BEGIN { if (d > 0) printf "%.0f %%", j / d * 100; else print "–" }')
}

record() {
  local key=$1 r
  read -r -a r <<<"$(parse_wrk "$3")"
  LABEL[$key]=$2 RPS[$key]=${r[0]} P50[$key]=${r[1]} P99[$key]=${r[2]} REQS[$key]=${r[3]}
  NON2XX[$key]=${r[4]} SOCKERR[$key]=${r[5]}
  ORDER+=("$key")
}

# in_turn round first second: a paired round's two windows, the second one first in even rounds, so a
# machine that speeds up or slows down during the rounds favours neither.
in_turn() { if [ $(($1 % 2)) = 1 ]; then "$2"; "$3"; else "$3"; "$2"; fi; }

# half_load key label target url [wrk args...]: $CONNECTIONS connections, each pausing PACE_MS after
# every response (wrk/paced.lua), so the offered rate is set by the pause, not by how fast the route
# answers. A $PROBE probe measures the cycle of one request (pause + latency); the pause is set from
# it for target req/s and $DURATION is measured; a measurement more than 20 % off target corrects the
# pause from that run and is repeated (at most 3 times).
HALF_NOTES=()
declare -A HALF_PACE HALF_OFF
half_load() {
  local key=$1 label=$2 target=$3 url=$4 pace rps i note
  shift 4
  pace=$((CONNECTIONS * 1000 / target))
  PACE_MS=$pace run_wrk "$OUT/$key.probe.txt" "$CONNECTIONS" "$PROBE" "$url" -s "$HERE/wrk/paced.lua" "$@"
  rps=$(parse_wrk "$OUT/$key.probe.txt" | cut -d' ' -f1)
  note="$label: probe pause ${pace} ms $rps req/s,"
  for i in 1 2 3; do
    pace=$(half_pace "$CONNECTIONS" "$target" "$rps" "$pace")
    PACE_MS=$pace run_wrk "$OUT/$key.txt" "$CONNECTIONS" "$DURATION" "$url" -s "$HERE/wrk/paced.lua" "$@"
    rps=$(parse_wrk "$OUT/$key.txt" | cut -d' ' -f1)
    note+=" measured pause ${pace} ms $rps req/s,"
    awk -v r="$rps" -v t="$target" 'BEGIN { exit !(r >= 0.8 * t && r <= 1.2 * t) }' && break
  done
  record "$key" "$label (pause $pace ms)" "$OUT/$key.txt"
  HALF_PACE[$key]=$pace
  HALF_OFF[$key]=$(awk -v r="$rps" -v t="$target" 'BEGIN { print (r >= 0.8 * t && r <= 1.2 * t) ? 0 : 1 }')
  HALF_NOTES+=("${note%,}")
}

# --- backend: nginx with its own prefix --------------------------------------------------------
say "Work directory: $WORK"
mkdir -p "$WORK/nginx/www" "$WORK/nginx/tmp"
chmod a+rx "$WORK" "$WORK/nginx" "$WORK/nginx/www" # nginx workers run as nobody when started by root
printf '{"id":42,"name":"bench","status":"ok","tags":["a","b","c"],"updated_at":"2025-01-01T00:00:00Z"}\n' \
  >"$WORK/nginx/www/data.json"
sed -e "s#@DIR@#$WORK/nginx#g" -e "s#@PORT@#$NGINX_PORT#g" -e "s#@PROXY_PORT@#$NGINX_PROXY_PORT#g" \
  "$HERE/nginx.conf" >"$WORK/nginx/nginx.conf"
"$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' \
  >"$LOGS/nginx.log" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
wait_http "http://127.0.0.1:$NGINX_PORT/examples/public" "$NGINX_PID" 200 "$LOGS/nginx.log"

# --- auth-server on its own database, and the API keys ------------------------------------------
say "Database $BENCH_DB, Redis namespace $NS, auth-server on :$AUTH_PORT..."
psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$BENCH_DB\" WITH (FORCE)" -c "CREATE DATABASE \"$BENCH_DB\"" \
  >/dev/null || fail "cannot create database $BENCH_DB"
redis_clear
AUTH_SERVER_PORT=$AUTH_PORT POSTGRES_HOST=$PGHOST POSTGRES_PORT=$PGPORT POSTGRES_DB=$BENCH_DB POSTGRES_USER=$PGUSER \
  REDIS_HOST=$REDIS_HOST REDIS_PORT=$REDIS_PORT PLATFORM_REDIS_NAMESPACE=$NS AUTH_ISSUER=http://127.0.0.1:$AUTH_PORT \
  PORTAL_REDIRECT_URI=http://127.0.0.1:$GW_PORT/login/oauth2/code/portal \
  PORTAL_LOGOUT_REDIRECT_URI=http://127.0.0.1:$GW_PORT/ JVM_RUN_OPTS="$AUTH_JVM_OPTS" \
  start_java auth-server "$WORK/jars/auth-server.jar" --platform.clients.bench.secret="$BENCH_CLIENT_SECRET" \
  --platform.clients.bench.grant-types=client_credentials --platform.clients.bench.scopes=platform.api \
  --platform.clients.bench.access-token-ttl=1h
AUTH_PID=$STARTED_PID
wait_http "http://127.0.0.1:$AUTH_PORT/readyz" "$AUTH_PID" 200 "$LOGS/auth-server.log"

KEYS_TOTAL=$((1 + MISS_WARMUP_KEYS + MISS_KEYS))
USER_ID=$(psql -d "$BENCH_DB" -Atq -c \
  "INSERT INTO users (email, full_name) VALUES ('bench@example.com', 'Bench') RETURNING id") \
  || fail "cannot insert the bench user"
(cd "$WORK" && java -cp "$WORK/jars/platform-contract.jar" "$HERE/KeyGen.java" "$KEYS_TOTAL" "$USER_ID" \
  "$WORK/keys.txt" "$WORK/api_keys.tsv") || fail "key generation failed"
psql -d "$BENCH_DB" -q -v ON_ERROR_STOP=1 \
  -c "\\copy api_keys (user_id, name, key_hash, key_prefix, key_last_chars) FROM '$WORK/api_keys.tsv'" \
  -c "INSERT INTO user_roles SELECT $USER_ID, id FROM roles WHERE name = 'user'" \
  -c "INSERT INTO apikey_roles SELECT k.id, r.id FROM api_keys k CROSS JOIN roles r WHERE r.name = 'user'" \
  || fail "cannot insert the API keys"
CACHED_KEY=$(head -n1 "$WORK/keys.txt")

# A client-credentials token of a client only the benchmark registers: a real RS256 JWT, checked against the JWKS.
jwt() {
  curl -s --max-time 10 -u "bench:$BENCH_CLIENT_SECRET" -d grant_type=client_credentials \
    -d scope=platform.api "http://127.0.0.1:$AUTH_PORT/oauth2/token" \
    | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

# --- measured run --------------------------------------------------------------------------------
say "Waiting for the 1-minute load average to drop below $LOAD_MAX (at most $LOAD_WAIT s)..."
wait_for_quiet "$LOAD_MAX" "$LOAD_WAIT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
START_TIME=$(date -u '+%Y-%m-%d %H:%M UTC')
say "Load average at start: $LOAD_START"

DIRECT=http://127.0.0.1:$NGINX_PORT/examples/public
say "1. direct to nginx"
measure direct "direct to nginx" "$DIRECT" -

say "(reference) nginx reverse proxy"
measure nginxproxy "nginx reverse proxy (reference)" "http://127.0.0.1:$NGINX_PROXY_PORT/examples/public" -

say "2. plain Spring Cloud Gateway"
start_plain plain-scg "$PLAIN_PORT"
PLAIN_PID=$STARTED_PID
measure plain "plain Spring Cloud Gateway" "http://127.0.0.1:$PLAIN_PORT/examples/public" "$PLAIN_PID"
# Plain SCG stays up, idle, for the rounds of three processes per target below.

PROTECTED=http://127.0.0.1:$GW_PORT/examples/data
PUB_GW_URL=http://127.0.0.1:$PUB_GW_PORT/examples/public
say "3. our gateway, public route"
start_gateway gateway-public "$PUB_GW_PORT"
PUB_GW_PID=$GW_PID
expect 200 "$PUB_GW_URL"
expect 401 "http://127.0.0.1:$PUB_GW_PORT/examples/data"
measure public "our gateway, public route" "$PUB_GW_URL" "$PUB_GW_PID"
HALF_TARGET=$((RPS[public] / 2))
say "  half load: ~$HALF_TARGET req/s on the public route..."
half_load public_half "public route" "$HALF_TARGET" "$PUB_GW_URL"
# The public route's gateway stays up, idle, for the rounds of three processes per target below.

say "4. our gateway + bearer JWT"
start_gateway gateway-jwt
TOKEN=$(jwt)
[ -n "$TOKEN" ] || fail "no client-credentials token from auth-server"
expect 401 -H "Authorization: Bearer ${TOKEN}x" "$PROTECTED"
expect 200 -H "Authorization: Bearer $TOKEN" "$PROTECTED"
measure jwt "our gateway + bearer JWT" "$PROTECTED" "$GW_PID" -H "Authorization: Bearer $TOKEN"
stop_gateway

say "5. our gateway + cached API key"
start_gateway gateway-apikey
expect 401 -H "X-API-Key: ssop_not-a-key" "$PROTECTED"
expect 200 -H "X-API-Key: $CACHED_KEY" "$PROTECTED"
CACHED_HASH=$(printf '%s' "$CACHED_KEY" | sha256sum | cut -d' ' -f1)
[ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" EXISTS "$NS:apikey:token:{$CACHED_HASH}")" = 1 ] \
  || fail "the API key's exchanged token is not in Redis: was it exchanged at auth-server?"
measure apikey "our gateway + cached API key" "$PROTECTED" "$GW_PID" -H "X-API-Key: $CACHED_KEY"
say "  half load: ~$HALF_TARGET req/s on the API-key route..."
half_load apikey_half "cached API key" "$HALF_TARGET" "$PROTECTED" -H "X-API-Key: $CACHED_KEY"

# paired_rounds prefix rounds label "a_url..." "b_url..." [pace]: rounds over processes in pairs, the i-th
# URL of a with the i-th of b, each pair a first in odd rounds, every window paced (wrk/paced.lua) when pace
# is set. The windows are named by PAIR_A and PAIR_B and get PAIR_A_ARGS and PAIR_B_ARGS (wrk arguments).
# Fills PAIR_RATIO (per round, b's req/s summed over a's), PAIR_ADDED (per round, b's mean p99 less a's,
# ms), PAIR_ROWS (per round: each window, then the ratio, or the added p99 when pace is set), and
# PAIR_ALL_RATIO and PAIR_ALL_ADDED (the same over all rounds' windows).
paired_rounds() {
  local prefix=$1 rounds=$2 label=$3 pace=${6:-} last i n
  local -a a_urls b_urls paced=()
  read -r -a a_urls <<<"$4"
  read -r -a b_urls <<<"$5"
  n=${#a_urls[@]}
  [ -n "$pace" ] && paced=(-s "$HERE/wrk/paced.lua")
  PAIR_RATIO=() PAIR_ADDED=() PAIR_ROWS=()
  for r in $(seq 1 "$rounds"); do
    for i in $(seq 0 $((n - 1))); do
      a_url=${a_urls[$i]} b_url=${b_urls[$i]} window=$prefix-$r-$i
      in_turn "$r" pair_a_window pair_b_window
    done
    PAIR_RATIO+=("$(pair_stat "$prefix-$r-*" 1)")
    PAIR_ADDED+=("$(pair_stat "$prefix-$r-*" 3)")
    if [ -n "$pace" ]; then last=${PAIR_ADDED[-1]}; else last=${PAIR_RATIO[-1]}; fi
    PAIR_ROWS+=("| $r | $(pair_cells "$prefix-$r" "$PAIR_A" "$n") | $(pair_cells "$prefix-$r" "$PAIR_B" "$n") | $last |")
  done
  PAIR_ALL_RATIO=$(pair_stat "$prefix-*-*" 1) PAIR_ALL_ADDED=$(pair_stat "$prefix-*-*" 3)
  if [ -n "$pace" ]; then
    say "    $label, added p99 per round: ${PAIR_ADDED[*]} ms, over all windows $PAIR_ALL_ADDED ms"
  else
    say "    $label, $PAIR_B/$PAIR_A per round: ${PAIR_RATIO[*]}, over all windows $PAIR_ALL_RATIO"
  fi
}
# A round's windows, reading paired_rounds' locals.
pair_a_window() {
  PACE_MS=$pace run_wrk "$OUT/$window-$PAIR_A.txt" "$CONNECTIONS" "$PAIRED_DURATION" "$a_url" "${paced[@]}" \
    "${PAIR_A_ARGS[@]}"
}
pair_b_window() {
  PACE_MS=$pace run_wrk "$OUT/$window-$PAIR_B.txt" "$CONNECTIONS" "$PAIRED_DURATION" "$b_url" "${paced[@]}" \
    "${PAIR_B_ARGS[@]}"
}
# pair_stat glob 1|3: over the windows $OUT/<glob>-$PAIR_A.txt and -$PAIR_B.txt, b's req/s summed over a's
# (field 1), or b's mean p99 less a's, in ms (field 3).
pair_stat() {
  local f a=0 b=0 n=0
  for f in "$OUT"/$1-"$PAIR_A".txt; do
    a=$(awk -v s="$a" -v f="$2" '{ print s + $f }' <<<"$(parse_wrk "$f")") n=$((n + 1))
  done
  for f in "$OUT"/$1-"$PAIR_B".txt; do
    b=$(awk -v s="$b" -v f="$2" '{ print s + $f }' <<<"$(parse_wrk "$f")")
  done
  if [ "$2" = 1 ]; then
    awk -v a="$a" -v b="$b" 'BEGIN { printf "%.4f", b / a }'
  else
    awk -v a="$a" -v b="$b" -v n="$n" 'BEGIN { printf "%.2f", (b - a) / n }'
  fi
}
# pair_cells round_prefix name n: "req/s | p99" of the named windows in a round, " / " between processes.
pair_cells() {
  local i rps=() p99=() w
  for i in $(seq 0 $(($3 - 1))); do
    read -r -a w <<<"$(parse_wrk "$OUT/$1-$i-$2.txt")"
    rps+=("${w[0]}") p99+=("${w[2]}")
  done
  echo "$(IFS=/; echo "${rps[*]}") | $(IFS=/; echo "${p99[*]}")" | sed 's#/# / #g'
}
# peak_hwm pid...: the largest VmHWM (MiB) of the processes, kept in PEAK_HWM for the memory goal.
PEAK_HWM=0
peak_hwm() {
  local pid
  for pid in "$@"; do
    [ "$(mib "$pid" VmHWM)" -gt "$PEAK_HWM" ] && PEAK_HWM=$(mib "$pid" VmHWM)
  done
}
stop_gateway

# Three processes per target, plain SCG and our public route, each warm on its own route only, in pairs
# (the i-th plain SCG with the i-th gateway): two processes of one jar differ in speed by more than the
# goal's margin (docs/performance.md#why-three-processes), so all windows of three per target are summed.
# Alternating windows keep the ratio free of the minutes between two single windows (the noise line).
# Rows 2 and 3's processes are warmed up again; each new one gets twice that, from its start.
say "  three processes per target, plain SCG and the public route: warm-up, then $PAIRED_ROUNDS rounds of $PAIRED_DURATION per process..."
PLAIN_URLS="http://127.0.0.1:$PLAIN_PORT/examples/public" PUBLIC_URLS=$PUB_GW_URL PLAIN_PIDS=("$PLAIN_PID") PUBLIC_PIDS=("$PUB_GW_PID")
run_wrk "$OUT/triple.warmup-plain-1.txt" "$CONNECTIONS" "$WARMUP" "http://127.0.0.1:$PLAIN_PORT/examples/public"
run_wrk "$OUT/triple.warmup-public-1.txt" "$CONNECTIONS" "$WARMUP" "$PUB_GW_URL"
for i in 2 3; do
  port_var=PLAIN${i}_PORT plain_port=${!port_var} gw_port_var=PUB${i}_GW_PORT gw_port=${!gw_port_var}
  start_plain "plain-scg-$i" "$plain_port"
  PLAIN_PIDS+=("$STARTED_PID")
  start_gateway "gateway-public-$i" "$gw_port"
  PUBLIC_PIDS+=("$GW_PID")
  for pass in 1 2; do
    run_wrk "$OUT/triple.warmup-plain-$i-$pass.txt" "$CONNECTIONS" "$WARMUP" "http://127.0.0.1:$plain_port/examples/public"
    run_wrk "$OUT/triple.warmup-public-$i-$pass.txt" "$CONNECTIONS" "$WARMUP" "http://127.0.0.1:$gw_port/examples/public"
  done
  PLAIN_URLS+=" http://127.0.0.1:$plain_port/examples/public" PUBLIC_URLS+=" http://127.0.0.1:$gw_port/examples/public"
done
PAIR_A=plain PAIR_B=public PAIR_A_ARGS=() PAIR_B_ARGS=()
paired_rounds vsplain "$PAIRED_ROUNDS" "three processes per target" "$PLAIN_URLS" "$PUBLIC_URLS"
VS_PLAIN=("${PAIR_RATIO[@]}") VS_PLAIN_ROWS=("${PAIR_ROWS[@]}") VS_PLAIN_ALL=$PAIR_ALL_RATIO
peak_hwm "${PUBLIC_PIDS[@]}"
for pid in "${PLAIN_PIDS[@]}" "${PUBLIC_PIDS[@]}"; do stop_pid "$pid"; done

# The three routes in each process: three fresh processes, each warmed on all three at once (one wrk per
# route, a third of the connections each), then alternating the public route with the key route, then
# with the JWT route. In the ratio of two routes of one process the difference between processes cancels
# out, and its JIT compiles for a mix of routes, as in production.
# Each round's figure sums all three processes' windows, and the goal's figure all rounds'.
say "  within three processes warmed on three routes: warm-up $WARMUP each, then $PAIRED_ROUNDS rounds of $PAIRED_DURATION per route pair and process..."
MIX_TOKEN=$(jwt)
[ -n "$MIX_TOKEN" ] || fail "no client-credentials token from auth-server"
MIXED_PUBLIC_URLS="" MIXED_PROTECTED_URLS="" MIXED_PIDS=()
for port in "$MIX1_GW_PORT" "$MIX2_GW_PORT" "$MIX3_GW_PORT"; do
  start_gateway "gateway-mixed-$port" "$port"
  MIXED_PIDS+=("$GW_PID")
  expect 200 -H "X-API-Key: $CACHED_KEY" "http://127.0.0.1:$port/examples/data"
  expect 200 -H "Authorization: Bearer $MIX_TOKEN" "http://127.0.0.1:$port/examples/data"
  run_wrk "$OUT/mixed.warmup-public-$port.txt" $((CONNECTIONS / 3)) "$WARMUP" "http://127.0.0.1:$port/examples/public" &
  warm_public=$!
  run_wrk "$OUT/mixed.warmup-jwt-$port.txt" $((CONNECTIONS / 3)) "$WARMUP" "http://127.0.0.1:$port/examples/data" \
    -H "Authorization: Bearer $MIX_TOKEN" &
  warm_jwt=$!
  run_wrk "$OUT/mixed.warmup-key-$port.txt" $((CONNECTIONS / 3)) "$WARMUP" "http://127.0.0.1:$port/examples/data" \
    -H "X-API-Key: $CACHED_KEY"
  wait "$warm_public" || fail "the public route's warm-up of the gateway on port $port failed"
  wait "$warm_jwt" || fail "the JWT route's warm-up of the gateway on port $port failed"
  MIXED_PUBLIC_URLS+=" http://127.0.0.1:$port/examples/public" MIXED_PROTECTED_URLS+=" http://127.0.0.1:$port/examples/data"
done
PAIR_A=public PAIR_B=key PAIR_A_ARGS=() PAIR_B_ARGS=(-H "X-API-Key: $CACHED_KEY")
paired_rounds mixed "$PAIRED_ROUNDS" "within three processes" "$MIXED_PUBLIC_URLS" "$MIXED_PROTECTED_URLS"
PAIRED=("${PAIR_RATIO[@]}") PAIRED_ROWS=("${PAIR_ROWS[@]}") PAIRED_ALL=$PAIR_ALL_RATIO
PAIR_B=jwt PAIR_B_ARGS=(-H "Authorization: Bearer $MIX_TOKEN")
paired_rounds mixedjwt "$PAIRED_ROUNDS" "within three processes" "$MIXED_PUBLIC_URLS" "$MIXED_PROTECTED_URLS"
JWT_PAIRED=("${PAIR_RATIO[@]}") JWT_PAIRED_ROWS=("${PAIR_ROWS[@]}") JWT_PAIRED_ALL=$PAIR_ALL_RATIO
PAIR_B=key PAIR_B_ARGS=(-H "X-API-Key: $CACHED_KEY")
# Half load in the same processes, both routes at the public route's pause (the pauses are whole
# milliseconds, so the two half-load runs above can settle 20 % apart in rate).
say "  at half load within the same three processes: $HALF_ROUNDS rounds of $PAIRED_DURATION per route and process..."
paired_rounds halfload "$HALF_ROUNDS" "within three processes at half load" "$MIXED_PUBLIC_URLS" "$MIXED_PROTECTED_URLS" \
  "${HALF_PACE[public_half]}"
HALF_ADDED=("${PAIR_ADDED[@]}") HALF_ROWS=("${PAIR_ROWS[@]}") HALF_ADDED_ALL=$PAIR_ALL_ADDED
peak_hwm "${MIXED_PIDS[@]}"
for pid in "${MIXED_PIDS[@]}"; do stop_pid "$pid"; done

say "6. our gateway + a new API key on every request (cache misses: one token exchange each)"
start_gateway gateway-apikey-miss
export KEYS_FILE=$WORK/keys.txt
say "  miss: warm-up $WARMUP on keys 2..$((1 + MISS_WARMUP_KEYS)), then $DURATION on the next $MISS_KEYS..."
KEY_FROM=2 KEY_TO=$((1 + MISS_WARMUP_KEYS)) \
  run_wrk "$OUT/miss.warmup.txt" "$CONNECTIONS" "$WARMUP" "$PROTECTED" -s "$HERE/wrk/rotating-keys.lua"
T0=$(cpu_ticks "$GW_PID") J0=$(jit_ticks "$GW_PID") A0=$(cpu_ticks "$AUTH_PID")
KEY_FROM=$((2 + MISS_WARMUP_KEYS)) KEY_TO=$KEYS_TOTAL \
  run_wrk "$OUT/miss.txt" "$CONNECTIONS" "$DURATION" "$PROTECTED" -s "$HERE/wrk/rotating-keys.lua"
A1=$(cpu_ticks "$AUTH_PID")
record miss "our gateway + new API key each request (exchange)" "$OUT/miss.txt"
cpu_after miss "$GW_PID" "$T0" "$J0"
MISS_AUTH_CPU_US=$(awk -v d=$((A1 - A0)) -v hz="$CLK_TCK" -v n="${REQS[miss]}" 'BEGIN { printf "%.0f", d / hz * 1e6 / n }')
MISS_KEYLINE=$(grep '^rotating-keys:' "$OUT/miss.txt" || echo "rotating-keys: (no summary)")
MISS_WARM_KEYLINE=$(grep '^rotating-keys:' "$OUT/miss.warmup.txt" || echo "rotating-keys: (no summary)")
MISS_CACHED_TOKENS=$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --scan --pattern "$NS:apikey:token:*" | wc -l)
say "    ${RPS[miss]} req/s, p50 ${P50[miss]} ms, p99 ${P99[miss]} ms, non-2xx ${NON2XX[miss]}; $MISS_KEYLINE"
stop_gateway

say "(noise) direct to nginx again"
measure direct2 "direct to nginx, again at the end (noise)" "$DIRECT" -
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
say "Load average at end: $LOAD_END"

# --- report --------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }
verdict() { if [ "$1" = 1 ]; then echo "met"; else echo "**missed**"; fi; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b) ? 1 : 0 }'; }
dash() { [ -n "${1:-}" ] && echo "$1" || echo "–"; }

PUB_VS_PLAIN=$(ratio "${RPS[public]}" "${RPS[plain]}")
KEY_VS_PUB=$(ratio "${RPS[apikey]}" "${RPS[public]}")
JWT_VS_PUB=$(ratio "${RPS[jwt]}" "${RPS[public]}")
ADDED_P99=$(awk -v a="${P99[apikey_half]}" -v b="${P99[public_half]}" 'BEGIN { printf "%.2f", a - b }')
MAX_HWM=0
for k in public jwt apikey miss; do [ "${HWM[$k]}" -gt "$MAX_HWM" ] && MAX_HWM=${HWM[$k]}; done
[ "$PEAK_HWM" -gt "$MAX_HWM" ] && MAX_HWM=$PEAK_HWM
if [ "${HALF_OFF[public_half]}" = 0 ] && [ "${HALF_OFF[apikey_half]}" = 0 ]; then
  HALF_SINGLE="$ADDED_P99 ms"
else
  HALF_SINGLE="$ADDED_P99 ms, but a half-load run ended off target"
fi
NOISE=$(awk -v a="${RPS[direct]}" -v b="${RPS[direct2]}" 'BEGIN { d = (b - a) / a * 100; printf "%+.1f", d }')

report() {
  cat <<MD
# Gateway benchmark results

Generated by \`bench/gateway/run.sh\` on $START_TIME (commit \`$COMMIT\`; gateway jar built $GATEWAY_JAR_TIME,
auth-server jar $AUTH_JAR_TIME). Method and analysis: \`docs/performance.md\`.

- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);
  wrk, nginx, the proxies, auth-server, PostgreSQL and Redis all share these cores.
- Load average (1/5/15 min): **$LOAD_START** at start, **$LOAD_END** at end$( [ $LOAD_WAITED -gt 0 ] && echo " (waited ${LOAD_WAITED} s for the 1-min value to drop below $LOAD_MAX)").
- Every target: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\` after a $WARMUP warm-up with the same load.
- Plain SCG and our gateway: \`java $JVM_OPTS\` (the gateway's production flags, \`MALLOC_ARENA_MAX=2\`); auth-server: \`java $AUTH_JVM_OPTS\` (Java $(java -version 2>&1 | head -n1 | cut -d'"' -f2)); a fresh
  gateway process per scenario. nginx $("$NGINX" -v 2>&1 | cut -d/ -f2), \`worker_processes auto\`, serving a $(wc -c <"$WORK/nginx/www/data.json")-byte JSON file.
- Our gateway runs its production configuration; only the backend (\`RESOURCE_SERVICE_URL\` → nginx, so
  \`/examples/public\` is its public route and \`/examples/data\` a protected one), auth-server's address and the
  rate limits (\`platform.gateway.rate-limit.{api-key,user}.*\` = $UNLIMITED, so they never cap the run; the
  limiter still runs: one Redis call per batch of tokens, sized to 100 ms of the caller's rate up to 1000, as in
  production for such a limit) are changed.
- Noise: direct-to-nginx measured at the start and again at the end differs by **$NOISE %**; compare
  only ratios within this run.

| # | target | req/s | × plain SCG | × direct | p50 ms | p99 ms | non-2xx / socket errors | proxy CPU µs/req | of which JIT | VmHWM MiB | VmRSS MiB |
|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|
MD
  local n=0 k
  for k in direct nginxproxy plain public jwt apikey miss direct2; do
    case $k in direct) n=1 ;; nginxproxy) n=ref ;; plain) n=2 ;; public) n=3 ;; jwt) n=4 ;; apikey) n=5 ;; miss) n=6 ;; direct2) n=1′ ;; esac
    printf '| %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s | %s |\n' "$n" "${LABEL[$k]}" "${RPS[$k]}" \
      "$(ratio "${RPS[$k]}" "${RPS[plain]}")" "$(ratio "${RPS[$k]}" "${RPS[direct]}")" "${P50[$k]}" "${P99[$k]}" \
      "${NON2XX[$k]}" "${SOCKERR[$k]}" "$(dash "${CPU_US[$k]:-}")" "$(dash "${JIT[$k]:-}")" "$(dash "${HWM[$k]:-}")" \
      "$(dash "${RSS[$k]:-}")"
  done
  cat <<MD

Half load: target **$HALF_TARGET req/s**, half the public route's full-load throughput. wrk has no fixed-rate
mode and wrk2 is not in Debian, so each route ran \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s wrk/paced.lua\`:
every connection pauses a fixed time after each response before its next request, the pause set from a
$PROBE probe of the same route for the target (and corrected from a measurement more than 20 % off
target, at most 3 times). The offered rate is then set by the pauses, not by how fast the route answers;
each connection still waits for its answer, so a stall delays that connection's next request (no
coordinated-omission correction).

| route | pause ms | req/s | p50 ms | p99 ms | non-2xx / socket errors | within ±20 % of target |
|---|---:|---:|---:|---:|---|---|
| public | ${HALF_PACE[public_half]} | ${RPS[public_half]} | ${P50[public_half]} | ${P99[public_half]} | ${NON2XX[public_half]} / ${SOCKERR[public_half]} | $( [ "${HALF_OFF[public_half]}" = 0 ] && echo yes || echo **no**) |
| cached API key | ${HALF_PACE[apikey_half]} | ${RPS[apikey_half]} | ${P50[apikey_half]} | ${P99[apikey_half]} | ${NON2XX[apikey_half]} / ${SOCKERR[apikey_half]} | $( [ "${HALF_OFF[apikey_half]}" = 0 ] && echo yes || echo **no**) |

$(printf -- '- %s\n' "${HALF_NOTES[@]}")

Rounds of three processes per target (the goal's public-route figure): plain SCG's process of row 2 and the
public-route gateway of row 3, idle since their runs above and warmed up again for $WARMUP, and two more of each
started for these rounds, each warmed up twice as long on its route only; then \`wrk -t$THREADS -c$CONNECTIONS -d$PAIRED_DURATION\`
on each, in pairs (the first plain SCG and the first gateway, then the second ones, then the third; plain SCG
first in odd rounds). Each cell lists the three processes; public / plain is the public windows' req/s summed over
plain SCG's.

| round | plain SCG req/s | plain SCG p99 ms | public route req/s | public route p99 ms | public / plain |
|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${VS_PLAIN_ROWS[@]}")

Rounds of two routes within one process (the goals' API-key and JWT figures): three fresh gateways, each warmed up
for $WARMUP on the public, key and JWT routes at once (\`wrk -t$THREADS -c$((CONNECTIONS / 3))\` on each route), then alternating
\`wrk -t$THREADS -c$CONNECTIONS -d$PAIRED_DURATION\` on the public and the key route of the first, then of the second, then
of the third (public first in odd rounds). Each cell lists the three processes; key / public is the key
windows' req/s summed over the public ones'.

| round | public req/s | public p99 ms | cached key req/s | cached key p99 ms | key / public |
|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${PAIRED_ROWS[@]}")

Then, in the same processes and order, the public route and the protected route with the bearer JWT (a
client-credentials token of auth-server, verified once and then served from the gateway's verified-token
cache until it expires); JWT / public is the JWT windows' req/s summed over the public ones'.

| round | public req/s | public p99 ms | bearer JWT req/s | bearer JWT p99 ms | JWT / public |
|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${JWT_PAIRED_ROWS[@]}")

The same three processes at half load, \`wrk -t$THREADS -c$CONNECTIONS -d$PAIRED_DURATION --latency -s wrk/paced.lua\`
on the public and the key route, both with the public route's pause above (${HALF_PACE[public_half]} ms), in the
same order; added p99 is the key windows' mean p99 less the public ones'.

| round | public req/s | public p99 ms | cached key req/s | cached key p99 ms | added p99 ms |
|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${HALF_ROWS[@]}")

Cache misses (row 6): $((KEYS_TOTAL - 1)) real keys inserted in \`api_keys\` beforehand (SHA-256 hashes, made with
\`ApiKeyFormat\`); the gateway process was fresh and each wrk thread sent keys from its own slice of the key
list in order, the warm-up and the measurement on disjoint slices, so every request carried a key the
gateway had never seen: local miss, Redis miss (MGET), RFC 8693 exchange at auth-server (one SQL query,
one RS256 signature), then both caches written. Measured: \`$MISS_KEYLINE\` (wraps=0: no key
repeated; warm-up: \`$MISS_WARM_KEYLINE\`); $MISS_CACHED_TOKENS exchanged tokens in Redis afterwards (warm-up
plus measurement). auth-server used ${MISS_AUTH_CPU_US} µs CPU per request on top of the gateway's.

## Goals

Each goal is judged on all the windows of its rounds above: $PAIRED_ROUNDS rounds of three processes per
target at full load, $HALF_ROUNDS at half load. Two processes of one jar differ in speed by more than the goals'
margins (\`docs/performance.md\`, "Why three processes"), so no verdict rests on one process per target.

| goal | measured | |
|---|---|---|
| public route ≥ plain SCG throughput | per round $(IFS=/; echo "${VS_PLAIN[*]}") ×; all $((PAIRED_ROUNDS * 3)) window pairs **$VS_PLAIN_ALL ×** | $(verdict "$(ge "$VS_PLAIN_ALL" 1.00)") |
| API-key route ≥ 0.90 × public route | per round $(IFS=/; echo "${PAIRED[*]}") ×; all $((PAIRED_ROUNDS * 3)) window pairs **$PAIRED_ALL ×** | $(verdict "$(ge "$PAIRED_ALL" 0.90)") |
| bearer-JWT route ≥ 0.90 × public route | per round $(IFS=/; echo "${JWT_PAIRED[*]}") ×; all $((PAIRED_ROUNDS * 3)) window pairs **$JWT_PAIRED_ALL ×** | $(verdict "$(ge "$JWT_PAIRED_ALL" 0.90)") |
| API-key route ≤ 1 ms added p99 at half load | per round $(IFS=/; echo "${HALF_ADDED[*]}") ms; all $((HALF_ROUNDS * 3)) window pairs **$HALF_ADDED_ALL ms** | $(verdict "$(ge 1 "$HALF_ADDED_ALL")") |
| ≤ 300 MB RSS | peak VmHWM of our gateway, all scenarios: **$MAX_HWM MiB** ($(awk -v m="$MAX_HWM" 'BEGIN { printf "%.0f", m * 1.048576 }') MB) | $(verdict "$(ge 300 "$(awk -v m="$MAX_HWM" 'BEGIN { printf "%.0f", m * 1.048576 }')")") |

The single windows of one process per target (rows 2 to 5, and the half-load table) for comparison:
public route $PUB_VS_PLAIN × plain SCG, API-key route $KEY_VS_PUB × and bearer-JWT route $JWT_VS_PUB × the public route,
$HALF_SINGLE added p99 at half load.

For reference, the issue's numbers on this machine kind: plain SCG 13.3k req/s = 0.14 × direct, 0.32 × an
nginx proxy. Here: plain SCG = $(ratio "${RPS[plain]}" "${RPS[direct]}") × direct, $(ratio "${RPS[plain]}" "${RPS[nginxproxy]}") × the nginx proxy.
MD
}

report | tee "$RESULTS"
say ""
say "Written to $RESULTS"
OK=1
