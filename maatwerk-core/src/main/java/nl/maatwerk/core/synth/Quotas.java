package nl.maatwerk.core.synth;

/*
 * Largest-remainder (Hamilton) apportionment: splits a whole number over shares so that every part is
 * the floor of its exact quota, plus one for the parts with the largest remainders until the total is
 * reached. Each part is therefore within 1 of its exact quota, which keeps per-district shares exact up
 * to rounding. Ties go to the lower index, so the result is deterministic.
 */
final class Quotas {

    private Quotas() {
    }

    static int[] largestRemainder(int total, double[] shares) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be 0 or more, was " + total);
        }
        double sum = 0;
        for (double s : shares) {
            if (!(s >= 0)) {
                throw new IllegalArgumentException("shares must be 0 or more, was " + s);
            }
            sum += s;
        }
        int[] parts = new int[shares.length];
        if (total == 0) {
            return parts;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("shares must not all be zero");
        }
        double[] remainders = new double[shares.length];
        int assigned = 0;
        for (int i = 0; i < shares.length; i++) {
            double exact = total * shares[i] / sum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }
        while (assigned < total) {
            int best = 0;
            for (int i = 1; i < shares.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return parts;
    }
}
