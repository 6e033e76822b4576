package nl.maatwerk.core.segment;

import java.util.List;
import java.util.TreeMap;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Travel-document holders by expiry date, in runs of 16 days: for {@code expiresWithin(8w)} or {@code
 * expiredWithin(12m)} the holders of a document expiring in the window are a union of a few bitmaps, and only
 * they are checked against their documents (instead of every holder). A superset: the check decides.
 */
final class ExpiryIndex {

    private static final int SHIFT = 4;

    private final TreeMap<Integer, RoaringBitmap> buckets = new TreeMap<>();

    /** Takes {@code seq} out for these documents (before they change). */
    void forget(int seq, List<StoredDocument> documents) {
        for (StoredDocument d : documents) {
            RoaringBitmap bucket = buckets.get(d.expiry() >> SHIFT);
            if (bucket != null) {
                bucket.remove(seq);
                if (bucket.isEmpty()) {
                    buckets.remove(d.expiry() >> SHIFT);
                }
            }
        }
    }

    /** Puts {@code seq} in for these documents (after they changed). */
    void add(int seq, List<StoredDocument> documents) {
        for (StoredDocument d : documents) {
            buckets.computeIfAbsent(d.expiry() >> SHIFT, b -> new RoaringBitmap()).add(seq);
        }
    }

    /** Holders of a document that may expire on a day within {@code [first, last]} (epoch days). */
    RoaringBitmap expiringBetween(long first, long last) {
        if (first > last) {
            return new RoaringBitmap();
        }
        int lo = (int) (Math.max(first, Integer.MIN_VALUE) >> SHIFT);
        int hi = (int) (Math.min(last, Integer.MAX_VALUE) >> SHIFT);
        var window = buckets.subMap(lo, true, hi, true).values();
        return window.isEmpty() ? new RoaringBitmap() : FastAggregation.or(window.iterator());
    }

    long bytes() {
        long bytes = 0;
        for (RoaringBitmap b : buckets.values()) {
            bytes += b.getLongSizeInBytes() + 48;
        }
        return bytes;
    }
}
