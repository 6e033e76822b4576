package nl.maatwerk.core.segment;

import java.math.BigDecimal;
import java.util.Arrays;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

/**
 * A numeric column as a dense array by seq, scanned for ranges. At a million citizens a scan is about a
 * millisecond, and an update is one store, which is why this is not a bit-sliced index: the engine's counts are
 * dominated by contact scans, and a BSI would save memory only where values are few and small.
 * Whole values (dates as epoch days, sizes, ages) use {@code long} comparisons on {@code int} storage;
 * decimal attributes use a separate {@code double} array.
 */
final class NumberColumn {

    static final int MISSING = Integer.MIN_VALUE;

    private int[] whole = new int[0];
    private double[] decimal;

    void setWhole(int seq, Integer value) {
        if (value == null && seq >= whole.length) {
            return;
        }
        ensure(seq);
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
        return 4L * whole.length + (decimal == null ? 0 : 8L * decimal.length);
    }
}
