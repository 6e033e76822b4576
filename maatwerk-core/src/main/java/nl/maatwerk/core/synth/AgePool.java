package nl.maatwerk.core.synth;

import nl.maatwerk.core.calibration.AgeBands;

/*
 * A multiset of ages (0..MAX_AGE) for one district, filled by quota from the CBS age-band shares and
 * then emptied as residents are placed in households, so that the district's age pyramid matches CBS
 * up to rounding whatever the household logic picks.
 *
 * Within a band ages are uniform, except 65+, which falls off like a survival curve, and 15–24, which is
 * split into 15–17 (children, who must live with a parent) and 18–24: the 15–17 part is 3/10 of the band
 * but at most 1/5 of the 0–14 count (three birth years against fifteen), so a student district does not
 * produce more teenagers than its families can hold.
 */
final class AgePool {

    static final int MAX_AGE = 104;
    static final int ADULT = 18;

    private static final double[] OLD_AGE_CUMULATIVE = oldAgeCumulative();

    private final int[] counts = new int[MAX_AGE + 1];
    private int size;

    static AgePool fromBands(int n, AgeBands bands, Rng rng) {
        AgePool pool = new AgePool();
        int[] perBand = Quotas.largestRemainder(n, bands.toArray());
        pool.addUniform(0, 14, perBand[0], rng);
        int teens = (int) Math.min(Math.round(perBand[1] * 0.3), Math.round(perBand[0] * 0.2));
        pool.addUniform(15, 17, teens, rng);
        pool.addUniform(18, 24, perBand[1] - teens, rng);
        pool.addUniform(25, 44, perBand[2], rng);
        pool.addUniform(45, 64, perBand[3], rng);
        for (int i = 0; i < perBand[4]; i++) {
            pool.add(65 + rng.pick(OLD_AGE_CUMULATIVE));
        }
        return pool;
    }

    private static double[] oldAgeCumulative() {
        double[] weights = new double[MAX_AGE - 65 + 1];
        for (int i = 0; i < weights.length; i++) {
            int age = 65 + i;
            weights[i] = Math.exp(-0.06 * i) * (age >= 85 ? Math.exp(-0.17 * (age - 85)) : 1.0);
        }
        return Rng.cumulative(weights);
    }

    private void addUniform(int lo, int hi, int count, Rng rng) {
        for (int i = 0; i < count; i++) {
            add(rng.between(lo, hi));
        }
    }

    void add(int age) {
        counts[age]++;
        size++;
    }

    int size() {
        return size;
    }

    int count(int lo, int hi) {
        int sum = 0;
        for (int a = Math.max(0, lo); a <= Math.min(MAX_AGE, hi); a++) {
            sum += counts[a];
        }
        return sum;
    }

    /** Removes and returns a random age in [lo, hi] (weighted by how many are left), or -1 if there is none. */
    int takeRandom(int lo, int hi, Rng rng) {
        int available = count(lo, hi);
        if (available == 0) {
            return -1;
        }
        int k = rng.nextInt(available);
        for (int a = Math.max(0, lo); a <= Math.min(MAX_AGE, hi); a++) {
            k -= counts[a];
            if (k < 0) {
                return take(a);
            }
        }
        throw new IllegalStateException("age pool count out of step");
    }

    /** Removes and returns the available age in [lo, hi] closest to target, or -1 if there is none. */
    int takeNear(int target, int lo, int hi) {
        lo = Math.max(0, lo);
        hi = Math.min(MAX_AGE, hi);
        if (lo > hi) {
            return -1;
        }
        int t = Math.max(lo, Math.min(hi, target));
        for (int d = 0; t - d >= lo || t + d <= hi; d++) {
            if (t - d >= lo && counts[t - d] > 0) {
                return take(t - d);
            }
            if (t + d <= hi && counts[t + d] > 0) {
                return take(t + d);
            }
        }
        return -1;
    }

    /** The available adult age closest to target, searched first within [lo, hi], then among all adults. */
    int takeAdultNear(int target, int lo, int hi) {
        int age = takeNear(target, Math.max(ADULT, lo), hi);
        return age >= 0 ? age : takeNear(target, ADULT, MAX_AGE);
    }

    private int take(int age) {
        counts[age]--;
        size--;
        return age;
    }
}
