#!/usr/bin/env bash
# The running platform under a long mixed load: bench/soak.sh   (method: docs/performance.md#soak)
#
# Starts its own platform: the local stand-in identity provider, auth-server, resource-service (the
# backend) and the gateway, each with its production flags (java @deploy/jvm/<app>.args where that file
# exists, else ./platform's), MALLOC_ARENA_MAX=2 and Netty's default leak detection; rate limits raised as
# in bench/gateway so they never cap (no 429 is intended). Warms the gateway on its three routes at once,
# measures the public route's capacity with a full-load probe, then runs three paced wrk streams
# together at half of it: the public route, a bearer JWT from a real sign-in and an API key made with the
# management API, in SOAK_MINUTES back-to-back 1-minute windows, each with its own p99 per route
# (wrk/paced-status.lua also counts the answers by status). Meanwhile, on the side: a sign-in through the
# stand-in every SIGNIN_EVERY s (scripts/token; each must succeed), and a key made through the API every
# REVOKE_EVERY s, used by a curl loop, deleted through the API and expected to answer 401 within 1 s (the
# intended 401s). Halfway through each minute it reads VmRSS, open fds and ESTABLISHED TCP connections
# of every service process.
#
# Goals (issue 41): 0 errors other than intended 401s (non-2xx or socket errors of the streams, failed
# sign-ins, revocations or side-loop answers); per route, p99 of the last minute ≤ 1.2 × the first's;
# each platform service's RSS after minute 1 ≤ 1.10 × minute 1's; no Netty "LEAK:" in any log; fds and
# connections of each platform service in the last minute ≤ minute 1's + GROWTH_SLACK.
# Writes bench/soak/RESULTS.md (RESULTS= to change) and exits 1 when a goal is missed.
#
# Settings: SOAK_MINUTES=10 (at least 2), WARMUP=60s (full load on the three routes at once), PROBE=20s
# (wrk -t2 -c32 on the public route: the capacity), CONNECTIONS=16 (per stream, wrk -t1), SIGNIN_EVERY=5
# and REVOKE_EVERY=30 (seconds), GROWTH_SLACK=5, LOAD_MAX=2 and LOAD_WAIT=600 (waits at most that many
# seconds for the 1-minute load average to drop below LOAD_MAX), KEEP=1 (keeps the logs).
# Needs: java 17+, wrk, curl, jq, ss, psql, redis-cli; PostgreSQL at 127.0.0.1:5432 (user postgres, trust)
# and Redis at 127.0.0.1:6379; the jars (built when missing). Uses its own database platform_soak
# (dropped afterwards), Redis namespace soak (cleared) and ports 20200-20213, never the platform's
# defaults; stops every process it starts. Not part of ./mvnw verify.
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
VERSION=0.1.0-SNAPSHOT
# stop_pid, wait_http, expect, secret, mib, parse_wrk, half_pace, wait_for_quiet
. "$HERE/lib.sh"

SOAK_MINUTES=${SOAK_MINUTES:-10}
WARMUP=${WARMUP:-60s}
PROBE=${PROBE:-20s}
CONNECTIONS=${CONNECTIONS:-16}
CALIBRATE=${CALIBRATE:-10s}
SIGNIN_EVERY=${SIGNIN_EVERY:-5}
REVOKE_EVERY=${REVOKE_EVERY:-30}
GROWTH_SLACK=${GROWTH_SLACK:-5}
LOAD_MAX=${LOAD_MAX:-2}
LOAD_WAIT=${LOAD_WAIT:-600}
RESULTS=${RESULTS:-$HERE/soak/RESULTS.md}
IDP_PORT=20200 AUTH_PORT=20201 RS_PORT=20202 GW_PORT=20203 PORTAL_PORT=20209
AUTH_MGMT_PORT=20211 RS_MGMT_PORT=20212 GW_MGMT_PORT=20213
DB=platform_soak NS=soak
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
UNLIMITED=1000000000
GW=http://127.0.0.1:$GW_PORT
# The one person of the soak: every sign-in, the JWT stream's token, the owner of every key.
EMAIL=soak@example.com
SERVICES=(local-idp auth-server resource-service gateway)
# The goals on memory, fds and connections are the platform's; the stand-in is shown beside them.
JUDGED=(auth-server resource-service gateway)
ROUTES=(public jwt key)
declare -A URL=([public]=$GW/examples/public [jwt]=$GW/examples/jwt-only [key]=$GW/examples/apikey-only)
declare -A SPID PACE TARGET_OF

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-soak.XXXXXX")
LOGS=$WORK/logs OUT=$WORK/wrk
mkdir -p "$LOGS" "$OUT" "$WORK/jars"
PIDS=() LOOPS=()
OK=0

say() { printf '%s\n' "$*" >&2; }
fail() { say "bench/soak: $*"; exit 2; }
now_ms() { date +%s%3N; }

cleanup() {
  local i
  touch "$WORK/stop"
  for pid in "${LOOPS[@]}"; do pkill -P "$pid" 2>/dev/null; kill "$pid" 2>/dev/null; done
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[$i]}"; done
  psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1
  redis-cli --scan --pattern "$NS:*" 2>/dev/null | xargs -r -n 500 redis-cli DEL >/dev/null 2>&1
  if [ $OK -eq 1 ] && [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; else say "logs and wrk output kept in $WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- prerequisites -------------------------------------------------------------------------------
[ "$SOAK_MINUTES" -ge 2 ] 2>/dev/null || fail "SOAK_MINUTES=$SOAK_MINUTES: at least 2 (the goals compare the last minute with the first)"
for tool in java wrk curl jq ss psql redis-cli; do command -v "$tool" >/dev/null || fail "$tool is not installed"; done
(exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null || fail "PostgreSQL is not reachable at $PGHOST:$PGPORT"
redis-cli PING >/dev/null 2>&1 || fail "Redis is not reachable at 127.0.0.1:6379"
for port in $IDP_PORT $AUTH_PORT $RS_PORT $GW_PORT $PORTAL_PORT $AUTH_MGMT_PORT $RS_MGMT_PORT $GW_MGMT_PORT; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && fail "port $port is taken by another process"
done
jar() { echo "$ROOT/$1/target/$1-$VERSION.jar"; }
for app in "${SERVICES[@]}"; do
  [ -f "$(jar "$app")" ] && continue
  say "Building the platform's jars..."
  (cd "$ROOT" && ./mvnw -q -B -DskipTests -pl "$(IFS=,; echo "${SERVICES[*]}")" -am package) >"$LOGS/build.log" 2>&1 \
    || fail "build failed: see $LOGS/build.log"
  break
done
# Private copies: a rebuild in the tree cannot swap a jar under a running soak.
for app in "${SERVICES[@]}"; do cp "$(jar "$app")" "$WORK/jars/$app.jar"; done
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD -- 2>/dev/null || COMMIT="$COMMIT (with uncommitted changes)"
JARS_BUILT=$(date -u -r "$(jar gateway)" '+%Y-%m-%dT%H:%MZ')

# --- the platform ----------------------------------------------------------------------------------
# jvm_flags app: its production flags, as ./platform starts it.
jvm_flags() {
  if [ -f "$ROOT/deploy/jvm/$1.args" ]; then echo "@$ROOT/deploy/jvm/$1.args"
  elif [ "$1" = local-idp ]; then echo "-Xmx256m"
  else echo "-Xmx384m"; fi
}
# start app port health-path [VAR=value...] [-- app-args...]: starts it and waits until it is healthy; SPID[app].
start() {
  local app=$1 port=$2 health=$3 envs=() args=()
  shift 3
  while [ $# -gt 0 ] && [ "$1" != -- ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift && args=("$@")
  # shellcheck disable=SC2046
  env "${envs[@]}" MALLOC_ARENA_MAX=2 java $(jvm_flags "$app") -jar "$WORK/jars/$app.jar" "${args[@]}" \
    >"$LOGS/$app.log" 2>&1 &
  SPID[$app]=$!
  PIDS+=("$!")
  wait_http "http://127.0.0.1:$port$health" "${SPID[$app]}" 200 "$LOGS/$app.log"
}

say "Work directory: $WORK; database $DB, Redis namespace $NS, ports $IDP_PORT-$GW_MGMT_PORT"
psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" -c "CREATE DATABASE \"$DB\"" >/dev/null \
  || fail "cannot create database $DB"
redis-cli --scan --pattern "$NS:*" | xargs -r -n 500 redis-cli DEL >/dev/null
PLATFORM_SIGNING_SECRET=$(secret) GATEWAY_CLIENT_SECRET=$(secret) PORTAL_CLIENT_SECRET=$(secret)
export PLATFORM_SIGNING_SECRET GATEWAY_CLIENT_SECRET PORTAL_CLIENT_SECRET

start local-idp $IDP_PORT /local/.well-known/openid-configuration SERVER_PORT=$IDP_PORT
start auth-server $AUTH_PORT /readyz AUTH_SERVER_PORT=$AUTH_PORT MANAGEMENT_PORT=$AUTH_MGMT_PORT POSTGRES_DB=$DB \
  PLATFORM_REDIS_NAMESPACE=$NS AUTH_ISSUER=http://127.0.0.1:$AUTH_PORT SPRING_PROFILES_ACTIVE=local \
  LOCAL_IDP_URL=http://127.0.0.1:$IDP_PORT GATEWAY_URL=$GW PLATFORM_TRUSTED_PROXIES=127.0.0.1/32,::1/128
start resource-service $RS_PORT /readyz RESOURCE_SERVICE_PORT=$RS_PORT MANAGEMENT_PORT=$RS_MGMT_PORT \
  AUTH_ISSUER=http://127.0.0.1:$AUTH_PORT AUTH_SERVER_URL=http://127.0.0.1:$AUTH_PORT
start gateway $GW_PORT /readyz GATEWAY_PORT=$GW_PORT MANAGEMENT_PORT=$GW_MGMT_PORT PLATFORM_REDIS_NAMESPACE=$NS \
  AUTH_SERVER_URL=http://127.0.0.1:$AUTH_PORT AUTH_ISSUER=http://127.0.0.1:$AUTH_PORT \
  RESOURCE_SERVICE_URL=http://127.0.0.1:$RS_PORT PORTAL_URL=http://127.0.0.1:$PORTAL_PORT GATEWAY_URL=$GW -- \
  --platform.gateway.rate-limit.api-key.capacity=$UNLIMITED --platform.gateway.rate-limit.api-key.replenish-per-second=$UNLIMITED \
  --platform.gateway.rate-limit.user.capacity=$UNLIMITED --platform.gateway.rate-limit.user.replenish-per-second=$UNLIMITED

# sign_in: a sign-in through the stand-in as ./platform token does; the token into $WORK/jwt.
sign_in() {
  local token
  token=$(GATEWAY_URL=$GW "$ROOT/scripts/token" "$EMAIL" 2>"$WORK/sign-in.err") && [ -n "$token" ] || return 1
  printf '%s\n' "$token" >"$WORK/jwt.new" && mv "$WORK/jwt.new" "$WORK/jwt"
}
# new_key name: a key of $EMAIL's made with the management API; sets KEY_ID and KEY_SECRET.
new_key() {
  local body
  body=$(curl -sS --max-time 10 -w '\n%{http_code}' -H "Authorization: Bearer $(cat "$WORK/jwt")" \
    -H 'Content-Type: application/json' -d "{\"name\": \"$1\"}" "$GW/api/v1/api-keys" 2>&1) \
    || { printf '%s' "$body" >"$WORK/new-key.err"; return 1; }
  [ "${body##*$'\n'}" = 201 ] || { printf '%s' "$body" >"$WORK/new-key.err"; return 1; }
  body=${body%$'\n'*}
  KEY_ID=$(jq -r .id <<<"$body") KEY_SECRET=$(jq -r .key <<<"$body")
}
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" | sed 's/^000$/nothing-in-5-s/'; }

# The stand-in's first token answers of a cold JVM can take longer than auth-server's 1 s provider timeout.
FIRST_SIGNIN_ATTEMPTS=1
until sign_in; do
  [ $FIRST_SIGNIN_ATTEMPTS -ge 5 ] && fail "the first sign-in failed 5 times: $(cat "$WORK/sign-in.err")"
  FIRST_SIGNIN_ATTEMPTS=$((FIRST_SIGNIN_ATTEMPTS + 1))
  sleep 2
done
new_key soak-stream || fail "cannot make the stream's API key: $(cat "$WORK/new-key.err")"
MAIN_KEY=$KEY_SECRET
expect 200 "${URL[public]}"
expect 401 "${URL[jwt]}"
expect 200 -H "Authorization: Bearer $(cat "$WORK/jwt")" "${URL[jwt]}"
expect 401 -H "X-API-Key: ssop_not-a-key" "${URL[key]}"
expect 200 -H "X-API-Key: $MAIN_KEY" "${URL[key]}"

# stream route out duration [wrk args...]: one route's wrk, -t1 -c$CONNECTIONS, the JWT route with the
# newest signed-in token (each window starts with a fresh one: tokens live 15 minutes).
stream() {
  local route=$1 out=$2 duration=$3 header=()
  shift 3
  case $route in
    jwt) header=(-H "Authorization: Bearer $(cat "$WORK/jwt")") ;;
    key) header=(-H "X-API-Key: $MAIN_KEY") ;;
  esac
  wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency "$@" "${header[@]}" "${URL[$route]}" >"$out" 2>&1
}
# paced_streams prefix duration: the three routes at once, each at its PACE; waits for them.
paced_streams() {
  local route pids=()
  # The JWT window's token, tried once first: its answer and time are beside the window's wrk output.
  curl -s -o /dev/null -w '%{http_code} %{time_total}s\n' --max-time 10 -H "Authorization: Bearer $(cat "$WORK/jwt")" \
    "${URL[jwt]}" >"$OUT/$1-jwt.check"
  for route in "${ROUTES[@]}"; do
    PACE_MS=${PACE[$route]} stream "$route" "$OUT/$1-$route.txt" "$2" -s "$HERE/wrk/paced-status.lua" &
    pids+=($!)
  done
  [ -n "${3:-}" ] && { sleep "$3"; sample "$4"; }
  wait "${pids[@]}"
}

# --- warm-up, capacity, pace ----------------------------------------------------------------------
say "Waiting for the 1-minute load average to drop below $LOAD_MAX (at most $LOAD_WAIT s)..."
wait_for_quiet "$LOAD_MAX" "$LOAD_WAIT"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
START_TIME=$(date -u '+%Y-%m-%d %H:%M UTC')

say "Warm-up: $WARMUP at full load on the three routes at once..."
pids=()
for route in "${ROUTES[@]}"; do stream "$route" "$OUT/warmup-$route.txt" "$WARMUP" & pids+=($!); done
wait "${pids[@]}"
say "Capacity: wrk -t2 -c32 -d$PROBE on the public route..."
wrk -t2 -c32 -d"$PROBE" --latency "${URL[public]}" >"$OUT/capacity.txt" 2>&1 || fail "wrk failed: $(tail -n3 "$OUT/capacity.txt")"
read -r CAPACITY CAPACITY_P50 CAPACITY_P99 _ CAPACITY_NON2XX _ <<<"$(parse_wrk "$OUT/capacity.txt")"
[ "$CAPACITY_NON2XX" = 0 ] || fail "the capacity probe had $CAPACITY_NON2XX non-2xx answers"
TARGET=$((CAPACITY / 2 / ${#ROUTES[@]}))
[ "$TARGET" -ge 1 ] || fail "the public route's capacity is $CAPACITY req/s"
say "  $CAPACITY req/s; the soak offers $((CAPACITY / 2)) req/s, $TARGET on each route"
# Pauses from the target, corrected from $CALIBRATE runs of the three streams at once until each is within
# ±10 % of its target (at most 3 times; the soak keeps the last correction).
for route in "${ROUTES[@]}"; do PACE[$route]=$((CONNECTIONS * 1000 / TARGET)); done
for attempt in 1 2 3; do
  paced_streams "calibrate-$attempt" "$CALIBRATE"
  off=0 note=""
  for route in "${ROUTES[@]}"; do
    rps=$(parse_wrk "$OUT/calibrate-$attempt-$route.txt" | cut -d' ' -f1)
    note+=" $route ${PACE[$route]} ms $rps req/s;"
    awk -v r="$rps" -v t="$TARGET" 'BEGIN { exit !(r >= 0.9 * t && r <= 1.1 * t) }' && continue
    off=1
    # At most halved or doubled per step: a few answers slower than the rest must not zero the pause.
    PACE[$route]=$(awk -v n="$(half_pace "$CONNECTIONS" "$TARGET" "$rps" "${PACE[$route]}")" -v p="${PACE[$route]}" \
      'BEGIN { if (n < p / 2) n = int(p / 2); if (n > 2 * p) n = 2 * p; print n }')
  done
  say "  pace $attempt:$note"
  [ $off = 0 ] && break
done

# --- the soak --------------------------------------------------------------------------------------
declare -A RSS FDS CONNS KINDS
# sample minute: VmRSS, open fds and ESTABLISHED TCP connections of every service process; KINDS: the
# connections by kind, "in:PORT=n" accepted on one of our ports, "out:PORT=n" opened to that port.
sample() {
  local app pid
  ss -Htanp state established >"$OUT/ss-$1.txt" 2>/dev/null
  for app in "${SERVICES[@]}"; do
    pid=${SPID[$app]}
    RSS[$app,$1]=$(mib "$pid" VmRSS)
    FDS[$app,$1]=$(find "/proc/$pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
    CONNS[$app,$1]=$(grep -c "pid=$pid," "$OUT/ss-$1.txt")
    KINDS[$app,$1]=$(awk -v pid="pid=$pid," -v ours="$IDP_PORT $AUTH_PORT $RS_PORT $GW_PORT" '
      BEGIN { split(ours, o, " "); for (i in o) our[o[i]] = 1 }
      index($0, pid) { n = split($3, l, ":"); lp = l[n]; n = split($4, r, ":"); k = (lp in our) ? "in:" lp : "out:" r[n]; c[k]++ }
      END { for (k in c) printf "%s=%d ", k, c[k] }' "$OUT/ss-$1.txt")
  done
}
# kinds_grown app: the kinds of connection whose count differs between minute 1 and the last, "out:20202 +6".
kinds_grown() {
  awk -v a="${KINDS[$1,1]}" -v b="${KINDS[$1,$LAST]}" 'BEGIN {
    n = split(a, x, " "); for (i = 1; i <= n; i++) { split(x[i], kv, "="); first[kv[1]] = kv[2]; all[kv[1]] = 1 }
    n = split(b, x, " "); for (i = 1; i <= n; i++) { split(x[i], kv, "="); last[kv[1]] = kv[2]; all[kv[1]] = 1 }
    for (k in all) if (last[k] + 0 != first[k] + 0) { printf "%s%s %+d", sep, k, last[k] - first[k]; sep = ", " } }'
}

# The side loops log one line per event, "minute ok|FAIL|401 detail", to $OUT/sign-ins.log and
# $OUT/revocations.log; the current minute is in $WORK/minute.
minute() { cat "$WORK/minute"; }
signin_loop() {
  local t0
  while [ ! -e "$WORK/stop" ]; do
    t0=$(now_ms)
    if sign_in; then
      echo "$(minute) ok $(($(now_ms) - t0))"
    else
      echo "$(minute) FAIL $(($(now_ms) - t0)) ms: $(tr '\n' ' ' <"$WORK/sign-in.err" | cut -c1-300)"
    fi
    sleep "$SIGNIN_EVERY"
  done >>"$OUT/sign-ins.log"
}
# Every REVOKE_EVERY s: a new key, used every 200 ms (200 expected), deleted through the API, then asked
# every 50 ms until it answers 401 (intended; within 1 s or FAIL), and twice more (still 401).
revocation_loop() {
  local n=0 used code t0 ms until
  while [ ! -e "$WORK/stop" ]; do
    n=$((n + 1))
    if ! new_key "soak-revoked-$n"; then
      echo "$(minute) FAIL creating a key: $(head -c 300 "$WORK/new-key.err" 2>/dev/null)"
      sleep 5
      continue
    fi
    used=0 until=$((SECONDS + REVOKE_EVERY))
    while [ $SECONDS -lt $until ] && [ ! -e "$WORK/stop" ]; do
      code=$(status_of -H "X-API-Key: $KEY_SECRET" "${URL[key]}")
      used=$((used + 1))
      [ "$code" = 200 ] || echo "$(minute) FAIL key $KEY_ID answered $code before its revocation"
      sleep 0.2
    done
    code=$(status_of -X DELETE -H "Authorization: Bearer $(cat "$WORK/jwt")" "$GW/api/v1/api-keys/$KEY_ID")
    if [ "$code" != 204 ]; then
      echo "$(minute) FAIL deleting key $KEY_ID answered $code"
      continue
    fi
    # ms: when the first request that got 401 was sent, after the deletion was answered.
    t0=$(now_ms)
    while :; do
      ms=$(($(now_ms) - t0))
      code=$(status_of -H "X-API-Key: $KEY_SECRET" "${URL[key]}")
      [ "$code" = 401 ] && break
      [ "$code" = 200 ] || echo "$(minute) FAIL key $KEY_ID answered $code while being revoked"
      [ $ms -gt 5000 ] && break
      sleep 0.05
    done
    if [ "$code" = 401 ] && [ $ms -le 1000 ]; then
      echo "$(minute) 401 key $KEY_ID: used $used times, 401 $ms ms after its deletion"
    elif [ "$code" = 401 ]; then
      echo "$(minute) FAIL key $KEY_ID answered 401 only $ms ms after its deletion"
    else
      echo "$(minute) FAIL key $KEY_ID still answered $code $ms ms after its deletion"
    fi
    for _ in 1 2; do
      code=$(status_of -H "X-API-Key: $KEY_SECRET" "${URL[key]}")
      if [ "$code" = 401 ]; then echo "$(minute) 401 key $KEY_ID again"; else echo "$(minute) FAIL revoked key $KEY_ID answered $code"; fi
    done
  done >>"$OUT/revocations.log"
}

echo 1 >"$WORK/minute"
touch "$OUT/sign-ins.log" "$OUT/revocations.log"
signin_loop &
LOOPS+=($!)
revocation_loop &
LOOPS+=($!)
say "Soak: $SOAK_MINUTES minutes, pauses public ${PACE[public]} ms, jwt ${PACE[jwt]} ms, key ${PACE[key]} ms..."
for m in $(seq 1 "$SOAK_MINUTES"); do
  echo "$m" >"$WORK/minute"
  paced_streams "minute-$m" 60s 30 "$m"
  line="  minute $m:"
  for route in "${ROUTES[@]}"; do
    read -r rps _ p99 _ _ _ <<<"$(parse_wrk "$OUT/minute-$m-$route.txt")"
    line+=" $route $rps req/s p99 $p99 ms;"
  done
  say "$line gateway RSS ${RSS[gateway,$m]} MiB"
done
touch "$WORK/stop"
wait "${LOOPS[@]}"
LOOPS=()
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# --- figures and verdicts --------------------------------------------------------------------------
LAST=$SOAK_MINUTES
# non2xx wrk-output: the answers other than 2xx, from paced-status.lua's line.
non2xx() { sed -n 's/^statuses: //p' "$1" | tr ' ' '\n' | awk -F= '$1 !~ /^2/ && NF == 2 { n += $2 } END { print n + 0 }'; }
declare -A R_RPS R_P99 R_ERR
STREAM_ERRORS=0
for m in $(seq 1 "$LAST"); do
  for route in "${ROUTES[@]}"; do
    f=$OUT/minute-$m-$route.txt
    read -r rps _ p99 _ _ sockerr <<<"$(parse_wrk "$f")"
    # A window without its summary or without a single answer is an error too.
    { grep -q '^statuses: [0-9]' "$f" && [ "$(parse_wrk "$f" | cut -d' ' -f4)" -gt 0 ]; } || sockerr=$((sockerr + 1))
    R_RPS[$route,$m]=$rps R_P99[$route,$m]=$p99 R_ERR[$route,$m]="$(non2xx "$f") / $sockerr"
    STREAM_ERRORS=$((STREAM_ERRORS + $(non2xx "$f") + sockerr))
  done
done
events() { awk -v kind="$1" '$2 == kind' "$2" | grep -c "${3:-}"; }
SIGNINS=$(events ok "$OUT/sign-ins.log")
SIGNIN_FAILS=$(events FAIL "$OUT/sign-ins.log")
SIGNIN_MS=$(awk '$2 == "ok" { n++; s += $3; if ($3 > max) max = $3 } END { if (n) printf "mean %.0f ms, max %d ms", s / n, max; else print "none" }' "$OUT/sign-ins.log")
REVOKED=$(events 401 "$OUT/revocations.log" 'after its deletion')
INTENDED_401=$(events 401 "$OUT/revocations.log")
REVOKE_FAILS=$(events FAIL "$OUT/revocations.log")
REVOKE_MS=$(sed -n 's/.* 401 \([0-9]*\) ms after.*/\1/p' "$OUT/revocations.log" | sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "median %d ms, max %d ms", a[int((NR + 1) / 2)], a[NR]; else print "none" }')
ERRORS=$((STREAM_ERRORS + SIGNIN_FAILS + REVOKE_FAILS))
declare -A LEAKS LOG_ERRORS
LEAK_TOTAL=0
for app in "${SERVICES[@]}"; do
  LEAKS[$app]=$(grep -c 'LEAK:' "$LOGS/$app.log")
  LOG_ERRORS[$app]=$(grep -cE '^[0-9TZ:.+-]+ +ERROR ' "$LOGS/$app.log")
  LEAK_TOTAL=$((LEAK_TOTAL + LEAKS[$app]))
done

verdict() { if [ "$1" = 1 ]; then echo met; else echo "**missed**"; fi; }
MISSED=0
# goal "goal | measured" pass(1|0): one row of the goals' table; a missed goal makes the exit status 1.
GOAL_ROWS=()
goal() { [ "$2" = 1 ] || MISSED=1; GOAL_ROWS+=("| $1 | $(verdict "$2") |"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }
goal "0 errors other than intended 401s | streams $STREAM_ERRORS, sign-ins $SIGNIN_FAILS, revocations $REVOKE_FAILS: **$ERRORS**" \
  $((ERRORS == 0))
for route in "${ROUTES[@]}"; do
  r=$(ratio "${R_P99[$route,$LAST]}" "${R_P99[$route,1]}")
  goal "p99 of the last minute ≤ 1.2 × the first's: $route | ${R_P99[$route,1]} → ${R_P99[$route,$LAST]} ms, **$r ×**" \
    "$(awk -v r="$r" -v a="${R_P99[$route,$LAST]}" 'BEGIN { print (r != "–" && a > 0 && r <= 1.2) ? 1 : 0 }')"
done
for app in "${JUDGED[@]}"; do
  peak=0
  for m in $(seq 2 "$LAST"); do [ "${RSS[$app,$m]}" -gt "$peak" ] && peak=${RSS[$app,$m]}; done
  growth=$(awk -v a="$peak" -v b="${RSS[$app,1]}" 'BEGIN { printf "%+.1f", (a - b) / b * 100 }')
  goal "RSS after minute 1 ≤ 1.10 × minute 1's: $app | ${RSS[$app,1]} MiB, after it at most $peak MiB: **$growth %**" \
    "$(awk -v g="$growth" 'BEGIN { print (g <= 10) ? 1 : 0 }')"
done
goal "no Netty leak report | \"LEAK:\" lines: $(for app in "${SERVICES[@]}"; do printf '%s %s, ' "$app" "${LEAKS[$app]}"; done | sed 's/, $//')" \
  $((LEAK_TOTAL == 0))
for app in "${JUDGED[@]}"; do
  fd=$((FDS[$app,$LAST] - FDS[$app,1])) conn=$((CONNS[$app,$LAST] - CONNS[$app,1]))
  goal "fds and connections, last minute ≤ minute 1's + $GROWTH_SLACK: $app | fds ${FDS[$app,1]} → ${FDS[$app,$LAST]} (**$fd**), connections ${CONNS[$app,1]} → ${CONNS[$app,$LAST]} (**$conn**$(k=$(kinds_grown "$app"); [ -n "$k" ] && echo ": $k"))" \
    $((fd <= GROWTH_SLACK && conn <= GROWTH_SLACK))
done

jvm_line() { local app; for app in "${SERVICES[@]}"; do printf '%s `%s`, ' "$app" "$(jvm_flags "$app" | sed "s#$ROOT/##")"; done | sed 's/, $//'; }
report() {
  cat <<MD
# Soak results

Generated by \`SOAK_MINUTES=$SOAK_MINUTES bench/soak.sh\` on $START_TIME (commit \`$COMMIT\`; jars built $JARS_BUILT).
Method: \`docs/performance.md\` ("Soak").

- Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo);
  wrk, the four JVMs, PostgreSQL and Redis share them. Load average (1/5/15 min): $LOAD_START at start, $LOAD_END at end.
- JVMs (MALLOC_ARENA_MAX=2, Java $(java -version 2>&1 | head -n1 | cut -d'"' -f2)): $(jvm_line);
  gateway rate limits at $UNLIMITED (never capping).
- Capacity: \`wrk -t2 -c32 -d$PROBE\` on the public route after a $WARMUP warm-up of the three routes at full load:
  **$CAPACITY req/s** (p99 $CAPACITY_P99 ms). The soak offered half of it, $TARGET req/s per route:
  \`wrk -t1 -c$CONNECTIONS -d60s --latency -s wrk/paced-status.lua\` per route, pauses public ${PACE[public]} ms,
  JWT ${PACE[jwt]} ms, API key ${PACE[key]} ms.
- Routes: public \`/examples/public\`; bearer JWT \`/examples/jwt-only\` with the newest signed-in token; API key
  \`/examples/apikey-only\` with a key made through the management API; resource-service behind all three.
- On the side: $SIGNINS sign-ins through the stand-in ($SIGNIN_MS), $SIGNIN_FAILS failed; $REVOKED keys made,
  used and deleted through the API, 401 after the deletion in $REVOKE_MS; $INTENDED_401 intended 401s.
  Before the soak the first sign-in took $FIRST_SIGNIN_ATTEMPTS attempt(s) (a cold stand-in can miss auth-server's 1 s provider timeout).

| minute | public req/s | public p99 ms | JWT req/s | JWT p99 ms | key req/s | key p99 ms | non-2xx / socket errors (public, JWT, key) |
|---:|---:|---:|---:|---:|---:|---:|---|
$(for m in $(seq 1 "$LAST"); do
    printf '| %s | %s | %s | %s | %s | %s | %s | %s; %s; %s |\n' "$m" "${R_RPS[public,$m]}" "${R_P99[public,$m]}" \
      "${R_RPS[jwt,$m]}" "${R_P99[jwt,$m]}" "${R_RPS[key,$m]}" "${R_P99[key,$m]}" "${R_ERR[public,$m]}" "${R_ERR[jwt,$m]}" "${R_ERR[key,$m]}"
  done)

Each process halfway through each minute: VmRSS MiB / open fds / ESTABLISHED TCP connections.

| minute | $(IFS='|'; echo "${SERVICES[*]}" | sed 's/|/ | /g') |
|---:|$(for _ in "${SERVICES[@]}"; do printf -- '---:|'; done)
$(for m in $(seq 1 "$LAST"); do
    printf '| %s |' "$m"
    for app in "${SERVICES[@]}"; do printf ' %s / %s / %s |' "${RSS[$app,$m]}" "${FDS[$app,$m]}" "${CONNS[$app,$m]}"; done
    echo
  done)

## Goals

| goal | measured | |
|---|---|---|
$(printf '%s\n' "${GOAL_ROWS[@]}")

The stand-in identity provider is shown, not judged. ERROR lines in the logs (not a goal; read them when not 0):
$(for app in "${SERVICES[@]}"; do printf '%s %s, ' "$app" "${LOG_ERRORS[$app]}"; done | sed 's/, $//').
MD
}

mkdir -p "$(dirname "$RESULTS")"
report | tee "$RESULTS"
say ""
say "Written to $RESULTS"
grep -h ' FAIL ' "$OUT/sign-ins.log" "$OUT/revocations.log" | head -n 20 >&2
OK=1
[ $MISSED = 0 ] || { KEEP=1; exit 1; }
