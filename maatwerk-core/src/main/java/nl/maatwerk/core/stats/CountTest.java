package nl.maatwerk.core.stats;

import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.special.Beta;

/*
 * The exact conditional test for a change in a Poisson rate. If the week under review and the B baseline
 * weeks are Poisson with the same rate, then given their total n the week's count X is
 * Binomial(n, 1/(1+B)) whatever the rate. The one-sided tails use the identities
 *   P(X >= x) = I_p(x, n-x+1)        P(X <= x) = I_(1-p)(n-x, x+1)
 * with I the regularized incomplete beta function (Commons Math), which stays accurate far into the
 * tails; the two-sided p-value is twice the smaller tail, at most 1 (the usual "doubling" rule).
 *
 * Over-dispersion guard (quasi-Poisson): real weekly counts vary more than Poisson (repeat contacts,
 * weather, news). The dispersion factor phi = sample variance / mean of the baseline weeks, at least 1,
 * says by how much. Dividing all counts by phi gives counts whose variance equals their mean again, so
 * the same test runs on x/phi and S/phi (the incomplete beta takes non-integer counts). With phi = 1 it
 * is the plain exact test. phi is estimated from the baseline only, so a surge in the week itself does
 * not hide itself. Eight weeks give a noisy estimate (7 degrees of freedom: a series with true phi 1.5
 * often shows 1.0), so phi is at least the median estimate of the series of the same dimension (all
 * districts, all topics...), which WeeklyChanges passes in as the floor.
 *
 * Confidence interval of the rate ratio: the Clopper-Pearson interval (Beta quantiles) of the binomial
 * share pi = X/n on the same phi-scaled counts, mapped through ratio = B * pi / (1 - pi).
 */
final class CountTest {

    private CountTest() {
    }

    record Result(ChangeDirection direction, double baselineMean, double ratio, double ratioLow, double ratioHigh,
                  double dispersion, double p) {
    }

    static double baselineMean(List<Long> baseline) {
        double sum = 0;
        for (long c : baseline) {
            sum += c;
        }
        return sum / baseline.size();
    }

    /** Sample variance over mean of the baseline weeks; 1 for an all-zero baseline. */
    static double dispersion(List<Long> baseline) {
        double mean = baselineMean(baseline);
        if (mean <= 0) {
            return 1.0;
        }
        double squares = 0;
        for (long c : baseline) {
            squares += (c - mean) * (c - mean);
        }
        return squares / (baseline.size() - 1) / mean;
    }

    /** Tests with dispersion max(1, this series' estimate, {@code floor}). */
    static Result test(long week, List<Long> baseline, double confidence, double floor) {
        int weeks = baseline.size();
        double mean = baselineMean(baseline);
        double phi = Math.max(1.0, Math.max(floor, dispersion(baseline)));
        double x = week / phi;
        double s = mean * weeks / phi;
        double p0 = 1.0 / (1 + weeks);
        double p = Math.min(1.0, 2 * Math.min(upperTail(x, s, p0), lowerTail(x, s, p0)));
        double alpha = 1 - confidence;
        double shareLow = x > 0 ? new BetaDistribution(null, x, s + 1).inverseCumulativeProbability(alpha / 2) : 0.0;
        double shareHigh = s > 0 ? new BetaDistribution(null, x + 1, s).inverseCumulativeProbability(1 - alpha / 2)
                : 1.0;
        return new Result(week > mean ? ChangeDirection.RISE : ChangeDirection.FALL, mean,
                mean > 0 ? week / mean : Double.POSITIVE_INFINITY, ratio(shareLow, weeks), ratio(shareHigh, weeks), phi,
                p);
    }

    /** P(X >= x) for X ~ Binomial(x + s, p), x and s may be non-integer. */
    static double upperTail(double x, double s, double p) {
        return x <= 0 ? 1.0 : Beta.regularizedBeta(p, x, s + 1);
    }

    /** P(X <= x) for X ~ Binomial(x + s, p). */
    static double lowerTail(double x, double s, double p) {
        return s <= 0 ? 1.0 : Beta.regularizedBeta(1 - p, s, x + 1);
    }

    private static double ratio(double share, int weeks) {
        return share >= 1.0 ? Double.POSITIVE_INFINITY : weeks * share / (1 - share);
    }
}
