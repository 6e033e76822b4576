package nl.maatwerk.core.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Weekly counts of one series: the week under review and the weeks before it.
 *
 * @param key      what is counted
 * @param week     the count in the week under review
 * @param baseline the counts of the weeks before, oldest first; at least two
 */
public record CountSeries(SeriesKey key, long week, List<Long> baseline) {

    public CountSeries {
        Checks.notNull(key, "key");
        baseline = List.copyOf(baseline);
        if (week < 0 || baseline.stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("counts must not be negative, was " + week + " after " + baseline
                    + " for " + key);
        }
        if (baseline.size() < 2) {
            throw new IllegalArgumentException("at least two baseline weeks are needed, was " + baseline.size()
                    + " for " + key);
        }
    }

    /** For example {@code CountSeries.of(SeriesKey.of("topic", "afval"), 61, 40, 38, 45, 41, 39, 44, 40, 42)}. */
    public static CountSeries of(SeriesKey key, long week, long... baseline) {
        return new CountSeries(key, week, Arrays.stream(baseline).boxed().toList());
    }
}
