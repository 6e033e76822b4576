package nl.maatwerk.core.stats;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/*
 * Two-proportion z-test of the week's digital share against the pooled baseline share, with the pooled
 * share under H0 in the standard error: z = (p_w - p_b) / sqrt(p(1-p)(1/n_w + 1/n_b)).
 *
 * Over-dispersion guard, as for counts: if the baseline weeks' shares scatter more than binomial
 * (contacts come in chains on one channel), phi = Pearson chi-square of the baseline weeks against their
 * pooled share / (B - 1), at least 1, and z is divided by sqrt(phi). The confidence interval of the change
 * is the unpooled Wald interval, widened by the same sqrt(phi).
 */
final class ProportionTest {

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private ProportionTest() {
    }

    record Result(double weekShare, double baselineShare, double changeLow, double changeHigh, double dispersion,
                  double p) {
    }

    static double dispersion(List<ChannelMix> baseline, double share) {
        if (share <= 0 || share >= 1) {
            return 1.0;
        }
        double chiSquare = 0;
        for (ChannelMix m : baseline) {
            double expected = m.total() * share;
            if (m.total() > 0) {
                chiSquare += (m.digital() - expected) * (m.digital() - expected) / (expected * (1 - share));
            }
        }
        return Math.max(1.0, chiSquare / (baseline.size() - 1));
    }

    static Result test(ChannelMix week, List<ChannelMix> baseline, double confidence) {
        long baseDigital = 0;
        long baseTotal = 0;
        for (ChannelMix m : baseline) {
            baseDigital += m.digital();
            baseTotal += m.total();
        }
        double pw = (double) week.digital() / week.total();
        double pb = (double) baseDigital / baseTotal;
        double pooled = (double) (week.digital() + baseDigital) / (week.total() + baseTotal);
        double phi = dispersion(baseline, pb);
        double se0 = Math.sqrt(pooled * (1 - pooled) * (1.0 / week.total() + 1.0 / baseTotal) * phi);
        double z = se0 > 0 ? (pw - pb) / se0 : 0.0;
        double p = Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
        double se = Math.sqrt((pw * (1 - pw) / week.total() + pb * (1 - pb) / baseTotal) * phi);
        double half = NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
        return new Result(pw, pb, 100 * (pw - pb - half), 100 * (pw - pb + half), phi, p);
    }
}
