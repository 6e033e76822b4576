# Summarises `jfr print --stack-depth 64 --events jdk.ExecutionSample` (or NativeMethodSample) output for the import: only samples
# taken while the import copies rows (a frame matches MARK, default CsvCopy.copy) count.
# Writes "self" (top frame) and "total" (frame anywhere in the stack) lines: count, percent, frame.
# Usage: awk -v mode=self|total [-v mark=REGEX] -f jfr-top.awk samples.txt | sort -rn | head
BEGIN { if (mark == "") mark = "CsvCopy\\.copy" }
/^jdk\.[A-Za-z]+ \{/ { n_frames = 0; in_stack = 0; next }
/stackTrace = \[/ { in_stack = 1; next }
in_stack && /^ +\]/ {
    in_stack = 0
    hit = 0
    for (i = 1; i <= n_frames; i++) if (frames[i] ~ mark) { hit = 1; break }
    if (!hit) { other++; next }
    samples++
    if (mode == "self") count[frames[1]]++
    else {
        delete seen
        for (i = 1; i <= n_frames; i++) if (!(frames[i] in seen)) { seen[frames[i]] = 1; count[frames[i]]++ }
    }
    next
}
in_stack {
    f = $0; sub(/^ +/, "", f); sub(/ +line: .*$/, "", f); sub(/\(.*\)$/, "", f)
    if (f == "...") next
    frames[++n_frames] = f
}
END {
    for (f in count) printf "%6d %5.1f%%  %s\n", count[f], 100 * count[f] / samples, f
    printf "%6d %5.1f%%  (all samples while copying; %d other samples: startup, other threads)\n", samples, 100, other > "/dev/stderr"
}
