#!/usr/bin/env bash
# Benchmark the built jar on a fresh database, loopback only:
#   bench/run-bench.sh h2    [label]   # H2 file database (WRITE_DELAY=0, as shipped) in a temp dir
#   bench/run-bench.sh mysql [label]   # MariaDB/MySQL at 127.0.0.1:3306 root/no password, own schema, dropped after
# Env: CLIENTS (6), SECONDS_PER_ROUND (15), ROUNDS (3), WARMUP (s per mode, 8), MODES, JFR=1 (record a profile), JAVA_OPTS, APP_ARGS.
# Writes bench-results/<db>[-label].md: start-up time, throughput next to the bare engine, RSS and heap after load.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-h2}
LABEL=${2:-}
CLIENTS=${CLIENTS:-6}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-15}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-8}
MODES=${MODES:-bare,register,bare-lifecycle,lifecycle}
JAR=$(ls target/disclosure-desk-*.jar | grep -v original | head -1)
WORK=$(mktemp -d /tmp/dd-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
OUT=bench-results/${DB}${LABEL:+-$LABEL}.md
mkdir -p bench-results

DBARGS=()
SCHEMA=""
if [ "$DB" = mysql ]; then
  SCHEMA="dd_bench_$$_$(date +%s)"
  DBARGS=(--spring.profiles.active=mysql
    "--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/$SCHEMA?createDatabaseIfNotExist=true&sendFractionalSeconds=false&characterEncoding=UTF-8"
    --spring.datasource.username=root --spring.datasource.password=
    --camunda.bpm.admin-user.password=admin --disclosure.demo-users=true)
else
  DBARGS=("--spring.datasource.url=jdbc:h2:file:$WORK/db;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000")
fi
JFRARGS=()
if [ "${JFR:-0}" = 1 ]; then
  JFRARGS=("-XX:StartFlightRecording=filename=$WORK/profile.jfr,settings=profile")
fi

cleanup() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$SCHEMA" ]; then mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $SCHEMA" || true; fi
}
trap cleanup EXIT

T0=$(date +%s%N)
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx512m} "${JFRARGS[@]}" -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --disclosure.data-dir="$WORK" --spring.mail.host=127.0.0.1 --spring.mail.port=1 "${DBARGS[@]}" ${APP_ARGS:-} \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; do
  kill -0 $APP_PID 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
  sleep 0.2
done
STARTUP_MS=$(( ($(date +%s%N) - T0) / 1000000 ))
echo "started in ${STARTUP_MS} ms (pid $APP_PID, port $PORT, log $WORK/app.log)"

java bench/LoadGenerator.java --base="http://127.0.0.1:$PORT" --clients="$CLIENTS" --seconds="$SECONDS_PER_ROUND" \
  --rounds="$ROUNDS" --warmup="$WARMUP" --modes="$MODES" --label="${DB}${LABEL:+ $LABEL}" --out="$WORK/table.md"

RSS_KB=$(awk '/VmRSS/ {print $2}' /proc/$APP_PID/status)
jcmd $APP_PID GC.run >/dev/null 2>&1 || true
sleep 1
HEAP=$(jcmd $APP_PID GC.heap_info 2>/dev/null | grep -Eo 'total [0-9]+K, used [0-9]+K' | head -1 || true)
HEAP_USED_MB=$(echo "$HEAP" | grep -Eo 'used [0-9]+K' | grep -Eo '[0-9]+' | awk '{printf "%.0f", $1/1024}')
if [ "${JFR:-0}" = 1 ]; then
  jcmd $APP_PID JFR.dump filename="$WORK/profile.jfr" >/dev/null
  echo "JFR profile: $WORK/profile.jfr  (jfr print --events jdk.ExecutionSample $WORK/profile.jfr)"
fi
{
  echo "## ${DB}${LABEL:+ ($LABEL)} — $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD), $(nproc) cores"
  echo
  echo "Command: \`CLIENTS=$CLIENTS SECONDS_PER_ROUND=$SECONDS_PER_ROUND ROUNDS=$ROUNDS WARMUP=$WARMUP bench/run-bench.sh $DB${LABEL:+ $LABEL}\`"
  echo
  cat "$WORK/table.md"
  echo
  echo "| resource | value |"
  echo "|---|---|"
  echo "| start-up to health UP (fresh database, incl. schema creation) | ${STARTUP_MS} ms |"
  echo "| RSS after load | $((RSS_KB / 1024)) MB |"
  echo "| heap used after load + full GC | ${HEAP_USED_MB:-?} MB (-Xmx from JAVA_OPTS: ${JAVA_OPTS:--Xmx512m}) |"
} > "$OUT"
cat "$OUT"
