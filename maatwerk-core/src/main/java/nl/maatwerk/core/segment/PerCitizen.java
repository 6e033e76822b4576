package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.roaringbitmap.RoaringBitmap;

/**
 * Small lists of rows per citizen (travel documents, cases), by seq, with a bitmap of the seqs that have any.
 * A citizen has a handful at most, so a scan over the holders is cheap and needs no secondary index.
 */
final class PerCitizen<T> {

    private Object[] bySeq = new Object[0];
    private final RoaringBitmap holders = new RoaringBitmap();
    private int size;

    /** Adds {@code row}, replacing a row of the same citizen for which {@code same} holds. */
    void put(int seq, T row, Predicate<T> same) {
        remove(seq, same);
        if (seq >= bySeq.length) {
            bySeq = Arrays.copyOf(bySeq, Math.max(seq + 1, bySeq.length + (bySeq.length >> 1) + 16));
        }
        List<T> rows = rows(seq);
        if (rows.isEmpty()) {
            rows = new ArrayList<>(2);
            bySeq[seq] = rows;
            holders.add(seq);
        }
        rows.add(row);
        size++;
    }

    void remove(int seq, Predicate<T> which) {
        List<T> rows = rows(seq);
        int before = rows.size();
        rows.removeIf(which);
        size -= before - rows.size();
        if (before > 0 && rows.isEmpty()) {
            bySeq[seq] = null;
            holders.remove(seq);
        }
    }

    void clear(int seq) {
        remove(seq, row -> true);
    }

    @SuppressWarnings("unchecked")
    List<T> rows(int seq) {
        Object rows = seq < bySeq.length ? bySeq[seq] : null;
        return rows == null ? new ArrayList<>(0) : (List<T>) rows;
    }

    RoaringBitmap holders() {
        return holders;
    }

    int size() {
        return size;
    }

    long bytes(int bytesPerRow) {
        return 8L * bySeq.length + holders.getLongSizeInBytes() + (long) holders.getCardinality() * 40
                + (long) size * bytesPerRow;
    }
}
