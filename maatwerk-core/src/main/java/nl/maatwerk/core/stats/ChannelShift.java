package nl.maatwerk.core.stats;

/**
 * A series whose digital share changed significantly in the week under review.
 *
 * @param key                 the series
 * @param weekShare           digital share in the week under review, 0–1
 * @param baselineShare       digital share over the baseline weeks together, 0–1
 * @param changeLow           lower end of the confidence interval of the change, in percentage points
 * @param changeHigh          upper end, in percentage points
 * @param weekContacts        contacts in the week under review
 * @param dispersion          over-dispersion factor of the weekly shares (1 = binomial)
 * @param p                   two-sided p-value of this series alone
 * @param q                   Benjamini–Hochberg adjusted over everything tested in the bulletin
 * @param certainty           q in plain words
 */
public record ChannelShift(SeriesKey key, double weekShare, double baselineShare, double changeLow,
                           double changeHigh, long weekContacts, double dispersion, double p, double q,
                           Certainty certainty) {

    /** Change of the digital share in percentage points: positive is towards digital. */
    public double changePoints() {
        return 100 * (weekShare - baselineShare);
    }

    public ChangeDirection direction() {
        return weekShare > baselineShare ? ChangeDirection.RISE : ChangeDirection.FALL;
    }
}
