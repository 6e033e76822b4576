package nl.maatwerk.core.stats;

/**
 * A series whose mean satisfaction fell significantly in the week under review.
 *
 * @param key            the series
 * @param weekMean       mean rating in the week under review
 * @param baselineMean   mean rating in the baseline weeks
 * @param differenceLow  lower end of the confidence interval of {@code weekMean - baselineMean}
 * @param differenceHigh upper end
 * @param weekRatings    number of ratings in the week
 * @param baselineRatings number of ratings in the baseline
 * @param p              one-sided p-value (drop) of this series alone, Welch's t-test
 * @param q              Benjamini–Hochberg adjusted over everything tested in the bulletin
 * @param certainty      q in plain words
 */
public record SatisfactionDrop(SeriesKey key, double weekMean, double baselineMean, double differenceLow,
                               double differenceHigh, long weekRatings, long baselineRatings, double p, double q,
                               Certainty certainty) {

    /** {@code weekMean - baselineMean}, negative. */
    public double difference() {
        return weekMean - baselineMean;
    }
}
