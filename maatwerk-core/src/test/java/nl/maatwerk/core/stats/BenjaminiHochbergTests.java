package nl.maatwerk.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTests {

    @Test
    void adjust_fifteenPValuesOfThe1995Paper_matchesPAdjust() {
        // Benjamini & Hochberg (1995), section 4.1; at q = 0.05 the first four are rejected.
        double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
            0.5719, 0.6528, 0.7590, 1.000};
        // R p.adjust(p, "BH") = scipy.stats.false_discovery_control(p); by hand: q(4) = 0.0095 * 15 / 4
        double[] expected = {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.06385714285714286, 0.06385714285714286,
            0.0645, 0.0765, 0.486, 0.5811818181818181, 0.714875, 0.7532307692307693, 0.8132142857142857, 1.0};

        double[] q = BenjaminiHochberg.adjust(p);

        for (int i = 0; i < p.length; i++) {
            assertThat(q[i]).as("q of p = %s", p[i]).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(Arrays.stream(q).filter(v -> v <= 0.05).count()).isEqualTo(4);
    }

    @Test
    void adjust_unsortedInput_keepsInputOrder() {
        double[] q = BenjaminiHochberg.adjust(new double[] {0.04, 0.01, 0.03});

        // sorted 0.01, 0.03, 0.04 -> 0.03, 0.045, 0.04 -> running minimum from the top: 0.03, 0.04, 0.04
        assertThat(q).containsExactly(0.04, 0.03, 0.04);
    }

    @Test
    void adjust_empty_empty() {
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
    }

    @Test
    void adjust_pValueOutsideUnitInterval_rejectedWithIndex() {
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {0.1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p-value 1");
    }
}
