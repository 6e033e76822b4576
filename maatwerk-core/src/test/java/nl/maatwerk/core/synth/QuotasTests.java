package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuotasTests {

    @Test
    void largestRemainder_partsAddUpAndStayWithinOneOfExactQuota() {
        double[] shares = {0.547513, 0.209654, 0.242834};
        for (int total = 0; total < 500; total++) {
            int[] parts = Quotas.largestRemainder(total, shares);
            assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
            for (int i = 0; i < parts.length; i++) {
                assertThat(Math.abs(parts[i] - total * shares[i])).isLessThan(1.0);
            }
        }
    }

    @Test
    void largestRemainder_tie_goesToLowerIndex() {
        assertThat(Quotas.largestRemainder(1, new double[] {0.5, 0.5})).containsExactly(1, 0);
    }

    @Test
    void largestRemainder_sharesNotNormalised_treatedAsWeights() {
        assertThat(Quotas.largestRemainder(10, new double[] {3, 1})).containsExactly(8, 2);
    }

    @Test
    void largestRemainder_negativeTotalOrAllZeroShares_rejected() {
        assertThatThrownBy(() -> Quotas.largestRemainder(-1, new double[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quotas.largestRemainder(3, new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    }
}
