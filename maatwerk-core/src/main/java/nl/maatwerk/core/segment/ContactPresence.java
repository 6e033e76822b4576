package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Which citizens have at least one contact with a given channel, kind, topic or satisfaction in a given period of {@code 2^21}
 * seconds (about 24 days): one bitmap per (column, value, period), kept exact on every change. A contact aggregate
 * asks it first ({@link #lookup}): citizens outside the {@linkplain Lookup#possible() possible} set have no
 * matching contact, so only the others need their contacts read; and when the filter tests only time and one of
 * these columns, citizens in the {@linkplain Lookup#certain() certain} set (the periods wholly inside the window)
 * have one for sure, so "count(…) &gt;= 1", "= 0" and "last(…).occurredAt &gt; now - N" read contacts only for the
 * citizens seen in the two edge periods and nowhere in between.
 */
final class ContactPresence {

    static final int SHIFT = 21;
    private static final int PERIODS = 1 << (32 - SHIFT);
    private static final int OFFSET = PERIODS / 2;
    private static final int CHANNEL = 0;
    private static final int KIND = 1;
    private static final int TOPIC = 2;
    private static final int SATISFACTION = 3;
    /** Added to a column: the bitmap of citizens with at least two such contacts in the period. */
    private static final int TWICE = 4;
    /** A topic test naming more values than this is left to the contact scan (too many bitmaps to union). */
    private static final int MAX_TOPICS = 16;
    private static final int CHANNELS = Channel.values().length;
    private static final int KINDS = ContactKind.values().length;
    private static final int DIRECTIONS = Direction.values().length;
    /** 0 for "none", then 1-5. */
    private static final int SATISFACTIONS = 6;

    /** Who has at least one matching contact: a superset, and (or null) a subset that certainly has one. */
    record Lookup(RoaringBitmap possible, RoaringBitmap certain) {
    }

    /**
     * Who may have / certainly has at least one ({@code possible1}, {@code certain1}) and at least two
     * ({@code possible2}, {@code certain2}) matching contacts in a window.
     */
    record Twice(RoaringBitmap possible1, RoaringBitmap certain1, RoaringBitmap possible2, RoaringBitmap certain2) {
    }

    private final Map<Integer, RoaringBitmap> bitmaps = new HashMap<>();
    private int firstPeriod = PERIODS;
    private int lastPeriod = -1;

    static int period(long time) {
        return (int) (time >> SHIFT) + OFFSET;
    }

    private static int key(int column, int value, int period) {
        return column << 27 | value << 11 | period;
    }

    void add(int seq, int time, int channel, int kind, char topic, int satisfaction) {
        int p = period(time);
        firstPeriod = Math.min(firstPeriod, p);
        lastPeriod = Math.max(lastPeriod, p);
        add(CHANNEL, channel, p, seq);
        add(KIND, kind, p, seq);
        add(TOPIC, topic, p, seq);
        add(SATISFACTION, satisfaction, p, seq);
    }

    /** Into the "at least one" bitmap, or when already there, into the "at least two" one. */
    private void add(int column, int value, int p, int seq) {
        if (!bitmaps.computeIfAbsent(key(column, value, p), k -> new RoaringBitmap()).checkedAdd(seq)) {
            bitmaps.computeIfAbsent(key(column + TWICE, value, p), k -> new RoaringBitmap()).add(seq);
        }
    }

    /**
     * After removing a contact: how many of {@code seq}'s remaining contacts in the same period share its channel,
     * kind, topic and satisfaction (each counted up to 2) decide which bitmaps still hold {@code seq}.
     */
    void removed(int seq, int time, int channel, int kind, char topic, int satisfaction, int channelKept,
            int kindKept, int topicKept, int satisfactionKept) {
        int p = period(time);
        removed(CHANNEL, channel, p, seq, channelKept);
        removed(KIND, kind, p, seq, kindKept);
        removed(TOPIC, topic, p, seq, topicKept);
        removed(SATISFACTION, satisfaction, p, seq, satisfactionKept);
    }

    private void removed(int column, int value, int p, int seq, int kept) {
        if (kept < 2) {
            clear(key(column + TWICE, value, p), seq);
        }
        if (kept < 1) {
            clear(key(column, value, p), seq);
        }
    }

    private void clear(int key, int seq) {
        RoaringBitmap b = bitmaps.get(key);
        if (b != null) {
            b.remove(seq);
            if (b.isEmpty()) {
                bitmaps.remove(key);
            }
        }
    }

    /**
     * Citizens that may have (and those that certainly have) a contact passing {@code filter} in {@code [lo, hi)}
     * (seconds since 2000; the caller's window, within the filter's own). Fresh bitmaps.
     */
    Lookup lookup(ContactFilter filter, long lo, long hi) {
        if (lo >= hi) {
            return new Lookup(new RoaringBitmap(), new RoaringBitmap());
        }
        int first = Math.max(firstPeriod, period(Math.max(lo, Integer.MIN_VALUE)));
        int last = Math.min(lastPeriod, period(Math.min(hi - 1, Integer.MAX_VALUE)));
        if (first > last) {
            return new Lookup(new RoaringBitmap(), new RoaringBitmap());
        }
        boolean leaf = filter.isLeaf();
        List<int[]> tests = new ArrayList<>();   // {column, allowed values...}
        boolean exact = false;
        if (leaf) {
            int[] channels = allowed(filter.channels, CHANNELS);
            int[] kinds = allowed(filter.kinds, KINDS);
            int[] topics = topics(filter.topics);
            if (channels != null) {
                tests.add(prepend(CHANNEL, channels));
            }
            if (kinds != null) {
                tests.add(prepend(KIND, kinds));
            }
            if (topics != null && topics.length <= MAX_TOPICS) {
                tests.add(prepend(TOPIC, topics));
            }
            int[] satisfactions = allowed(filter.satisfactions, SATISFACTIONS);
            if (satisfactions != null) {
                tests.add(prepend(SATISFACTION, satisfactions));
            }
            exact = answers(filter);
        }
        if (tests.isEmpty()) {
            tests.add(prepend(CHANNEL, every(CHANNELS)));
        }
        RoaringBitmap possible = null;
        for (int[] test : tests) {
            RoaringBitmap any = union(test, first, last, lo, hi, false);
            possible = possible == null ? any : RoaringBitmap.and(possible, any);
        }
        RoaringBitmap certain = exact ? union(tests.get(0), first, last, lo, hi, true) : null;
        return new Lookup(possible, certain);
    }

    /**
     * For a filter that {@linkplain #answers answers}: bounds on "at least one" and "at least two" matches in
     * {@code [lo, hi)}, as a saturating count to two over the (value, period) bitmaps — whole periods for the certain
     * sets, every touched period for the possible ones.
     */
    Twice twice(ContactFilter filter, long lo, long hi) {
        RoaringBitmap ones = new RoaringBitmap();
        RoaringBitmap twos = new RoaringBitmap();
        int first = Math.max(firstPeriod, period(Math.max(lo, Integer.MIN_VALUE)));
        int last = Math.min(lastPeriod, period(Math.min(hi - 1, Integer.MAX_VALUE)));
        if (lo >= hi || first > last) {
            return new Twice(ones, ones, twos, twos);
        }
        int[] test = restricted(filter);
        List<Integer> edges = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            long start = (long) (p - OFFSET) << SHIFT;
            if (start < lo || start + (1L << SHIFT) > hi) {
                edges.add(p);
            } else {
                addUp(test, p, ones, twos);
            }
        }
        RoaringBitmap certain1 = ones.clone();
        RoaringBitmap certain2 = twos.clone();
        for (int p : edges) {
            addUp(test, p, ones, twos);
        }
        return new Twice(ones, certain1, twos, certain2);
    }

    private void addUp(int[] test, int p, RoaringBitmap ones, RoaringBitmap twos) {
        for (int i = 1; i < test.length; i++) {
            RoaringBitmap one = bitmaps.get(key(test[0], test[i], p));
            if (one == null) {
                continue;
            }
            RoaringBitmap two = bitmaps.get(key(test[0] + TWICE, test[i], p));
            if (two != null) {
                twos.or(two);
            }
            twos.or(RoaringBitmap.and(ones, one));
            ones.or(one);
        }
    }

    /** {column, allowed values…} of the one column a filter that {@linkplain #answers answers} restricts. */
    private static int[] restricted(ContactFilter filter) {
        int[] channels = allowed(filter.channels, CHANNELS);
        int[] kinds = allowed(filter.kinds, KINDS);
        int[] topics = topics(filter.topics);
        int[] satisfactions = allowed(filter.satisfactions, SATISFACTIONS);
        return channels != null ? prepend(CHANNEL, channels) : kinds != null ? prepend(KIND, kinds)
                : topics != null ? prepend(TOPIC, topics) : satisfactions != null ? prepend(SATISFACTION, satisfactions)
                : prepend(CHANNEL, every(CHANNELS));
    }

    /** True when a lookup gives a {@linkplain Lookup#certain() certain} set: time and at most one of these columns. */
    static boolean answers(ContactFilter filter) {
        if (!filter.isLeaf()) {
            return false;
        }
        int[] topics = topics(filter.topics);
        int restricted = (allowed(filter.channels, CHANNELS) != null ? 1 : 0)
                + (allowed(filter.kinds, KINDS) != null ? 1 : 0) + (topics != null ? 1 : 0)
                + (allowed(filter.satisfactions, SATISFACTIONS) != null ? 1 : 0);
        return restricted <= 1 && (topics == null || topics.length <= MAX_TOPICS) && filter.subtopics == null
                && allowed(filter.directions, DIRECTIONS) == null;
    }

    private RoaringBitmap union(int[] test, int first, int last, long lo, long hi, boolean wholly) {
        List<RoaringBitmap> parts = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            long start = (long) (p - OFFSET) << SHIFT;
            if (wholly && (start < lo || start + (1L << SHIFT) > hi)) {
                continue;
            }
            for (int i = 1; i < test.length; i++) {
                RoaringBitmap b = bitmaps.get(key(test[0], test[i], p));
                if (b != null) {
                    parts.add(b);
                }
            }
        }
        return parts.isEmpty() ? new RoaringBitmap() : FastAggregation.or(parts.iterator());
    }

    /** The codes in {@code [0, n)} a mask allows, or null when it allows them all. */
    private static int[] allowed(long mask, int n) {
        int[] codes = new int[n];
        int k = 0;
        for (int c = 0; c < n; c++) {
            if ((mask >>> c & 1L) != 0) {
                codes[k++] = c;
            }
        }
        return k == n ? null : java.util.Arrays.copyOf(codes, k);
    }

    private static int[] topics(boolean[] allowed) {
        if (allowed == null) {
            return null;
        }
        int[] codes = new int[allowed.length];
        int k = 0;
        for (int c = 0; c < allowed.length; c++) {
            if (allowed[c]) {
                codes[k++] = c;
            }
        }
        return java.util.Arrays.copyOf(codes, k);
    }

    private static int[] every(int n) {
        int[] codes = new int[n];
        for (int c = 0; c < n; c++) {
            codes[c] = c;
        }
        return codes;
    }

    private static int[] prepend(int column, int[] values) {
        int[] test = new int[values.length + 1];
        test[0] = column;
        System.arraycopy(values, 0, test, 1, values.length);
        return test;
    }

    long bytes() {
        long bytes = 0;
        for (RoaringBitmap b : bitmaps.values()) {
            bytes += b.getLongSizeInBytes() + 64;
        }
        return bytes;
    }
}
