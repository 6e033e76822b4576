package nl.maatwerk.core.stats;

/* Argument checks that name what is wrong. */
final class Checks {

    private Checks() {
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static double probability(double value, String name) {
        if (!(value > 0.0 && value < 1.0)) {           // also rejects NaN
            throw new IllegalArgumentException(name + " must be between 0 and 1 (exclusive), was " + value);
        }
        return value;
    }
}
