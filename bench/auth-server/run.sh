#!/usr/bin/env bash
# Token issuance and federated logins: our auth-server against Keycloak 26.4, side by side in one run.
#   bench/auth-server/run.sh            (DURATION=20s CONNECTIONS=16 WARMUP=40s LOGIN_WARMUP=15 by default)
# Needs PostgreSQL and Redis at 127.0.0.1 (trust auth), wrk, python3, Java 17 and the Temurin 25 JDK
# under /usr/lib/jvm (Keycloak 26 needs it). Writes bench/auth-server/RESULTS.md.
set -euo pipefail
# Several instances of an app run side by side here: each takes a free management port.
export MANAGEMENT_PORT=0

cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE=$ROOT/bench/auth-server
WORK=$ROOT/bench/.work
mkdir -p "$WORK"
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-40s}
LOGIN_SECONDS=${LOGIN_SECONDS:-20}
LOGIN_CONCURRENCY=${LOGIN_CONCURRENCY:-8}
LOGIN_WARMUP=${LOGIN_WARMUP:-15} # seconds
KC_VERSION=26.4.0
KC_JAVA=${KC_JAVA:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n1)}
OUR_PORT=19000 IDP_PORT=19099 KC_PORT=18180 KC_MGMT_PORT=19001
OUR_JVM="@deploy/jvm/auth-server.args" # production flags; MALLOC_ARENA_MAX=2 below
GW_SECRET=bench-gateway-secret-0123456789abcdef0123 CLIENT_SECRET=bench-client-secret-0123456789abcdef01234
KC_SECRET=bench-client-secret-0123456789abcdef0123
PIDS=()

log() { printf '[bench] %s\n' "$*" >&2; }
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
[ -n "$KC_JAVA" ] || { echo "Temurin 25 JDK not found under /usr/lib/jvm" >&2; exit 1; }
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

wait_for() { # url
  for _ in $(seq 1 180); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  echo "not up: $1" >&2; exit 1
}
peak_rss_mb() { awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$1/status"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }

# --- builds and downloads -----------------------------------------------------------------------
for module in auth-server local-idp; do
  [ -f "$module/target/$module-0.1.0-SNAPSHOT.jar" ] || ./mvnw -q -B -DskipTests -pl "$module" -am package
done
if [ ! -x "$WORK/keycloak-$KC_VERSION/bin/kc.sh" ]; then
  ./mvnw -q -B dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory="$WORK"
  (cd "$WORK" && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip")
fi

# --- databases: fresh for both ------------------------------------------------------------------
for db in platform_bench keycloak_bench; do
  psql -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
done

# --- our side: stand-in IdP (non-interactive) and auth-server -----------------------------------
IDP_CONFIG='{"interactiveLogin":false,"tokenCallbacks":[{"issuerId":"local","tokenExpiry":3600,"requestMappings":[{"requestParam":"grant_type","match":"*","claims":{"sub":"bench-user","email":"bench@example.com","email_verified":true,"name":"Bench User","picture":"https://avatars.example/bench-user"}}]}]}'
SERVER_PORT=$IDP_PORT JSON_CONFIG=$IDP_CONFIG java -Xmx256m -jar local-idp/target/local-idp-0.1.0-SNAPSHOT.jar \
  >"$WORK/local-idp.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$IDP_PORT/local/.well-known/openid-configuration"

POSTGRES_DB=platform_bench AUTH_SERVER_PORT=$OUR_PORT AUTH_ISSUER=http://127.0.0.1:$OUR_PORT \
  LOCAL_IDP_URL=http://127.0.0.1:$IDP_PORT SPRING_PROFILES_ACTIVE=local PLATFORM_REDIS_NAMESPACE=bench-as \
  PLATFORM_SIGNING_SECRET=bench-signing-secret-0123456789abcdef0123 GATEWAY_CLIENT_SECRET=$GW_SECRET \
  PORTAL_CLIENT_SECRET=bench-portal-secret-0123456789abcdef0123 \
  MALLOC_ARENA_MAX=2 java $OUR_JVM -jar auth-server/target/auth-server-0.1.0-SNAPSHOT.jar \
  --platform.clients.bench.secret=$CLIENT_SECRET --platform.clients.bench.grant-types=client_credentials \
  --platform.clients.bench.scopes=platform.api >"$WORK/auth-server.log" 2>&1 &
OUR_PID=$!
PIDS+=($OUR_PID)

# --- Keycloak on PostgreSQL ---------------------------------------------------------------------
JAVA_HOME=$KC_JAVA KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  "$WORK/keycloak-$KC_VERSION/bin/kc.sh" start --http-enabled=true --http-host=127.0.0.1 --http-port=$KC_PORT \
  --http-management-port=$KC_MGMT_PORT --hostname-strict=false --cache=local --db=postgres \
  --db-url=jdbc:postgresql://127.0.0.1:5432/keycloak_bench --db-username=postgres --db-password=unused \
  >"$WORK/keycloak.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$OUR_PORT/readyz"
wait_for "http://127.0.0.1:$KC_PORT/realms/master"
KC_PID=$(pgrep -f "keycloak_bench" | head -n1)

KC=http://127.0.0.1:$KC_PORT
admin_token=$(curl -fs -d client_id=admin-cli -d username=admin -d password=admin -d grant_type=password \
  "$KC/realms/master/protocol/openid-connect/token" | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
curl -fs -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
  -d '{"realm":"bench","enabled":true,"accessTokenLifespan":900}' "$KC/admin/realms"
curl -fs -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' "$KC/admin/realms/bench/clients" -d '{
  "clientId":"bench-client","enabled":true,"publicClient":false,"secret":"'$KC_SECRET'","serviceAccountsEnabled":true,
  "standardFlowEnabled":false,"directAccessGrantsEnabled":false,"attributes":{"standard.token.exchange.enabled":"true"},
  "protocolMappers":[{"name":"aud-self","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
    "config":{"included.client.audience":"bench-client","access.token.claim":"true","id.token.claim":"false"}}]}'

# --- an API key for our token exchange (bench-key.sh) ------------------------------------------
API_KEY=$("$HERE/bench-key.sh" platform_bench)

# --- load --------------------------------------------------------------------------------------
OURS_TOKEN=http://127.0.0.1:$OUR_PORT/oauth2/token
KC_TOKEN=$KC/realms/bench/protocol/openid-connect/token
# Client credentials as a client only the benchmark registers; the API-key exchange as the gateway.
OURS_CC_BASIC=$(printf 'bench:%s' "$CLIENT_SECRET" | base64 -w0)
OURS_BASIC=$(printf 'gateway:%s' "$GW_SECRET" | base64 -w0)
KC_BASIC=$(printf 'bench-client:%s' "$KC_SECRET" | base64 -w0)
CC_BODY=grant_type=client_credentials
OURS_TX_BODY="grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=$API_KEY&subject_token_type=urn:ssoplatform:params:oauth:token-type:api-key"
KC_SUBJECT=$(curl -fs -u "bench-client:$KC_SECRET" -d grant_type=client_credentials "$KC_TOKEN" \
  | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
KC_TX_BODY="grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=$KC_SUBJECT&subject_token_type=urn:ietf:params:oauth:token-type:access_token"
for check in "$OURS_TOKEN|$OURS_CC_BASIC|$CC_BODY" "$OURS_TOKEN|$OURS_BASIC|$OURS_TX_BODY" "$KC_TOKEN|$KC_BASIC|$CC_BODY" "$KC_TOKEN|$KC_BASIC|$KC_TX_BODY"; do
  IFS='|' read -r url basic body <<<"$check"
  curl -fs -o /dev/null -H "Authorization: Basic $basic" -d "$body" "$url" || { echo "sanity request failed: $url" >&2; exit 1; }
done

WRK_CMD="wrk -t2 -c$CONNECTIONS -d$DURATION --latency -s bench/wrk/form-post.lua"
run_wrk() { # name url basic body -> "rps p50 p99 errors"
  BODY=$4 BASIC=$3 wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/wrk/form-post.lua "$2" >/dev/null # warm-up (JIT)
  local out
  out=$(BODY=$4 BASIC=$3 $WRK_CMD "$2")
  printf '%s\n' "$out" >"$WORK/wrk-$1.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  echo "$rps $p50 $p99 ${errors:-0}"
}

LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
log "client credentials: ours"; read -r o_cc o_cc50 o_cc99 o_cce < <(run_wrk ours-cc "$OURS_TOKEN" "$OURS_CC_BASIC" "$CC_BODY")
log "client credentials: keycloak"; read -r k_cc k_cc50 k_cc99 k_cce < <(run_wrk kc-cc "$KC_TOKEN" "$KC_BASIC" "$CC_BODY")
log "token exchange: ours (API key)"; read -r o_tx o_tx50 o_tx99 o_txe < <(run_wrk ours-tx "$OURS_TOKEN" "$OURS_BASIC" "$OURS_TX_BODY")
log "token exchange: keycloak (access token)"; read -r k_tx k_tx50 k_tx99 k_txe < <(run_wrk kc-tx "$KC_TOKEN" "$KC_BASIC" "$KC_TX_BODY")
log "federated logins: ours"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
java "$HERE/LoginLoad.java" "http://127.0.0.1:$OUR_PORT" local "$LOGIN_CONCURRENCY" "$LOGIN_WARMUP" >/dev/null # warm-up (JIT)
IDP_PID=${PIDS[0]} A0=$(ticks "$OUR_PID") I0=$(ticks "${PIDS[0]}")
LOGINS=$(java "$HERE/LoginLoad.java" "http://127.0.0.1:$OUR_PORT" local "$LOGIN_CONCURRENCY" "$LOGIN_SECONDS")
A1=$(ticks "$OUR_PID") I1=$(ticks "$IDP_PID")
LOGIN_COUNT=$(sed -n 's/^logins=\([0-9]*\).*/\1/p' <<<"$LOGINS")
per_login_ms() { python3 -c "print(f'{($2 - $1) * 1000 / $(getconf CLK_TCK) / max(1, $LOGIN_COUNT):.1f}')"; }
AUTH_MS=$(per_login_ms "$A0" "$A1") IDP_MS=$(per_login_ms "$I0" "$I1")
LOAD_END=$(cut -d' ' -f1 /proc/loadavg)
O_HWM=$(peak_rss_mb "$OUR_PID") O_RSS=$(rss_mb "$OUR_PID") K_HWM=$(peak_rss_mb "$KC_PID") K_RSS=$(rss_mb "$KC_PID")

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
{
  echo "# auth-server vs Keycloak $KC_VERSION: token issuance and federated logins"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; 1-min load average $LOAD_START at start, $LOAD_END at end."
  echo "Load: \`$WRK_CMD <url>\` after a $WARMUP warm-up, body and Basic client authentication from"
  echo "\`bench/wrk/form-post.lua\`. Ours: \`java $OUR_JVM -jar auth-server.jar\` (Java $(java -version 2>&1 | awk -F'\"' 'NR==1{print $2}'));"
  echo "Keycloak: \`kc.sh start\` (its own JVM defaults) on Temurin 25, both on the same PostgreSQL 15."
  echo
  echo "| grant | server | tokens/s | p50 | p99 | non-2xx | ratio ours/Keycloak |"
  echo "|---|---|---|---|---|---|---|"
  echo "| client_credentials | ours | $o_cc | $o_cc50 | $o_cc99 | $o_cce | $(ratio "$o_cc" "$k_cc") |"
  echo "| client_credentials | Keycloak | $k_cc | $k_cc50 | $k_cc99 | $k_cce | |"
  echo "| token exchange | ours (API key → JWT) | $o_tx | $o_tx50 | $o_tx99 | $o_txe | $(ratio "$o_tx" "$k_tx") |"
  echo "| token exchange | Keycloak (access token → access token) | $k_tx | $k_tx50 | $k_tx99 | $k_txe | |"
  echo
  echo "Memory after the run: ours peak RSS ${O_HWM} MiB (now ${O_RSS} MiB); Keycloak peak RSS ${K_HWM} MiB (now ${K_RSS} MiB)."
  echo
  echo "Federated logins end to end (\`java bench/auth-server/LoginLoad.java\`, $LOGIN_CONCURRENCY clients, ${LOGIN_SECONDS} s;"
  echo "JSON login → stand-in IdP authorize → callback: code exchange at the IdP (no userinfo call: the ID token carries the profile), provisioning, token):"
  echo "\`$LOGINS\`"
  echo
  echo "CPU per login (after a $LOGIN_WARMUP s warm-up): auth-server ${AUTH_MS} ms, stand-in IdP ${IDP_MS} ms; the load"
  echo "client, PostgreSQL and Redis take the rest of the $(nproc) cores."
} | tee "$HERE/RESULTS.md"
