# Summarises `jfr print --stack-depth 64 --events jdk.ExecutionSample` output: only samples with a frame matching
# MARK count. mode=self: the top frame of each sample; mode=total: every method anywhere on the stack (once per
# sample). Prints "count share method" lines (unsorted) and, on stderr, how many samples matched.
# Usage: awk -v mode=self|total -v mark=REGEX -f jfr-top.awk samples.txt | sort -rn | head
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
    for (f in count) printf "%6d %5.1f%%  %s\n", count[f], 100 * count[f] / (samples ? samples : 1), f
    printf "%d %d\n", samples, other > "/dev/stderr"
}
