#!/usr/bin/env bash
# bench/engagement (render + queue): N citizens (default 1,000,000) with a passport expiring in 8 weeks; the journey's
# bulk path (JourneyBatch) renders and queues a personalised message for each eligible one into the real outbox
# (JdbcOutbox.enqueueAll), against a naive per-row loop (render + one autocommit INSERT per message) on a sample,
# in the same run and database. Embedded PostgreSQL 17 under $BENCH_WORK (kept between runs; citizens are seeded once).
#
# Usage: bench/engagement/run.sh [CITIZENS=1000000] [NAIVE_SAMPLE=50000] [CHUNK=10000]
# Needs: mvn -B -o install -DskipTests run in this worktree first (the harness runs on target/classes).
set -euo pipefail
CITIZENS=${1:-1000000}
SAMPLE=${2:-50000}
CHUNK=${3:-10000}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
WORK=${BENCH_WORK:-/tmp/bench-engagement}
mkdir -p "$WORK"
(cd "$repo/maatwerk-server" && mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -DincludeScope=runtime) \
    > "$WORK/cp.log" 2>&1 || { echo "dependency:build-classpath failed (see $WORK/cp.log)"; exit 1; }
# this worktree's classes first: ~/.m2's maatwerk-core may be another worktree's
CP="$repo/maatwerk-core/target/classes:$repo/maatwerk-server/target/classes:$(cat "$WORK/cp.txt")"
echo "$(date -u +%FT%TZ) $(git -C "$repo" rev-parse --short HEAD) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "$CP" "$here/EngagementBench.java" "$WORK/data" "$CITIZENS" "$SAMPLE" "$CHUNK"
