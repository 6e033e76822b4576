#!/usr/bin/env bash
# Crash-restart acceptance test: kill -9 the server (round 1), then the server and its PostgreSQL (round 2)
# while Client.java streams 200,000 contacts through /batch and single POSTs; restart; resend whatever got no
# 2xx; check in SQL that every acknowledged contact is stored exactly once with the content that was sent.
#
# Usage: bench/crash-restart/run.sh            (about 3–5 minutes on 2 cores; exit 0 = PASS)
# Env:   BENCH_TOTAL=200000  BENCH_SEED=<number, picks the kill moments>  BENCH_PORT=18731
#        BENCH_SYNC_COMMIT=on  set synchronous_commit=on for the app's role before streaming (a what-if)
#        BENCH_JAR=/path/to/maatwerk.jar  BENCH_JVM_OPTS=-Xmx2g  BENCH_KEEP=1 (keep the data dir)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"

TOTAL=${BENCH_TOTAL:-200000}
SEED=${BENCH_SEED:-$(( $(date +%s) % 100000 ))}
RANDOM=$SEED
work=$(mktemp -d /tmp/bench-crash-XXXXXX)
data="$work/data"
cd "$work"
PORT=$(bench_free_port "${BENCH_PORT:-18731}")
URL="http://127.0.0.1:$PORT"
SERVER_PID=""
CLIENT_PID=""
NSTART=0
SERVER_LOG=""
run_started=$SECONDS
results="$here/RESULTS.md"
declare -a ROWS=()        # one markdown table row per round
declare -a FINDINGS=()
verdict=PASS

cleanup() {
  local rc=$?
  set +e
  [ -n "$CLIENT_PID" ] && kill "$CLIENT_PID" 2>/dev/null && wait "$CLIENT_PID" 2>/dev/null
  bench_stop_server "$data"
  if [ "$verdict" = PASS ] && [ "${BENCH_KEEP:-0}" != 1 ] && [ $rc -eq 0 ]; then
    rm -rf "$work"
  else
    bench_log "kept $work for inspection (server logs, journals, client output)"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

client() { java "$here/Client.java" "$@"; }

# Starts the server; a restart after a crash is tried twice, and a failed first try is reported.
start() {
  local what=$1 t0=$SECONDS attempt
  for attempt in 1 2; do
    NSTART=$((NSTART + 1))
    SERVER_LOG="$work/server-$NSTART.log"
    if bench_start_server "$work/maatwerk.jar" "$PORT" "$data" "$SERVER_LOG"; then
      STARTED_IN=$((SECONDS - t0))
      START_ATTEMPTS=$attempt
      bench_log "server up ($what, attempt $attempt, ${STARTED_IN}s, pid $SERVER_PID, PostgreSQL pid $(bench_pg_pid "$data") port $(bench_pg_port "$data"))"
      return 0
    fi
    local why
    why=$(grep -E '^(java|Caused by)[^ ]*(Exception|Error)' "$SERVER_LOG" | head -3 | tr '\n' ' ' | cut -c1-400 || true)
    FINDINGS+=("$what: start attempt $attempt FAILED after $((SECONDS - t0)) s (postmaster of the killed server alive before the attempt: $PG_ALIVE_AT_RESTART): ${why:-see $(basename "$SERVER_LOG")}")
    bench_log "start attempt $attempt failed: $why"
    PG_ALIVE_AT_RESTART=$(bench_pg_alive "$data" && echo yes || echo no)
  done
  return 1
}

# verify SOURCE JOURNAL EXPECTED_CSV: prints "stored distinct duplicated journal_lines acked_distinct acked_missing
# mismatched missing_via_single missing_via_batch first_missing"
verify() {
  bench_psql "$data" -At -F' ' -v src="$1" <<SQL
create temp table expected (source_id text, channel text, direction text, kind text, topic text, subtopic text,
    occurred_at timestamptz, closed_at timestamptz, resolved_first_contact boolean, satisfaction smallint,
    neighbourhood text, district text, text text);
\copy expected from '$3' with (format csv)
create temp table acked (id integer, way text);
\copy acked from '$2' with (format text, delimiter ' ')
create temp table missing as select distinct a.id, a.way from acked a
  where not exists (select 1 from contact s where s.source = :'src' and s.source_id = 'c' || lpad(a.id::text, 7, '0'));
create temp table stored as select * from contact where source = :'src';
select (select count(*) from stored),
       (select count(distinct source_id) from stored),
       (select count(*) from (select source_id from stored group by 1 having count(*) > 1) d),
       (select count(*) from acked),
       (select count(distinct id) from acked),
       (select count(distinct id) from missing),
       (select count(*) from stored s left join expected e on e.source_id = s.source_id
         where e.source_id is null or s.citizen_id is not null
            or (e.channel, e.direction, e.kind, e.topic, e.subtopic, e.occurred_at, e.closed_at, e.resolved_first_contact,
                e.satisfaction, e.neighbourhood, e.district, e.text)
               is distinct from
               (s.channel, s.direction, s.kind, s.topic, s.subtopic, s.occurred_at, s.closed_at, s.resolved_first_contact,
                s.satisfaction, s.neighbourhood, s.district, s.text)),
       (select count(*) from missing where way = 'single'),
       (select count(*) from missing where way = 'batch'),
       coalesce((select string_agg(id::text, ',' order by id) from (select id from missing order by id limit 12) m), '-');
SQL
}

# round N MODE: MODE is "jvm" (kill -9 the server JVM) or "machine" (kill -9 the JVM, the postmaster and every
# PostgreSQL child at the same moment: what a power cut does to the processes).
round() {
  local n=$1 mode=$2 source journal expected t0 kill_at acked_at_kill pids state
  source="crash-$(date -u +%Y%m%dT%H%M%S)-$SEED-r$n"
  journal="$work/acked-r$n.txt"
  expected="$work/expected-r$n.csv"
  : >"$journal"
  t0=$SECONDS
  client expected --source "$source" --total "$TOTAL" --out "$expected"
  kill_at=$(( TOTAL * (20 + RANDOM % 61) / 100 ))
  bench_log "round $n ($mode): streaming $TOTAL contacts of source $source; kill -9 once $kill_at are acknowledged"
  client send --url "$URL" --source "$source" --total "$TOTAL" --journal "$journal" --stats "$work/stream-r$n.env" \
      --give-up-after 5 >"$work/client-r$n-stream.log" 2>&1 &
  CLIENT_PID=$!
  while [ "$(wc -l <"$journal")" -lt "$kill_at" ]; do
    if ! kill -0 "$CLIENT_PID" 2>/dev/null; then
      bench_log "the client ended before the kill moment"; cat "$work/client-r$n-stream.log" >&2; return 1
    fi
    sleep 0.05
  done
  if [ "$mode" = machine ]; then
    pids="$SERVER_PID $(bench_pg_pids "$data")"
  else
    pids="$SERVER_PID"
  fi
  # shellcheck disable=SC2086
  kill -KILL $pids
  acked_at_kill=$(wc -l <"$journal")
  local killed_at=$SECONDS
  bench_log "kill -9 $pids ($mode) with $acked_at_kill acknowledged"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  set +e; wait "$CLIENT_PID"; local client_rc=$?; set -e
  CLIENT_PID=""
  # shellcheck disable=SC1090
  source "$work/stream-r$n.env"
  local streamed_acked=$acked_now stream_seconds=$seconds stream_rate=$acked_per_second
  sleep 1
  PG_ALIVE_AT_RESTART=$(bench_pg_alive "$data" && echo yes || echo no)
  state=$(bench_pg_control_state "$data")
  bench_log "after the kill: client exit $client_rc ($streamed_acked acknowledged in ${stream_seconds}s), postmaster alive: $PG_ALIVE_AT_RESTART, pg_control state $state (6 = was running, needs crash recovery)"
  if [ "$mode" = machine ] && [ "$PG_ALIVE_AT_RESTART" = yes ]; then
    bench_log "PostgreSQL survived kill -9?"; return 1
  fi
  start "round $n restart after kill -9 ($mode)" || return 1
  local outage=$((SECONDS - killed_at)) restart_attempts=$START_ATTEMPTS
  if [ "$mode" = machine ]; then
    FINDINGS+=("round $n: after kill -9 of the JVM, the postmaster and its $(( $(wc -w <<<"$pids") - 2 )) children, pg_control said state $state (6 = in production: not shut down, so the restart had to run crash recovery from WAL); the restarted server answered every query")
  fi
  set +e
  client send --url "$URL" --source "$source" --total "$TOTAL" --journal "$journal" --stats "$work/resend-r$n.env" \
      --give-up-after 60 --deadline 600 >"$work/client-r$n-resend.log" 2>&1
  client_rc=$?
  set -e
  # shellcheck disable=SC1090
  source "$work/resend-r$n.env"
  bench_log "resend: client exit $client_rc: $(tail -1 "$work/client-r$n-resend.log")"
  local v stored distinct dup jlines jdistinct missing mismatched miss_single miss_batch first_missing ok=PASS
  v=$(verify "$source" "$journal" "$expected") || v="verify failed"
  if ! [[ "$v" =~ ^[0-9]+( [0-9]+){8}\ [-0-9,]+$ ]]; then
    bench_log "verification did not run: $v"; v="-1 -1 -1 -1 -1 -1 -1 -1 -1 -"
  fi
  read -r stored distinct dup jlines jdistinct missing mismatched miss_single miss_batch first_missing <<<"$v"
  if [ "$client_rc" -ne 0 ] || [ "$stored" -ne "$TOTAL" ] || [ "$distinct" -ne "$TOTAL" ] || [ "$dup" -ne 0 ] \
      || [ "$jdistinct" -ne "$TOTAL" ] || [ "$jlines" -ne "$TOTAL" ] || [ "$missing" -ne 0 ] || [ "$mismatched" -ne 0 ]; then
    ok=FAIL
    verdict=FAIL
  fi
  bench_log "round $n $ok: stored $stored, distinct $distinct, duplicated $dup, journal $jlines lines / $jdistinct ids, acknowledged but missing $missing (via single POST $miss_single, via batch $miss_batch; first ids $first_missing), content mismatches $mismatched"
  SOURCES_USED="${SOURCES_USED:+$SOURCES_USED, }$source"
  ROWS+=("| $n | kill -9 $mode | $acked_at_kill | $streamed_acked in ${stream_seconds} s (${stream_rate}/s) | $restart_attempts / ${STARTED_IN} s / outage ${outage} s | $to_send | $single_201 / $single_200 | $batch_ok ($batch_created / $batch_unchanged) | $((transport_errors + server_errors)) / $refused | $stored / $distinct / $dup | $missing (single $miss_single, batch $miss_batch) | $mismatched | $((SECONDS - t0)) s | **$ok** |")
  LAST_SOURCES+=("$source $journal $expected")
}

bench_log "work dir $work, port $PORT, seed $SEED, $TOTAL contacts per round"
other_load_before=$(bench_other_load "$work")
bench_prepare_jar "$work"
PG_ALIVE_AT_RESTART=n/a
start "first start on a fresh data dir"
sync_commit=$(bench_psql "$data" -At -c "show synchronous_commit")
fsync=$(bench_psql "$data" -At -c "show fsync")
if [ "${BENCH_SYNC_COMMIT:-}" = on ]; then
  bench_psql "$data" -c "alter role postgres set synchronous_commit = on"
  bench_stop_server "$data"
  start "restart to apply synchronous_commit=on"
  sync_commit="$(bench_psql "$data" -At -c "show synchronous_commit") (set for role postgres by BENCH_SYNC_COMMIT=on; the server's command line says off)"
fi
declare -a LAST_SOURCES=()
round 1 jvm || verdict=FAIL
round 2 machine || verdict=FAIL

# Round 1's contacts lived through round 2's crash too.
if [ "${#LAST_SOURCES[@]}" -ge 1 ]; then
  read -r src1 journal1 expected1 <<<"${LAST_SOURCES[0]}"
  v=$(verify "$src1" "$journal1" "$expected1") || v="verify failed"
  [[ "$v" =~ ^[0-9]+( [0-9]+){8}\ [-0-9,]+$ ]] || v="-1 -1 -1 -1 -1 -1 -1 -1 -1 -"
  read -r stored distinct dup jlines jdistinct missing mismatched miss_single miss_batch first_missing <<<"$v"
  after_crash="round 1's source after round 2's crash: stored $stored, duplicated $dup, acknowledged but missing $missing (first ids $first_missing), content mismatches $mismatched"
  bench_log "$after_crash"
  if [ "$stored" -ne "$TOTAL" ] || [ "$dup" -ne 0 ] || [ "$missing" -ne 0 ] || [ "$mismatched" -ne 0 ]; then verdict=FAIL; fi
fi
elapsed=$((SECONDS - run_started))

{
  echo "## Run $(date -u '+%F %T UTC'): $verdict${BENCH_SYNC_COMMIT:+ (what-if: synchronous_commit=$BENCH_SYNC_COMMIT)}"
  echo
  echo "- Command: \`${BENCH_SYNC_COMMIT:+BENCH_SYNC_COMMIT=$BENCH_SYNC_COMMIT }BENCH_SEED=$SEED bench/crash-restart/run.sh\` ($TOTAL contacts per round; the seed picks the kill moments)"
  echo "- Machine: $(bench_machine)"
  echo "- Server: $BENCH_JAR_INFO"
  echo "- JVM flags: \`$BENCH_JVM_OPTS\`; embedded PostgreSQL 17 with \`fsync=$fsync\`, \`synchronous_commit=$sync_commit\`"
  echo "- Client: 2 threads sending batches of 1,000 (JSON array) and 4 threads sending single POSTs, all drawing from one queue; HTTP/1.1 (java.net.http)"
  echo "- Total time: ${elapsed} s"
  echo "- Other load on the machine at the start: $other_load_before"
  echo
  echo "| round | crash | acked at kill | acked by the stream (rate) | restart attempts / start time / outage | resent | single 201 / 200 on resend | batches on resend (created / unchanged) | errors retried / refused | stored / distinct / duplicated | acked but missing | content mismatches | round time | result |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for r in "${ROWS[@]}"; do echo "$r"; done
  echo
  echo "- ${after_crash:-round 1 was not verified again}"
  for f in "${FINDINGS[@]}"; do echo "- $f"; done
  echo "- Sources: ${SOURCES_USED:-none}"
} >"$work/section.md"
bench_write_results "$results" "Crash-restart acceptance test: results (newest first; see README.md)" "$work/section.md"
bench_log "wrote $results"
echo
echo "================ crash-restart: $verdict ================"
for r in "${ROWS[@]}"; do echo "$r"; done
echo "$after_crash"
[ "$verdict" = PASS ]
