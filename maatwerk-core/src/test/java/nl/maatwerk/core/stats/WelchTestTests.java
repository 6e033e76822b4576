package nl.maatwerk.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/* Reference values from scipy.stats.ttest_ind_from_stats(equal_var=False, alternative="less"). */
class WelchTestTests {

    @Test
    void test_weekBelowBaseline_matchesScipy() {
        WelchTest.Result r = WelchTest.test(new RatingSummary(40, 3.2, 1.5), new RatingSummary(320, 3.8, 1.2), 0.95);

        assertThat(r.t()).isCloseTo(-2.9541957835039843, within(1e-10));
        assertThat(r.degreesOfFreedom()).isCloseTo(47.13237734431259, within(1e-8));
        assertThat(r.lowerP()).isCloseTo(0.0024396182608944373, within(1e-10));
        assertThat(r.differenceLow()).isCloseTo(-1.0085561393472986, within(1e-8));
        assertThat(r.differenceHigh()).isCloseTo(-0.19144386065270136, within(1e-8));
    }

    @Test
    void test_noVarianceAtAll_untestable() {
        assertThat(WelchTest.test(new RatingSummary(40, 4, 0), new RatingSummary(300, 4, 0), 0.95)).isNull();
    }

    @Test
    void ofHistogram_countsPerRating_meanAndSampleVariance() {
        // 9×1, 6×2, 10×3, 14×4, 11×5: mean 162/50 = 3.24, numpy var(ddof=1) = 1.9820408163265304
        RatingSummary s = RatingSummary.ofHistogram(9, 6, 10, 14, 11);

        assertThat(s.n()).isEqualTo(50);
        assertThat(s.mean()).isCloseTo(3.24, within(1e-12));
        assertThat(s.variance()).isCloseTo(1.9820408163265304, within(1e-12));
    }

    @Test
    void ofHistogram_wrongLengthOrNegative_rejected() {
        assertThatThrownBy(() -> RatingSummary.ofHistogram(1, 2, 3)).hasMessageContaining("five counts");
        assertThatThrownBy(() -> RatingSummary.ofHistogram(1, -2, 3, 4, 5)).hasMessageContaining("rating 2");
    }

    @Test
    void ratingSummary_meanOutsideOneToFive_rejected() {
        assertThatThrownBy(() -> new RatingSummary(10, 5.5, 1)).hasMessageContaining("5.5");
    }
}
