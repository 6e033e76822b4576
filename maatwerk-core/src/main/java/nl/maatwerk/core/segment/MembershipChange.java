package nl.maatwerk.core.segment;

import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * Who entered and who left a segment between two evaluations, as seqs; the server publishes these as events.
 * The bitmaps are the caller's own copies.
 */
public record MembershipChange(RoaringBitmap entered, RoaringBitmap left) {

    public MembershipChange {
        Objects.requireNonNull(entered, "entered");
        Objects.requireNonNull(left, "left");
    }

    /** {@code after − before} entered, {@code before − after} left. */
    public static MembershipChange between(RoaringBitmap before, RoaringBitmap after) {
        return new MembershipChange(RoaringBitmap.andNot(after, before), RoaringBitmap.andNot(before, after));
    }

    public boolean isEmpty() {
        return entered.isEmpty() && left.isEmpty();
    }
}
