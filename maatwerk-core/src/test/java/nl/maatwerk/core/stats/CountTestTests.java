package nl.maatwerk.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

/* Reference values from scipy 1.17 (binom.sf/cdf, special.betainc, beta.ppf) and, where noted, by hand. */
class CountTestTests {

    private static final List<Long> EIGHT_WEEKS_OF_TEN = List.of(10L, 10L, 10L, 10L, 10L, 10L, 10L, 10L);

    @Test
    void upperTail_tenCoinFlips_matchesHandSum() {
        // P(X >= 8), X ~ Bin(10, 1/2) = (C(10,8) + C(10,9) + C(10,10)) / 2^10 = 56 / 1024
        assertThat(CountTest.upperTail(8, 2, 0.5)).isCloseTo(56.0 / 1024, within(1e-15));
    }

    @Test
    void upperTail_fifteenAfterThirtyInEightWeeks_matchesScipy() {
        // binom.sf(14, 45, 1/9)
        assertThat(CountTest.upperTail(15, 30, 1.0 / 9)).isCloseTo(6.339947272230399e-05, withPercentage(1e-8));
    }

    @Test
    void lowerTail_oneAfterEighty_matchesScipy() {
        // binom.cdf(1, 81, 1/9)
        assertThat(CountTest.lowerTail(1, 80, 1.0 / 9)).isCloseTo(0.000799734260291041, withPercentage(1e-8));
    }

    @Test
    void upperTail_farInTheTail_keepsRelativeAccuracy() {
        // binom.sf(59, 140, 1/9); the direct sum of C(140,k) p^k q^(140-k) agrees to 13 digits
        assertThat(CountTest.upperTail(60, 80, 1.0 / 9)).isCloseTo(1.2154838360716325e-21, withPercentage(1e-7));
    }

    @Test
    void tails_nonIntegerCounts_matchIncompleteBeta() {
        // special.betainc(7.5, 21, 1/9) and special.betainc(40, 3.5, 8/9)
        assertThat(CountTest.upperTail(7.5, 20, 1.0 / 9)).isCloseTo(0.01539805641768115, withPercentage(1e-8));
        assertThat(CountTest.lowerTail(2.5, 40, 1.0 / 9)).isCloseTo(0.20551842988598754, withPercentage(1e-8));
    }

    @Test
    void test_steadyBaseline_plainExactTestWithClopperPearsonRatio() {
        List<Long> baseline = List.of(3L, 4L, 4L, 4L, 4L, 4L, 4L, 3L);  // sum 30, variance below the mean

        CountTest.Result r = CountTest.test(15, baseline, 0.95, 1.0);

        assertThat(r.dispersion()).isEqualTo(1.0);
        assertThat(r.direction()).isEqualTo(ChangeDirection.RISE);
        assertThat(r.baselineMean()).isEqualTo(3.75);
        assertThat(r.ratio()).isEqualTo(4.0);
        assertThat(r.p()).isCloseTo(2 * 6.339947272230399e-05, withPercentage(1e-8));
        // 8 * b / (1 - b) for b = beta.ppf(0.025, 15, 31) and beta.ppf(0.975, 16, 30)
        assertThat(r.ratioLow()).isCloseTo(2.0000711006392127, within(1e-6));
        assertThat(r.ratioHigh()).isCloseTo(7.671022544486574, within(1e-6));
    }

    @Test
    void dispersion_varianceAboveMean_isTheirRatio() {
        // mean 10, sample variance 16
        assertThat(CountTest.dispersion(List.of(10L, 14L, 6L, 12L, 8L, 16L, 4L, 10L))).isCloseTo(1.6, within(1e-12));
    }

    @Test
    void dispersion_allZero_isOne() {
        assertThat(CountTest.dispersion(List.of(0L, 0L, 0L))).isEqualTo(1.0);
    }

    @Test
    void test_overDispersedBaseline_scalesCountsAndWidensInterval() {
        CountTest.Result r = CountTest.test(25, List.of(10L, 14L, 6L, 12L, 8L, 16L, 4L, 10L), 0.95, 1.0);

        assertThat(r.dispersion()).isCloseTo(1.6, within(1e-12));
        // 2 * special.betainc(25/1.6, 80/1.6 + 1, 1/9)
        assertThat(r.p()).isCloseTo(2 * 0.0026972384371611374, withPercentage(1e-6));
        assertThat(r.ratioLow()).isCloseTo(1.319757174312203, within(1e-6));
        assertThat(r.ratioHigh()).isCloseTo(4.485817134804951, within(1e-6));
        assertThat(CountTest.test(25, EIGHT_WEEKS_OF_TEN, 0.95, 1.0).p()).as("same counts without dispersion")
                .isLessThan(r.p() / 10);
    }

    @Test
    void test_fall_reportsFallWithLowerTail() {
        CountTest.Result r = CountTest.test(1, EIGHT_WEEKS_OF_TEN, 0.95, 1.0);

        assertThat(r.direction()).isEqualTo(ChangeDirection.FALL);
        assertThat(r.p()).isCloseTo(2 * 0.000799734260291041, withPercentage(1e-8));
        assertThat(r.ratio()).isEqualTo(0.1);
        assertThat(r.ratioLow()).isGreaterThan(0.0).isLessThan(0.1);
        assertThat(r.ratioHigh()).isGreaterThan(0.1).isLessThan(1.0);
    }

    @Test
    void test_weekEqualToBaseline_pIsOne() {
        assertThat(CountTest.test(10, EIGHT_WEEKS_OF_TEN, 0.95, 1.0).p()).isEqualTo(1.0);
    }

    @Test
    void test_zeroWeek_ratioFromZero() {
        CountTest.Result r = CountTest.test(0, EIGHT_WEEKS_OF_TEN, 0.95, 1.0);

        assertThat(r.ratioLow()).isEqualTo(0.0);
        // P(X <= 0) = (8/9)^80, doubled
        assertThat(r.p()).isCloseTo(2 * Math.pow(8.0 / 9, 80), withPercentage(1e-8));
    }
}
