package nl.maatwerk.core.calibration;

/**
 * Share of residents in each of the five CBS age bands (0–14, 15–24, 25–44, 45–64, 65+); they add up to 1.
 */
public record AgeBands(double age0to14, double age15to24, double age25to44, double age45to64, double age65plus) {

    /** Lowest age of each band; the last band is open-ended. */
    private static final int[] LOWER_BOUNDS = {0, 15, 25, 45, 65};

    public AgeBands {
        Shares.requireShare("age0to14", age0to14);
        Shares.requireShare("age15to24", age15to24);
        Shares.requireShare("age25to44", age25to44);
        Shares.requireShare("age45to64", age45to64);
        Shares.requireShare("age65plus", age65plus);
        Shares.requireSumOne("age band shares", age0to14, age15to24, age25to44, age45to64, age65plus);
    }

    /** Shares from counts per band; the counts need not add up to the population exactly. */
    public static AgeBands fromCounts(double c0to14, double c15to24, double c25to44, double c45to64, double c65plus) {
        double sum = c0to14 + c15to24 + c25to44 + c45to64 + c65plus;
        if (!(sum > 0)) {
            throw new IllegalArgumentException("age band counts must add up to more than 0, was " + sum);
        }
        return new AgeBands(c0to14 / sum, c15to24 / sum, c25to44 / sum, c45to64 / sum, c65plus / sum);
    }

    /** The shares in band order, youngest first. */
    public double[] toArray() {
        return new double[] {age0to14, age15to24, age25to44, age45to64, age65plus};
    }

    /** Index of the band that holds {@code age} (0 for 0–14 … 4 for 65+). */
    public static int bandOf(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("age must be 0 or more, was " + age);
        }
        for (int i = LOWER_BOUNDS.length - 1; i > 0; i--) {
            if (age >= LOWER_BOUNDS[i]) {
                return i;
            }
        }
        return 0;
    }
}
