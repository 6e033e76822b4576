package nl.maatwerk.core.stats;

/**
 * How sure the bulletin is of an item, in plain words, from its q-value (the false-discovery rate at which
 * the item would just be reported). Only items with q at or below the bulletin's false-discovery rate are
 * reported at all, so {@link #LIKELY} covers the rest of that range.
 */
public enum Certainty {
    /** q ≤ 0.001: about one in a thousand items this strong is a fluke. */
    VERY_SURE("zeer zeker", "very sure", 0.001),
    /** q ≤ 0.01: about one in a hundred. */
    SURE("zeker", "sure", 0.01),
    /** q above 0.01 and within the bulletin's false-discovery rate (0.05 by default): about one in twenty. */
    LIKELY("waarschijnlijk", "likely", 1.0);

    private final String dutch;
    private final String english;
    private final double maximumQ;

    Certainty(String dutch, String english, double maximumQ) {
        this.dutch = dutch;
        this.english = english;
        this.maximumQ = maximumQ;
    }

    static Certainty of(double q) {
        for (Certainty c : values()) {
            if (q <= c.maximumQ) {
                return c;
            }
        }
        return LIKELY;
    }

    public String dutch() {
        return dutch;
    }

    public String english() {
        return english;
    }

    /** The largest q-value that still earns these words. */
    public double maximumQ() {
        return maximumQ;
    }
}
