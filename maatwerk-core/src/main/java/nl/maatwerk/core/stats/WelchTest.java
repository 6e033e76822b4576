package nl.maatwerk.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/*
 * Welch's unequal-variance t-test on two means from their summaries (Welch 1947): t = (m1 - m2) / se with
 * se^2 = v1/n1 + v2/n2 and the Welch-Satterthwaite degrees of freedom
 *   df = se^4 / ((v1/n1)^2/(n1-1) + (v2/n2)^2/(n2-1)).
 * Ratings 1-5 are not normal, but with tens of ratings per side the mean is close enough to normal
 * (central limit) for the t reference; the bulletin does not test smaller samples.
 */
final class WelchTest {

    private WelchTest() {
    }

    record Result(double t, double degreesOfFreedom, double lowerP, double differenceLow, double differenceHigh) {
    }

    /** Tests {@code week} against {@code baseline}; null when both variances are zero. */
    static Result test(RatingSummary week, RatingSummary baseline, double confidence) {
        double a = week.variance() / week.n();
        double b = baseline.variance() / baseline.n();
        double se2 = a + b;
        if (!(se2 > 0)) {
            return null;
        }
        double se = Math.sqrt(se2);
        double df = se2 * se2 / (a * a / (week.n() - 1) + b * b / (baseline.n() - 1));
        double difference = week.mean() - baseline.mean();
        double t = difference / se;
        TDistribution reference = new TDistribution(null, df);
        double half = reference.inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
        return new Result(t, df, reference.cumulativeProbability(t), difference - half, difference + half);
    }
}
