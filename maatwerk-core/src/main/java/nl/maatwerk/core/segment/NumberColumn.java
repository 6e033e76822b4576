package nl.maatwerk.core.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * A numeric column as a dense array by seq, scanned for ranges. At a million citizens a scan is a few
 * milliseconds, and an update is one store. A column made {@linkplain #bucketed(int) bucketed} (birth dates, for
 * {@code age}) also keeps a bitmap per run of {@code 2^shift} values, so a range is the union of the buckets it
 * covers plus the in-range members of its two edge buckets: well under a millisecond for "age between 25 and 40".
 * Whole values (dates as epoch days, sizes, ages) use {@code long} comparisons on {@code int} storage;
 * decimal attributes use a separate {@code double} array.
 */
final class NumberColumn {

    static final int MISSING = Integer.MIN_VALUE;

    private int[] whole = new int[0];
    private double[] decimal;
    private final int shift;
    private final TreeMap<Integer, RoaringBitmap> buckets;
    /** Per bucket, how many seqs hold each of its values: counts an edge bucket's in-range part without its seqs. */
    private final Map<Integer, int[]> histograms;

    NumberColumn() {
        this.shift = 0;
        this.buckets = null;
        this.histograms = null;
    }

    private NumberColumn(int shift) {
        this.shift = shift;
        this.buckets = new TreeMap<>();
        this.histograms = new java.util.HashMap<>();
    }

    /** A column that also keeps a bitmap of the seqs per {@code 2^shift} consecutive values. */
    static NumberColumn bucketed(int shift) {
        return new NumberColumn(shift);
    }

    void setWhole(int seq, Integer value) {
        if (value == null && seq >= whole.length) {
            return;
        }
        ensure(seq);
        if (buckets != null) {
            int old = whole[seq];
            if (old != MISSING) {
                RoaringBitmap bucket = buckets.get(old >> shift);
                bucket.remove(seq);
                histograms.get(old >> shift)[old & ((1 << shift) - 1)]--;
                if (bucket.isEmpty()) {
                    buckets.remove(old >> shift);
                    histograms.remove(old >> shift);
                }
            }
            if (value != null) {
                buckets.computeIfAbsent(value >> shift, b -> new RoaringBitmap()).add(seq);
                histograms.computeIfAbsent(value >> shift, b -> new int[1 << shift])[value & ((1 << shift) - 1)]++;
            }
        }
        whole[seq] = value == null ? MISSING : value;
    }

    void setDecimal(int seq, Double value) {
        if (value == null && (decimal == null || seq >= decimal.length)) {
            return;
        }
        if (decimal == null || seq >= decimal.length) {
            int old = decimal == null ? 0 : decimal.length;
            decimal = decimal == null ? new double[0] : decimal;
            decimal = Arrays.copyOf(decimal, Math.max(seq + 1, old + (old >> 1) + 16));
            Arrays.fill(decimal, old, decimal.length, Double.NaN);
        }
        decimal[seq] = value == null ? Double.NaN : value;
    }

    private void ensure(int seq) {
        if (seq >= whole.length) {
            int old = whole.length;
            whole = Arrays.copyOf(whole, Math.max(seq + 1, old + (old >> 1) + 16));
            Arrays.fill(whole, old, whole.length, MISSING);
        }
    }

    /** Seqs with a whole value in {@code [from, to)}, or with {@code negated} a value outside it. */
    RoaringBitmap range(long from, long to, boolean negated) {
        if (buckets != null && !negated) {
            return rangeByBuckets(from, to);
        }
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        int[] values = whole;
        for (int seq = 0; seq < values.length; seq++) {
            int v = values[seq];
            if (v != MISSING && (v >= from && v < to) != negated) {
                out.add(seq);
            }
        }
        return out.get();
    }

    private RoaringBitmap rangeByBuckets(long from, long to) {
        long lo = Math.max(from, Integer.MIN_VALUE);
        long hi = Math.min(to, (long) Integer.MAX_VALUE + 1);
        if (lo >= hi) {
            return new RoaringBitmap();
        }
        int first = (int) (lo >> shift);
        int last = (int) ((hi - 1) >> shift);
        List<RoaringBitmap> parts = new ArrayList<>();
        for (Map.Entry<Integer, RoaringBitmap> e : buckets.subMap(first, true, last, true).entrySet()) {
            long bucketLo = (long) e.getKey() << shift;
            long bucketHi = bucketLo + (1L << shift);
            if (bucketLo >= lo && bucketHi <= hi) {
                parts.add(e.getValue());
            } else {
                long[] words = BitSetUtil.toLongArray(e.getValue());   // the bucket's in-range seqs, through a bit set
                int[] values = whole;
                for (int i = 0; i < words.length; i++) {
                    long word = words[i];
                    for (long rest = word; rest != 0; rest &= rest - 1) {
                        int bit = Long.numberOfTrailingZeros(rest);
                        int v = values[i << 6 | bit];
                        if (v < lo || v >= hi) {
                            word &= ~(1L << bit);
                        }
                    }
                    words[i] = word;
                }
                parts.add(BitSetUtil.bitmapOf(words));
            }
        }
        return parts.isEmpty() ? new RoaringBitmap() : FastAggregation.or(parts.iterator());
    }

    /**
     * How many seqs with a whole value in {@code [from, to)} are not in {@code outside}, without building their
     * bitmap: a bucketed column sums its buckets' sizes and the in-range part of its two edge buckets' histograms,
     * less the in-range seqs of {@code outside} (few: the excluded and withdrawn).
     */
    long count(long from, long to, RoaringBitmap outside) {
        if (buckets == null) {
            return RoaringBitmap.andNotCardinality(range(from, to, false), outside);
        }
        long lo = Math.max(from, Integer.MIN_VALUE);
        long hi = Math.min(to, (long) Integer.MAX_VALUE + 1);
        if (lo >= hi) {
            return 0;
        }
        long n = 0;
        int[] values = whole;
        for (Map.Entry<Integer, RoaringBitmap> e : buckets.subMap((int) (lo >> shift), true, (int) ((hi - 1) >> shift),
                true).entrySet()) {
            long bucketLo = (long) e.getKey() << shift;
            if (bucketLo >= lo && bucketLo + (1L << shift) <= hi) {
                n += e.getValue().getLongCardinality();
            } else {
                int[] histogram = histograms.get(e.getKey());
                long first = Math.max(lo, bucketLo);
                long end = Math.min(hi, bucketLo + (1L << shift));
                for (long v = first; v < end; v++) {
                    n += histogram[(int) (v - bucketLo)];
                }
            }
        }
        for (org.roaringbitmap.IntIterator it = outside.getIntIterator(); it.hasNext(); ) {
            int seq = it.next();
            int v = seq < values.length ? values[seq] : MISSING;
            if (v != MISSING && v >= lo && v < hi) {
                n--;
            }
        }
        return n;
    }

    /** Seqs whose decimal value compares with {@code value} as {@code op} says. */
    RoaringBitmap compare(Operator op, BigDecimal value) {
        RoaringBitmapWriter<RoaringBitmap> out = RoaringBitmapWriter.writer().get();
        if (decimal == null) {
            return out.get();
        }
        double bound = value.doubleValue();
        double[] values = decimal;
        for (int seq = 0; seq < values.length; seq++) {
            double v = values[seq];
            if (!Double.isNaN(v) && op.test(v < bound ? -1 : v > bound ? 1 : 0)) {
                out.add(seq);
            }
        }
        return out.get();
    }

    long bytes() {
        long bytes = 4L * whole.length + (decimal == null ? 0 : 8L * decimal.length);
        if (buckets != null) {
            for (RoaringBitmap b : buckets.values()) {
                bytes += b.getLongSizeInBytes() + 48 + (4L << shift);
            }
        }
        return bytes;
    }
}
