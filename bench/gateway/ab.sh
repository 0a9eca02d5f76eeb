#!/usr/bin/env bash
# Several gateway builds side by side, with plain Spring Cloud Gateway as the reference:
#   [ROUTES="public key jwt"] [JVM_EXTRA_2="-D..."] bench/gateway/ab.sh A.jar B.jar ...
# (JVM_EXTRA_i: more JVM options for the i-th jar; JVM_EXTRA_0 for plain SCG; ROUTES_i: the routes the
# i-th jar runs, of ROUTES, e.g. ROUTES_1=public ROUTES_2=key for processes each warm on one route alone)
# One nginx backend, one auth-server (fresh database, one API key, one client-credentials JWT), every
# jar on its own port with the production flags; after WARMUP_ROUNDS, ROUNDS rounds alternate
# `wrk -t2 -c32 -dSECONDS_PER_RUN` between plain SCG and the jars on each route, each line reporting
# req/s, p99 and the CPU one request cost that process. Rate limits as in run.sh (never capping).
# Only the ratios within one run mean anything (a shared, noisy 2-core machine).
# PACE_MS=5: every run paced as run.sh's half-load runs (wrk/paced.lua: each connection pauses that long
# after each response), to compare p99 at a set rate rather than throughput.
# PROFILER=/path/to/libasyncProfiler.so (async-profiler, Maven Central tools.profiler:async-profiler):
# a diagnostic run, not a measurement: every measured window of every process is profiled on its own
# (PROFILER_EVENT, by default event=cpu,interval=1ms; event=alloc samples allocations instead),
# started and stopped with jcmd, its stacks appended to $WORK/profile-NAME-ROUTE.collapsed and its
# request count to the .requests file beside it; compare two with profile-diff.py.
set -euo pipefail
# Several instances of an app run side by side here: each takes a free management port.
export MANAGEMENT_PORT=0
cd "$(dirname "$0")/../.."
HERE=bench/gateway
ROUTES=${ROUTES:-public key} ROUNDS=${ROUNDS:-3} WARMUP_ROUNDS=${WARMUP_ROUNDS:-2} SECONDS_PER_RUN=${SECONDS_PER_RUN:-12}
DB=platform_bench_gw_ab NS=bench-gw-ab NGINX_PORT=19280 AUTH_PORT=19281 PLAIN_PORT=19282 FIRST_PORT=19290
UNLIMITED=1000000000 GW_SECRET=bench-gateway-secret-0123456789abcdef0123 CLIENT_SECRET=bench-client-secret-0123456789abcdef01234
[ $# -ge 1 ] || { echo "usage: $0 gateway.jar [gateway.jar ...]" >&2; exit 2; }
WORK=$(mktemp -d /tmp/bench-gw-ab.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  redis-cli --scan --pattern "$NS:*" | xargs -r redis-cli DEL >/dev/null
  echo "logs in $WORK" >&2
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 180); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done; echo "not up: $1" >&2; exit 1; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
export MALLOC_ARENA_MAX=2

mkdir -p "$WORK/nginx/www" "$WORK/nginx/tmp" && chmod -R a+rx "$WORK"
printf '{"id":42,"name":"bench","status":"ok","tags":["a","b","c"],"updated_at":"2025-01-01T00:00:00Z"}\n' >"$WORK/nginx/www/data.json"
sed -e "s#@DIR@#$WORK/nginx#g" -e "s#@PORT@#$NGINX_PORT#g" -e "s#@PROXY_PORT@#$((NGINX_PORT + 100))#g" \
  "$HERE/nginx.conf" >"$WORK/nginx/nginx.conf"
"$(command -v nginx || echo /usr/sbin/nginx)" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=($!)

[ -f bench/gateway/plain-scg/target/plain-scg-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -f bench/gateway/plain-scg/pom.xml package
psql -h 127.0.0.1 -U postgres -qAt -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
AUTH_SERVER_PORT=$AUTH_PORT POSTGRES_DB=$DB AUTH_ISSUER=http://127.0.0.1:$AUTH_PORT PLATFORM_REDIS_NAMESPACE=$NS \
  PLATFORM_SIGNING_SECRET=bench-signing-secret-0123456789abcdef0123 GATEWAY_CLIENT_SECRET=$GW_SECRET \
  PORTAL_CLIENT_SECRET=bench-portal-secret-0123456789abcdef0123 \
  java @deploy/jvm/auth-server.args -jar auth-server/target/auth-server-0.1.0-SNAPSHOT.jar \
  --platform.clients.bench.secret=$CLIENT_SECRET --platform.clients.bench.grant-types=client_credentials \
  --platform.clients.bench.scopes=platform.api >"$WORK/auth-server.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$AUTH_PORT/readyz"
USER_ID=$(psql -h 127.0.0.1 -U postgres -d $DB -Atq -c "INSERT INTO users (email, full_name) VALUES ('bench@example.com', 'Bench') RETURNING id")
java -cp platform-contract/target/platform-contract-0.1.0-SNAPSHOT.jar "$HERE/KeyGen.java" 1 "$USER_ID" "$WORK/keys.txt" "$WORK/keys.tsv"
psql -h 127.0.0.1 -U postgres -d $DB -q -v ON_ERROR_STOP=1 \
  -c "\\copy api_keys (user_id, name, key_hash, key_prefix, key_last_chars) FROM '$WORK/keys.tsv'" \
  -c "INSERT INTO apikey_roles SELECT k.id, r.id FROM api_keys k CROSS JOIN roles r WHERE r.name = 'user'"
KEY=$(cat "$WORK/keys.txt")
# A client-credentials token of a client only the benchmark registers: a real RS256 JWT, checked against the JWKS.
JWT=$(curl -s -u "bench:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=platform.api \
  "http://127.0.0.1:$AUTH_PORT/oauth2/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$JWT" ] || { echo "no client-credentials token from auth-server" >&2; exit 1; }

declare -a PORT PID NAME
java @deploy/jvm/gateway.args ${JVM_EXTRA_0:-} -jar bench/gateway/plain-scg/target/plain-scg-0.1.0-SNAPSHOT.jar --server.port=$PLAIN_PORT \
  --spring.cloud.gateway.server.webflux.routes[0].id=backend \
  --spring.cloud.gateway.server.webflux.routes[0].uri=http://127.0.0.1:$NGINX_PORT \
  "--spring.cloud.gateway.server.webflux.routes[0].predicates[0]=Path=/**" >"$WORK/plain-scg.log" 2>&1 &
PORT[0]=$PLAIN_PORT PID[0]=$! NAME[0]=plain-scg
PIDS+=(${PID[0]})
for i in $(seq 1 $#); do
  jar=${!i}
  cp "$jar" "$WORK/gateway-$i.jar" # a rebuild in the tree cannot swap a jar under a running benchmark
  PORT[$i]=$((FIRST_PORT + i)) NAME[$i]=$(basename "$jar") extra=JVM_EXTRA_$i
  GATEWAY_PORT=${PORT[$i]} PLATFORM_REDIS_NAMESPACE=$NS AUTH_SERVER_URL=http://127.0.0.1:$AUTH_PORT \
    AUTH_ISSUER=http://127.0.0.1:$AUTH_PORT RESOURCE_SERVICE_URL=http://127.0.0.1:$NGINX_PORT GATEWAY_CLIENT_SECRET=$GW_SECRET \
    java @deploy/jvm/gateway.args ${!extra:-} -jar "$WORK/gateway-$i.jar" \
    --platform.gateway.rate-limit.api-key.capacity=$UNLIMITED --platform.gateway.rate-limit.api-key.replenish-per-second=$UNLIMITED \
    --platform.gateway.rate-limit.user.capacity=$UNLIMITED --platform.gateway.rate-limit.user.replenish-per-second=$UNLIMITED \
    >"$WORK/gateway-$i.log" 2>&1 &
  PID[$i]=$!
  PIDS+=(${PID[$i]})
done
for i in "${!PORT[@]}"; do wait_for "http://127.0.0.1:${PORT[$i]}/examples/public"; done

profiling() { [ -n "${PROFILER:-}" ] && [ "$1" != warm-up ]; }
# route_request route port: sets url and header, what wrk sends on that route of that port.
route_request() {
  url=http://127.0.0.1:$2/examples/data header=()
  case $1 in
    public) url=http://127.0.0.1:$2/examples/public ;;
    key) header=(-H "X-API-Key: $KEY") ;;
    jwt) header=(-H "Authorization: Bearer $JWT") ;;
  esac
}
run() { # round route index
  local url t0 out
  local -a header=() pace=()
  [ -n "${PACE_MS:-}" ] && pace=(-s "$HERE/wrk/paced.lua")
  route_request "$2" "${PORT[$3]}"
  if [ "$3" = 0 ] && [ "$2" != public ]; then return; fi # plain SCG has no credentials to check
  local only=ROUTES_$3
  if [ -n "${!only:-}" ] && [[ " ${!only} " != *" $2 "* ]]; then return; fi
  profiling "$1" && jcmd "${PID[$3]}" JVMTI.agent_load "$PROFILER" "\"start,${PROFILER_EVENT:-event=cpu,interval=1ms}\"" >/dev/null
  t0=$(ticks "${PID[$3]}")
  out=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "${pace[@]}" "${header[@]}" "$url")
  if profiling "$1"; then
    jcmd "${PID[$3]}" JVMTI.agent_load "$PROFILER" "\"stop,file=$WORK/window.collapsed,collapsed\"" >/dev/null
    cat "$WORK/window.collapsed" >>"$WORK/profile-${NAME[$3]}-$2.collapsed"
    awk '$2 == "requests" && $3 == "in" { print $1 }' <<<"$out" >>"$WORK/profile-${NAME[$3]}-$2.requests"
  fi
  awk -v round="$1" -v route="$2" -v name="${NAME[$3]}" -v dt=$(($(ticks "${PID[$3]}") - t0)) -v hz="$HZ" '
    $2 == "requests" && $3 == "in" { n = $1 } $1 == "99%" { p99 = $2 } /Requests\/sec/ { r = $2 } /Non-2xx/ { e = $NF }
    END { printf "%s %-6s %-28s req_s=%-8s p99=%-8s non_2xx=%d cpu_us_per_req=%.0f\n", round, route, name, r, p99, e, dt / hz * 1e6 / n }' <<<"$out"
}
# Even rounds take the routes and the processes in the reverse order, so a machine that speeds up or
# slows down during the rounds favours none of them.
in_order() { printf '%s\n' "$@" | { [ $((round % 2)) = 1 ] && cat || tac; }; }
# MIXED_WARMUP_SECONDS=60: before the rounds, each of our processes is warmed on all its routes at once
# (one wrk per route, -c16 each), so its JIT compiles the shared code for every route it will serve
# rather than for the first route it happened to see.
if [ -n "${MIXED_WARMUP_SECONDS:-}" ]; then
  for i in "${!PORT[@]}"; do
    [ "$i" = 0 ] && continue
    only=ROUTES_$i warmers=()
    for route in ${!only:-$ROUTES}; do
      route_request "$route" "${PORT[$i]}"
      wrk -t1 -c16 -d"${MIXED_WARMUP_SECONDS}s" "${header[@]}" "$url" >/dev/null &
      warmers+=($!)
    done
    wait "${warmers[@]}"
    echo "mixed warm-up of ${NAME[$i]}: ${MIXED_WARMUP_SECONDS}s on ${!only:-$ROUTES} at once"
  done
fi
for round in $(seq 1 $((WARMUP_ROUNDS + ROUNDS))); do
  label=$([ "$round" -le "$WARMUP_ROUNDS" ] && echo "warm-up" || echo "round-$((round - WARMUP_ROUNDS))")
  for route in $(in_order $ROUTES); do
    for i in $(in_order "${!PORT[@]}"); do run "$label" "$route" "$i"; done
  done
done
