#!/usr/bin/env bash
# Several auth-server builds side by side: [LOAD=logins|client-credentials|token-exchange] bench/auth-server/ab.sh A.jar B.jar ...
# Each jar runs with the production flags on its own port, all on one fresh database and one stand-in IdP;
# after WARMUP_ROUNDS rounds, ROUNDS rounds of SECONDS alternate between them, each line reporting the rate
# and the CPU one operation cost auth-server (and the IdP). LOAD=logins (default): federated logins,
# `LoginLoad.java ... local 8 SECONDS`; LOAD=client-credentials: `wrk -t2 -c16` on the token endpoint;
# LOAD=token-exchange: the same with one API key (run.sh's) as the subject token.
# JVM_EXTRA adds JVM flags to every jar's (e.g. -XX:NativeMemoryTracking=summary), JVM_EXTRA_<n> to the n-th jar's
# only (the same jar twice with different flags compares the flags).
# Only the ratios between the jars of one run mean anything (a shared, noisy 2-core machine).
set -euo pipefail
# Several instances of an app run side by side here: each takes a free management port.
export MANAGEMENT_PORT=0
cd "$(dirname "$0")/../.."
HERE=bench/auth-server
LOAD=${LOAD:-logins} ROUNDS=${ROUNDS:-3} WARMUP_ROUNDS=${WARMUP_ROUNDS:-4} SECONDS_PER_RUN=${SECONDS_PER_RUN:-20} CLIENTS=${CLIENTS:-8}
DB=platform_bench_ab IDP_PORT=19199 FIRST_PORT=19100 GW_SECRET=bench-gateway-secret-0123456789abcdef0123 CLIENT_SECRET=bench-client-secret-0123456789abcdef01234
[ $# -ge 1 ] || { echo "usage: $0 auth-server.jar [auth-server.jar ...]" >&2; exit 2; }
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_for() { for _ in $(seq 1 180); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done; echo "not up: $1" >&2; exit 1; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)

psql -h 127.0.0.1 -U postgres -qAt -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
[ -f local-idp/target/local-idp-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B -DskipTests -pl local-idp -am package
IDP_CONFIG='{"interactiveLogin":false,"tokenCallbacks":[{"issuerId":"local","tokenExpiry":3600,"requestMappings":[{"requestParam":"grant_type","match":"*","claims":{"sub":"bench-user","email":"bench@example.com","email_verified":true,"name":"Bench User","picture":"https://avatars.example/bench-user"}}]}]}'
SERVER_PORT=$IDP_PORT JSON_CONFIG=$IDP_CONFIG java -Xmx256m -jar local-idp/target/local-idp-0.1.0-SNAPSHOT.jar >/dev/null 2>&1 &
IDP_PID=$!
PIDS+=($IDP_PID)
wait_for "http://127.0.0.1:$IDP_PORT/local/.well-known/openid-configuration"

declare -a PORT PID NAME
extra_flags() { local name=JVM_EXTRA_$1; echo "${!name:-}"; }
for i in $(seq 0 $(($# - 1))); do
  jar=${@:$((i + 1)):1}
  PORT[$i]=$((FIRST_PORT + i)) NAME[$i]=$(basename "$jar")$(extra_flags $((i + 1)) | sed -e 's/^./+&/' -e 's/ /+/g')
  # One after the other: the first one migrates the database.
  POSTGRES_DB=$DB AUTH_SERVER_PORT=${PORT[$i]} AUTH_ISSUER=http://127.0.0.1:${PORT[$i]} \
    LOCAL_IDP_URL=http://127.0.0.1:$IDP_PORT SPRING_PROFILES_ACTIVE=local PLATFORM_REDIS_NAMESPACE=bench-ab \
    PLATFORM_SIGNING_SECRET=bench-signing-secret-0123456789abcdef0123 \
    GATEWAY_CLIENT_SECRET=$GW_SECRET \
    PORTAL_CLIENT_SECRET=bench-portal-secret-0123456789abcdef0123 \
    MALLOC_ARENA_MAX=2 java @deploy/jvm/auth-server.args ${JVM_EXTRA:-} $(extra_flags $((i + 1))) -jar "$jar" \
    --platform.clients.bench.secret=$CLIENT_SECRET --platform.clients.bench.grant-types=client_credentials \
    --platform.clients.bench.scopes=platform.api >/dev/null 2>&1 &
  PID[$i]=$!
  PIDS+=(${PID[$i]})
  wait_for "http://127.0.0.1:${PORT[$i]}/readyz"
done

# Client credentials as a client only the benchmark registers; the API-key exchange as the gateway.
BODY=grant_type=client_credentials CLIENT=bench:$CLIENT_SECRET
if [ "$LOAD" = token-exchange ]; then # run.sh's API key
  CLIENT=gateway:$GW_SECRET
  API_KEY=$("$HERE/bench-key.sh" $DB)
  BODY="grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=$API_KEY&subject_token_type=urn:ssoplatform:params:oauth:token-type:api-key"
fi

load() { # index -> "logins=N ..." or "tokens=N tokens_per_s=R p99=..."
  if [ "$LOAD" = logins ]; then
    java "$HERE/LoginLoad.java" "http://127.0.0.1:${PORT[$1]}" local "$CLIENTS" "$SECONDS_PER_RUN"
  else
    BODY=$BODY BASIC=$(printf '%s' "$CLIENT" | base64 -w0) \
      wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -s bench/wrk/form-post.lua "http://127.0.0.1:${PORT[$1]}/oauth2/token" \
      | awk '$2 == "requests" && $3 == "in" { n = $1 } $1 == "99%" { p99 = $2 } /Requests\/sec/ { r = $2 }
          /Non-2xx/ { e = $NF } END { printf "tokens=%d tokens_per_s=%s p99=%s non_2xx=%d\n", n, r, p99, e }'
  fi
}

busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; } # the whole machine: user, nice, system, irq, softirq
pg_ticks() { local t=0 pid; for pid in $(pgrep -x postgres); do t=$((t + $(ticks "$pid" 2>/dev/null || echo 0))); done; echo $t; }
run() { # round index
  local a0 i0 p0 m0 out n
  a0=$(ticks "${PID[$2]}") i0=$(ticks "$IDP_PID") p0=$(pg_ticks) m0=$(busy_ticks)
  out=$(load "$2")
  n=$(sed -n 's/^[a-z]*=\([0-9]*\).*/\1/p' <<<"$out")
  awk -v r="$1" -v name="${NAME[$2]}" -v out="$out" -v a=$(($(ticks "${PID[$2]}") - a0)) \
    -v i=$(($(ticks "$IDP_PID") - i0)) -v p=$(($(pg_ticks) - p0)) -v m=$(($(busy_ticks) - m0)) -v n="$n" -v hz="$HZ" \
    -v hwm="$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/${PID[$2]}/status")" \
    'BEGIN { printf "%s %s %s auth_server_ms=%.2f idp_ms=%.2f postgres_ms=%.2f machine_ms=%.2f vmhwm_mib=%s\n", r, name,
      out, a * 1000 / hz / n, i * 1000 / hz / n, p * 1000 / hz / n, m * 1000 / hz / n, hwm }'
}
for r in $(seq 1 "$WARMUP_ROUNDS"); do for i in "${!PID[@]}"; do run "warm-up-$r" "$i" >/dev/null; done; done
for r in $(seq 1 "$ROUNDS"); do for i in "${!PID[@]}"; do run "round-$r" "$i"; done; done
