package nl.maatwerk.core.stats;

/**
 * A series whose count in the week under review differs significantly from its baseline.
 *
 * @param key          the series
 * @param direction    rise or fall
 * @param week         the count in the week under review
 * @param baselineMean the mean count per baseline week
 * @param ratio        {@code week / baselineMean}
 * @param ratioLow     lower end of the confidence interval of the ratio (widened for over-dispersion)
 * @param ratioHigh    upper end; {@code Double.POSITIVE_INFINITY} when the baseline is all zeros
 * @param dispersion   the over-dispersion factor used (1 = Poisson; see {@code docs/metrics.md})
 * @param p            two-sided p-value of this series alone
 * @param q            Benjamini–Hochberg adjusted p-value over everything tested in the bulletin
 * @param certainty    q in plain words
 */
public record CountChange(SeriesKey key, ChangeDirection direction, long week, double baselineMean, double ratio,
                          double ratioLow, double ratioHigh, double dispersion, double p, double q,
                          Certainty certainty) {

    /** Contacts above (positive) or below (negative) the baseline mean. */
    public double excess() {
        return week - baselineMean;
    }
}
