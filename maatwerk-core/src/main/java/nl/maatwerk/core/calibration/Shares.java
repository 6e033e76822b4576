package nl.maatwerk.core.calibration;

/** Checks for shares (parts of a whole between 0 and 1), shared by the calibration records. */
final class Shares {

    /** Tolerance for a set of shares that should add up to 1 (they are stored with 6 decimals). */
    static final double SUM_TOLERANCE = 1e-4;

    private Shares() {
    }

    static double requireShare(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {   // also rejects NaN
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + value);
        }
        return value;
    }

    static void requireSumOne(String what, double... shares) {
        double sum = 0;
        for (double s : shares) {
            sum += s;
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(what + " must add up to 1, was " + sum);
        }
    }
}
