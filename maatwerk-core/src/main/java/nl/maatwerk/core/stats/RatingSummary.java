package nl.maatwerk.core.stats;

/**
 * Satisfaction ratings (1–5) summarised: how many, their mean and their sample variance.
 *
 * @param n        number of ratings
 * @param mean     their mean, within [1, 5] (any value when {@code n} is 0)
 * @param variance their sample variance (divisor n − 1), not negative
 */
public record RatingSummary(long n, double mean, double variance) {

    public RatingSummary {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        if (n > 0 && !(mean >= 1.0 && mean <= 5.0)) {
            throw new IllegalArgumentException("mean rating must be within [1, 5], was " + mean);
        }
        if (!(variance >= 0.0)) {
            throw new IllegalArgumentException("variance must not be negative, was " + variance);
        }
    }

    /** From the number of ratings 1, 2, 3, 4 and 5 (in that order). */
    public static RatingSummary ofHistogram(long... counts) {
        if (counts.length != 5) {
            throw new IllegalArgumentException("a histogram has five counts (ratings 1-5), was " + counts.length);
        }
        long n = 0;
        double sum = 0;
        for (int r = 0; r < 5; r++) {
            if (counts[r] < 0) {
                throw new IllegalArgumentException("count of rating " + (r + 1) + " must not be negative, was "
                        + counts[r]);
            }
            n += counts[r];
            sum += counts[r] * (r + 1.0);
        }
        if (n == 0) {
            return new RatingSummary(0, 0.0, 0.0);
        }
        double mean = sum / n;
        double squares = 0;
        for (int r = 0; r < 5; r++) {
            squares += counts[r] * (r + 1 - mean) * (r + 1 - mean);
        }
        return new RatingSummary(n, mean, n > 1 ? squares / (n - 1) : 0.0);
    }
}
