package nl.maatwerk.core.stats;

import java.util.List;

/**
 * The channel mix of one series (usually a topic) in the week under review and in each baseline week.
 *
 * @param baseline the weeks before, oldest first; at least two
 */
public record ChannelMixSeries(SeriesKey key, ChannelMix week, List<ChannelMix> baseline) {

    public ChannelMixSeries {
        Checks.notNull(key, "key");
        Checks.notNull(week, "week");
        baseline = List.copyOf(baseline);
        if (baseline.size() < 2) {
            throw new IllegalArgumentException("at least two baseline weeks are needed, was " + baseline.size()
                    + " for " + key);
        }
    }
}
