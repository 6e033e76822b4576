package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * A text or code column as equality bitmaps: one RoaringBitmap of seqs per distinct value, plus each seq's
 * value code so an update can take the seq out of its old bitmap. Lookups cost a map get; {@code in (…)} an OR.
 * Bitmaps handed out are live: callers combine them with the static, allocating operations only.
 */
final class Categorical {

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<RoaringBitmap> bitmaps = new ArrayList<>();
    private final RoaringBitmap present = new RoaringBitmap();
    /** Value code + 1 per seq; 0 is "no value". */
    private int[] codeBySeq = new int[0];

    void set(int seq, String value) {
        if (value == null && seq >= codeBySeq.length) {
            return;
        }
        if (seq >= codeBySeq.length) {
            codeBySeq = Arrays.copyOf(codeBySeq, Math.max(seq + 1, codeBySeq.length + (codeBySeq.length >> 1) + 16));
        }
        int old = codeBySeq[seq] - 1;
        if (old >= 0) {
            bitmaps.get(old).remove(seq);
        }
        if (value == null) {
            codeBySeq[seq] = 0;
            present.remove(seq);
            return;
        }
        int code = codes.computeIfAbsent(value, v -> {
            bitmaps.add(new RoaringBitmap());
            return bitmaps.size() - 1;
        });
        bitmaps.get(code).add(seq);
        codeBySeq[seq] = code + 1;
        present.add(seq);
    }

    /** Seqs whose value is one of {@code values}. */
    RoaringBitmap among(List<String> values) {
        List<RoaringBitmap> hits = new ArrayList<>();
        for (String v : values) {
            Integer code = codes.get(v);
            if (code != null) {
                hits.add(bitmaps.get(code));
            }
        }
        return hits.isEmpty() ? new RoaringBitmap() : FastAggregation.or(hits.iterator());
    }

    /** Seqs that have a value. */
    RoaringBitmap present() {
        return present;
    }

    long bytes() {
        long bytes = 4L * codeBySeq.length + present.getLongSizeInBytes();
        for (RoaringBitmap b : bitmaps) {
            bytes += b.getLongSizeInBytes();
        }
        return bytes + 64L * codes.size();
    }
}
