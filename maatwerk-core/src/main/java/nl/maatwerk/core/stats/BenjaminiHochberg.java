package nl.maatwerk.core.stats;

import java.util.Arrays;
import java.util.Comparator;

/*
 * Benjamini-Hochberg step-up adjustment (Benjamini & Hochberg 1995, JRSS B 57:289): with the m p-values
 * sorted ascending, q(i) = min over j >= i of min(1, p(j) * m / j). Reporting every test with q <= Q keeps
 * the expected share of false discoveries among the reported at most Q for independent or positively
 * dependent tests. Same numbers as R's p.adjust(p, "BH").
 */
final class BenjaminiHochberg {

    private BenjaminiHochberg() {
    }

    /** The q-values, in the order of {@code p}. */
    static double[] adjust(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
                throw new IllegalArgumentException("p-value " + i + " must be within [0, 1], was " + p[i]);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
