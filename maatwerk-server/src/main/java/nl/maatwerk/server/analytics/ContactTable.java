package nl.maatwerk.server.analytics;

import java.util.Arrays;

/**
 * The bulk of the contacts, immutable, sorted by citizen and then by time, so that one pass can count
 * distinct citizens per group by remembering only the last citizen seen in each group. Unlinked
 * contacts come last. Also finds a row by contact id, and a citizen's rows.
 */
final class ContactTable {

    private static final int ROW_BITS = 27;
    static final ContactTable EMPTY = build(new ContactColumns(0));

    final ContactColumns rows;
    /** Rows of citizen seq {@code s} are {@code citizenStart[s]..citizenStart[s+1]}; unlinked rows follow the last citizen. */
    final int[] citizenStart;
    /** Row indices in contact-id order. */
    private final int[] byId;
    /** Local days of the first and last contact (MAX_VALUE and MIN_VALUE when empty). */
    final int firstDay, lastDay;

    private ContactTable(ContactColumns rows, int[] citizenStart, int[] byId) {
        this.rows = rows;
        this.citizenStart = citizenStart;
        this.byId = byId;
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (int row = 0; row < rows.size; row++) {
            first = Math.min(first, rows.day[row]);
            last = Math.max(last, rows.day[row]);
        }
        this.firstDay = first;
        this.lastDay = last;
    }

    int size() {
        return rows.size;
    }

    /** Sorts {@code source} (any order) into a table; counting sort by citizen, then by time within each. */
    static ContactTable build(ContactColumns source) {
        int n = source.size;
        int maxCitizen = 0;
        for (int i = 0; i < n; i++) {
            maxCitizen = Math.max(maxCitizen, source.citizen[i]);
        }
        int buckets = maxCitizen + 2;  // citizen seqs 0..max, then one bucket for unlinked rows
        int[] start = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            start[bucket(source.citizen[i], buckets) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] order = new int[n];
        int[] next = Arrays.copyOf(start, buckets);
        for (int i = 0; i < n; i++) {
            order[next[bucket(source.citizen[i], buckets)]++] = i;
        }
        for (int b = 0; b < buckets - 1; b++) {  // unlinked contacts (the last bucket) need no order
            sortByTime(source, order, start[b], start[b + 1]);
        }
        ContactColumns sorted = source.select(order, n);
        int[] identity = new int[n];
        for (int i = 0; i < n; i++) {
            identity[i] = i;
        }
        for (int b = 0; b < buckets - 1; b++) {
            RepeatContacts.mark(sorted, identity, start[b], start[b + 1], sorted.repeat);
        }
        for (int i = start[buckets - 1]; i < n; i++) {
            sorted.repeat[i] = false;
        }
        return new ContactTable(sorted, start, idOrder(sorted));
    }

    private static int bucket(int citizen, int buckets) {
        return citizen < 0 ? buckets - 1 : citizen;
    }

    /** Insertion sort for the usual handful of contacts per citizen; a merge sort for the rare big ones. */
    private static void sortByTime(ContactColumns c, int[] order, int from, int to) {
        if (to - from > 32) {
            Integer[] rows = new Integer[to - from];
            for (int i = from; i < to; i++) {
                rows[i - from] = order[i];
            }
            Arrays.sort(rows, (a, b) -> later(c, a, b) ? 1 : later(c, b, a) ? -1 : 0);
            for (int i = from; i < to; i++) {
                order[i] = rows[i - from];
            }
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int row = order[i];
            int j = i - 1;
            while (j >= from && later(c, order[j], row)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = row;
        }
    }

    private static boolean later(ContactColumns c, int a, int b) {
        return c.micros[a] > c.micros[b] || (c.micros[a] == c.micros[b] && c.id[a] > c.id[b]);
    }

    /** Rows in id order, by sorting id and row packed into one long: ids stay far below 2^36. */
    private static int[] idOrder(ContactColumns c) {
        int n = c.size;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            if (c.id[i] < 0 || c.id[i] >= 1L << (63 - ROW_BITS) || n >= 1 << ROW_BITS) {
                throw new IllegalStateException("contact id " + c.id[i] + " or " + n + " rows exceed the analytics index");
            }
            packed[i] = c.id[i] << ROW_BITS | i;
        }
        Arrays.parallelSort(packed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (packed[i] & ((1L << ROW_BITS) - 1));
        }
        return order;
    }

    /** The row holding contact {@code id}, or -1. */
    int rowOf(long id) {
        int lo = 0, hi = byId.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long value = rows.id[byId[mid]];
            if (value < id) {
                lo = mid + 1;
            } else if (value > id) {
                hi = mid - 1;
            } else {
                return byId[mid];
            }
        }
        return -1;
    }

    int firstRowOf(int citizen) {
        return citizen >= 0 && citizen + 1 < citizenStart.length - 1 ? citizenStart[citizen] : 0;
    }

    int endRowOf(int citizen) {
        return citizen >= 0 && citizen + 1 < citizenStart.length - 1 ? citizenStart[citizen + 1] : 0;
    }
}
