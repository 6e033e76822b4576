#!/usr/bin/env bash
# Outbox crash test and dispatch throughput (issue 7 "must show"):
#  1. throughput: queue BENCH_THROUGHPUT SMS, then as many e-mails, and time until all are final; right after each,
#     the reference: the same number sent straight at the same peer (JDK HttpClient / a raw SMTP socket loop, as many
#     threads as the dispatcher has) without outbox or database. Reports messages/s and the ratio.
#  2. crash: queue BENCH_TOTAL SMS + BENCH_TOTAL e-mails, kill -9 the server when ~40 % are final, restart, wait until
#     every message is final, then count at the peer (Peer.java, a separate process that outlives the server): raw
#     deliveries, distinct idempotency keys, keys seen more than once, and keys in the outbox the peer never saw.
# Usage: bench/engagement/crash/run.sh     Env: BENCH_TOTAL=100000 BENCH_THROUGHPUT=20000 BENCH_JAR=… BENCH_KEEP=1
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../lib.sh
source "$here/../../lib.sh"

TOTAL=${BENCH_TOTAL:-100000}
TPUT=${BENCH_THROUGHPUT:-20000}
THREADS=2
work=$(mktemp -d /tmp/bench-outbox-XXXXXX)
data="$work/data"
PORT=$(bench_free_port 18741)
HPORT=$(bench_free_port 18751)
SPORT=$(bench_free_port 18761)
SERVER_PID=""
PEER_PID=""
results="$here/RESULTS.md"
command_line="BENCH_TOTAL=$TOTAL BENCH_THROUGHPUT=$TPUT bench/engagement/crash/run.sh"

cleanup() {
  local rc=$?
  set +e
  bench_stop_server "$data"
  [ -n "$PEER_PID" ] && kill "$PEER_PID" 2>/dev/null && wait "$PEER_PID" 2>/dev/null
  if [ "${BENCH_KEEP:-0}" != 1 ] && [ $rc -eq 0 ]; then rm -rf "$work"; else bench_log "kept $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bench_prepare_jar "$work"
java "$here/Peer.java" serve "$HPORT" "$SPORT" >"$work/peer.log" 2>&1 &
PEER_PID=$!
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$HPORT/stats" >/dev/null 2>&1 && break; sleep 0.5; done

BENCH_JVM_OPTS="${BENCH_JVM_OPTS} -Dmaatwerk.delivery.providers.sms.base-url=http://127.0.0.1:$HPORT \
 -Dmaatwerk.delivery.providers.sms.rate-per-second=1000000 -Dmaatwerk.delivery.email.host=127.0.0.1 \
 -Dmaatwerk.delivery.email.port=$SPORT -Dmaatwerk.delivery.email.rate-per-second=1000000 \
 -Dmaatwerk.delivery.threads-per-channel=$THREADS -Dmaatwerk.delivery.batch-size=100 -Dmaatwerk.delivery.lease=PT15S \
 -Dmaatwerk.bulletin.schedule=false"
start() {
  local t0=$SECONDS
  bench_start_server "$work/maatwerk.jar" "$PORT" "$data" "$work/server.log" || { bench_log "server did not start"; tail -30 "$work/server.log"; exit 1; }
  bench_log "server up in $((SECONDS - t0)) s (pid $SERVER_PID)"
}
sql() { bench_psql "$data" -At -c "$1"; }

# $1 prefix, $2 count, $3 channel: citizens and queued messages in one transaction (the dispatchers start at commit)
enqueue() {
  local prefix=$1 n=$2 channel=$3 recipient body
  if [ "$channel" = sms ]; then
    recipient="'+3161234' || lpad(i::text, 4, '0')"
    body="jsonb_build_object('text', 'Uw paspoort verloopt over 8 weken. Vraag op tijd een nieuw paspoort aan.', 'length', jsonb_build_object('encoding', 'GSM_7', 'characters', 73, 'units', 73, 'segments', 1))"
  else
    recipient="'burger' || i || '@example.nl'"
    body="jsonb_build_object('subject', 'Uw paspoort verloopt', 'html', '<p>Beste inwoner,</p><p>Uw paspoort verloopt over <b>8 weken</b>.</p>', 'plainText', 'Beste inwoner, uw paspoort verloopt over 8 weken.')"
  fi
  sql "begin;
    insert into citizen (id, birth_date, household_type)
      select md5('$prefix' || i)::uuid, date '1980-01-01', 'single' from generate_series(1, $n) i on conflict do nothing;
    insert into outbox_message (idempotency_key, citizen_id, journey_key, channel, purpose, recipient, body, not_before, next_attempt_at)
      select '$prefix-' || i, md5('$prefix' || i)::uuid, 'bench', '$channel', 'proactive_service', $recipient, $body, now(), now()
      from generate_series(1, $n) i;
    commit;" >/dev/null
}
open_count() { sql "select count(*) from outbox_message where idempotency_key like '$1-%' and status in ('created','sending','temporary_failure') and (status <> 'sending' or next_attempt_at is not null)"; }
final_count() { sql "select count(*) from outbox_message where idempotency_key like '$1-%' and status in ('delivered','permanent_failure','cancelled')"; }

# seconds (with decimals) until every message with prefix $1 is final, or until $2 s pass
wait_final() {
  local prefix=$1 max=$2 t0 now
  t0=$(date +%s.%N)
  while [ "$(open_count "$prefix")" != 0 ]; do
    now=$(date +%s.%N)
    if awk -v a="$t0" -v b="$now" -v m="$max" 'BEGIN {exit !(b - a > m)}'; then echo "timeout"; return 1; fi
    sleep 0.2
  done
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}'
}

start
machine=$(bench_machine)
load=$(bench_other_load)

# 1. throughput, each channel on its own, then its reference
run=$(date +%s)
enqueue "tput-sms-$run" "$TPUT" sms
sms_s=$(wait_final "tput-sms-$run" 900)
sms_rate=$(awk -v n="$TPUT" -v s="$sms_s" 'BEGIN {printf "%.0f", n / s}')
sms_ref=$(java "$here/Peer.java" reference http "127.0.0.1:$HPORT" "$TPUT" "$THREADS")
bench_log "SMS: $TPUT in $sms_s s = $sms_rate/s; reference $sms_ref/s"
enqueue "tput-mail-$run" "$TPUT" email
mail_s=$(wait_final "tput-mail-$run" 900)
mail_rate=$(awk -v n="$TPUT" -v s="$mail_s" 'BEGIN {printf "%.0f", n / s}')
mail_ref=$(java "$here/Peer.java" reference smtp "127.0.0.1:$SPORT" "$TPUT" "$THREADS")
bench_log "e-mail: $TPUT in $mail_s s = $mail_rate/s; reference $mail_ref/s"

# 2. crash in the middle of sending TOTAL SMS + TOTAL e-mails
enqueue "crash-sms-$run" "$TOTAL" sms
enqueue "crash-mail-$run" "$TOTAL" email
target=$(( TOTAL * 2 * 40 / 100 ))
t0=$SECONDS
while :; do
  done_now=$(( $(final_count "crash-sms-$run") + $(final_count "crash-mail-$run") ))
  [ "$done_now" -ge "$target" ] && break
  [ $((SECONDS - t0)) -gt 1200 ] && { bench_log "too slow to reach 40 %"; exit 1; }
  sleep 0.5
done
in_flight=$(sql "select count(*) from outbox_message where idempotency_key like 'crash-%-$run-%' and status = 'sending' and next_attempt_at is not null")
bench_log "kill -9 the server at $done_now of $((TOTAL * 2)) final, $in_flight claimed and in flight"
kill -KILL "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
peer_at_kill=$(curl -sf "http://127.0.0.1:$HPORT/stats")
start
rest_s=$(wait_final "crash-sms-$run" 1800)
wait_final "crash-mail-$run" 1800 >/dev/null
bench_log "all final $rest_s s after the restart"

# 3. count at the peer and compare with the outbox
curl -sf "http://127.0.0.1:$HPORT/keys?prefix=crash-" >"$work/peer-keys.tsv"
sql "create table if not exists bench_peer_keys (key text primary key, n int); truncate bench_peer_keys;" >/dev/null
bench_psql "$data" -c "\\copy bench_peer_keys from '$work/peer-keys.tsv'"
report() {  # $1 channel prefix
  sql "select count(*) filter (where o.status = 'delivered'),
              count(*) filter (where o.status <> 'delivered'),
              count(p.key), coalesce(sum(p.n), 0), count(*) filter (where p.n > 1), count(*) filter (where p.key is null)
       from outbox_message o left join bench_peer_keys p on p.key = o.idempotency_key
       where o.idempotency_key like '$1-$run-%'" | tr '|' ' '
}
read -r sms_delivered sms_other sms_distinct sms_raw sms_dup sms_missing <<<"$(report crash-sms)"
read -r mail_delivered mail_other mail_distinct mail_raw mail_dup mail_missing <<<"$(report crash-mail)"
contacts=$(sql "select count(*) from contact c join outbox_message o on c.source = 'maatwerk-outbox' and c.source_id = o.id::text where o.idempotency_key like 'crash-%-$run-%'")
stray=$(sql "select count(*) from bench_peer_keys p where not exists (select 1 from outbox_message o where o.idempotency_key = p.key)")

verdict=PASS
for v in "$sms_distinct:$TOTAL" "$mail_distinct:$TOTAL" "$sms_missing:0" "$mail_missing:0" "$stray:0" "$contacts:$((TOTAL * 2))"; do
  [ "${v%%:*}" = "${v##*:}" ] || verdict=FAIL
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

section=$(mktemp)
cat >"$section" <<MD
## Run $(date -u '+%F %H:%M UTC') — $verdict

Command: \`$command_line\` · jar: $BENCH_JAR_INFO · machine: $machine
Other load at the start: $load

### Dispatch throughput (each channel alone, $TPUT messages, $THREADS dispatcher threads, local peer)

| channel | outbox → peer (msg/s) | reference: straight at the peer, same threads (msg/s) | ratio |
|---|---:|---:|---:|
| SMS over HTTP | $sms_rate ($TPUT in $sms_s s) | $sms_ref | $(ratio "$sms_rate" "$sms_ref") |
| e-mail over SMTP | $mail_rate ($TPUT in $mail_s s) | $mail_ref | $(ratio "$mail_rate" "$mail_ref") |

The outbox's figure includes everything per message: claim, consent and citizen check, the send, the status update
with its history row, and the outbound contact; the reference only sends.

### Crash: kill -9 with $((TOTAL * 2)) messages queued ($TOTAL SMS + $TOTAL e-mails)

Killed when $done_now were final and $in_flight claimed (in flight); the peer's totals then (throughput phase included) were \`$peer_at_kill\`.
After the restart everything was final in $rest_s s (rows left in \`sending\` are claimed again after the 15 s lease).

| peer | outbox delivered | not delivered | distinct keys at the peer | raw deliveries | keys delivered twice or more | missing at the peer |
|---|---:|---:|---:|---:|---:|---:|
| HTTP provider (SMS) | $sms_delivered | $sms_other | $sms_distinct | $sms_raw | $sms_dup | $sms_missing |
| SMTP (e-mail) | $mail_delivered | $mail_other | $mail_distinct | $mail_raw | $mail_dup | $mail_missing |

Keys at the peer that are not in the outbox: $stray. Outbound contacts recorded for these messages: $contacts
(expected $((TOTAL * 2))).

Each message reached its peer **once per idempotency key** (distinct = $TOTAL, missing 0). "Raw deliveries" above
"distinct" are the messages that were on the wire when the server died: the peer took them, but the server was killed
before it committed "accepted", so after the lease they were sent again with the same \`Idempotency-Key\` (HTTP) /
\`X-Maatwerk-Idempotency-Key\` (SMTP) header; the peer recognised the key, answered with the same provider id and did
not deliver to the citizen again. That dedup at the peer is what makes it exactly once at the citizen; the outbox by
itself can only promise at least once (docs/delivery.md).
MD
bench_write_results "$results" "Outbox crash test and dispatch throughput" "$section"
cat "$section"
[ "$verdict" = PASS ]
