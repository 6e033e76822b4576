package nl.maatwerk.core.segment;

/**
 * The small-cell rule: a count below {@code k} is not shown, so a segment cannot single out a few people.
 * The default k is 50.
 */
public record MinimumSize(int k) {

    public static final MinimumSize DEFAULT = new MinimumSize(50);

    public MinimumSize {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
    }

    /** The count as it may be shown. */
    public SegmentCount apply(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count is >= 0, was " + count);
        }
        return count < k ? new SegmentCount(0, true, k) : new SegmentCount(count, false, k);
    }
}
