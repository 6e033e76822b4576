#!/bin/sh
# Fuzzes the public parsers with Jazzer (coverage-guided, libFuzzer), each target for its @FuzzTest maxDuration (5 min):
#   the segment language (parse, canonical form, compile, evaluate, SQL), the contact JSON body and the contacts CSV rows.
# Usage: bench/fuzz/run.sh          (from anywhere; about 20 minutes; logs in bench/fuzz/*.log)
# Findings land as crash-* files in the test resources' *Inputs/ directories and are then regression tests of the
# default build. See RESULTS.md.
set -eu
cd "$(dirname "$0")/../.."
for target in "maatwerk-core SegmentFuzzTests#parseCompileEvaluate" \
              "maatwerk-server ContactFuzzTests#contactJson" \
              "maatwerk-server ContactFuzzTests#contactCsv"; do
  set -- $target
  log="bench/fuzz/$(echo "$2" | tr '#' '-').log"
  start=$(date +%s)
  mvn -B -o -Pfuzz verify -pl "$1" -am -Dfuzz.target="$2" > "$log" 2>&1 || true
  echo "$2: $(( $(date +%s) - start )) s wall; $(grep -aE 'Done [0-9]+ runs|DONE' "$log" | tail -1)"
  grep -aE 'Tests run:.*Fail|FuzzTestFinding|== Java Exception' "$log" | head -5
done
