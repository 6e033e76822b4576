package nl.maatwerk.core.stats;

/**
 * Satisfaction ratings of one series (for example a channel or a topic) in the week under review and in
 * the baseline weeks together.
 */
public record SatisfactionSeries(SeriesKey key, RatingSummary week, RatingSummary baseline) {

    public SatisfactionSeries {
        Checks.notNull(key, "key");
        Checks.notNull(week, "week");
        Checks.notNull(baseline, "baseline");
    }
}
