package nl.maatwerk.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProportionTestTests {

    private static final List<ChannelMix> EIGHT_EVEN_WEEKS = Collections.nCopies(8, new ChannelMix(50, 50));

    @Test
    void test_sixtyOfHundredAgainstHalf_matchesHandFormula() {
        // pooled 460/900; z = 0.1 / sqrt(p(1-p)(1/100 + 1/800)) = 1.886083840385794; 2 * norm.sf(z)
        ProportionTest.Result r = ProportionTest.test(new ChannelMix(60, 40), EIGHT_EVEN_WEEKS, 0.95);

        assertThat(r.dispersion()).isEqualTo(1.0);
        assertThat(r.weekShare()).isEqualTo(0.6);
        assertThat(r.baselineShare()).isEqualTo(0.5);
        assertThat(r.p()).isCloseTo(0.05928365755458579, within(1e-12));
        // unpooled Wald: 10 ± 1.96 * sqrt(.6*.4/100 + .25/800) * 100
        assertThat(r.changeLow()).isCloseTo(-0.20781908692195233, within(1e-6));
        assertThat(r.changeHigh()).isCloseTo(20.20781908692195, within(1e-6));
    }

    @Test
    void dispersion_weeklySharesScatterMoreThanBinomial_widens() {
        List<ChannelMix> baseline = List.of(new ChannelMix(70, 30), new ChannelMix(30, 70), new ChannelMix(70, 30),
                new ChannelMix(30, 70));
        // chi-square = 4 * 20^2 / (100 * .25) = 64, over 3 degrees of freedom
        assertThat(ProportionTest.dispersion(baseline, 0.5)).isCloseTo(64.0 / 3, within(1e-12));

        ProportionTest.Result r = ProportionTest.test(new ChannelMix(60, 40), baseline, 0.95);
        assertThat(r.p()).isGreaterThan(0.5);
    }
}
