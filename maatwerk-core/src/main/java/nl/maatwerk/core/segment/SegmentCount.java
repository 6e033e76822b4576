package nl.maatwerk.core.segment;

/**
 * A count fit to show: either the number, or {@code suppressed} ("fewer than k") with {@code count} 0, so the
 * real small number never leaves the engine. Made by {@link MinimumSize#apply(long)}.
 */
public record SegmentCount(long count, boolean suppressed, int k) {

    public SegmentCount {
        if (count < 0 || k < 1) {
            throw new IllegalArgumentException("count must be >= 0 and k >= 1, were " + count + " and " + k);
        }
        if (suppressed && count != 0) {
            throw new IllegalArgumentException("a suppressed count carries no number");
        }
        if (!suppressed && count < k) {
            throw new IllegalArgumentException("a count of " + count + " below k = " + k + " must be suppressed");
        }
    }

    @Override
    public String toString() {
        return suppressed ? "fewer than " + k : String.valueOf(count);
    }
}
