package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * How many contacts each citizen has, cumulatively per {@linkplain ContactPresence#period period} (~24 days):
 * {@code cum[i][seq]} is the number of {@code seq}'s contacts in every period up to {@code base + i - 1}, and
 * {@code cum[0]} counts those before {@code base}. The number of contacts in a run of whole periods is then the
 * difference of two arrays, so {@code count(contacts where occurredAt > now - 12m) >= 3} is decided for most
 * citizens from two or four array reads, without reading a contact; only citizens whose partial (edge) periods
 * could tip the answer are read ({@link #bounds}). Kept exact on every put and remove.
 *
 * <p>At most {@link #PERIODS} periods (~2 years) are kept apart; older contacts are only counted in {@code cum[0]},
 * which makes a window reaching back that far an edge (read). A citizen whose count would pass 65,535 is marked
 * {@linkplain #overflow} and is always read. 2 bytes per citizen per period.
 */
final class ContactTally {

    static final int PERIODS = 32;
    private static final int MAX = Character.MAX_VALUE;

    /** {@code cum.get(0)}: before {@link #base}; {@code cum.get(i)}: up to and including period {@code base + i - 1}. */
    private final List<char[]> cum = new ArrayList<>();
    private int base;
    private int capacity;
    /** A count of zero for everyone (stands in for "no period" in {@link Bounds}). */
    private char[] zeros = new char[0];
    private final RoaringBitmap overflow = new RoaringBitmap();

    /** Bounds on a window's count per seq (below {@code capacity}): {@code lowerTo - lowerFrom}, {@code upperTo - upperFrom}. */
    record Bounds(char[] lowerTo, char[] lowerFrom, char[] upperTo, char[] upperFrom, RoaringBitmap overflow) {
    }

    void ensureCitizens(int n) {
        if (n > capacity) {
            for (int i = 0; i < cum.size(); i++) {
                cum.set(i, java.util.Arrays.copyOf(cum.get(i), n));
            }
            capacity = n;
            zeros = new char[n];
        }
    }

    /** Shrinks the arrays to {@code n} citizens (none at or above {@code n} has contacts). */
    void trim(int n) {
        if (n < capacity) {
            for (int i = 0; i < cum.size(); i++) {
                cum.set(i, java.util.Arrays.copyOf(cum.get(i), n));
            }
            capacity = n;
            zeros = new char[n];
        }
    }

    void add(int seq, int time) {
        if (overflow.contains(seq)) {
            return;
        }
        int from = index(ContactPresence.period(time), true);
        char[] last = cum.get(cum.size() - 1);
        if (last[seq] == MAX) {
            overflow.add(seq);
            return;
        }
        for (int i = from; i < cum.size(); i++) {
            cum.get(i)[seq]++;
        }
    }

    void remove(int seq, int time) {
        if (overflow.contains(seq)) {
            return;
        }
        for (int i = index(ContactPresence.period(time), false); i < cum.size(); i++) {
            cum.get(i)[seq]--;
        }
    }

    /** The first array counting a contact in period {@code p}; with {@code grow}, makes room for {@code p} first. */
    private int index(int p, boolean grow) {
        if (grow) {
            if (cum.isEmpty()) {
                base = p;
                cum.add(new char[capacity]);
                cum.add(new char[capacity]);
            } else if (p < base && top() - p < PERIODS) {
                while (base > p) {   // earlier periods: nobody had contacts there, their counts equal "before"
                    cum.add(1, cum.get(0).clone());
                    base--;
                }
            } else if (p > top()) {
                while (top() < p) {
                    if (cum.size() - 1 == PERIODS) {   // the oldest period joins "before"
                        cum.remove(0);
                        base++;
                    }
                    if (p - top() > PERIODS) {   // a jump far ahead: every kept period is past the old ones
                        char[] all = cum.get(cum.size() - 1);
                        cum.clear();
                        cum.add(all);
                        base = p - PERIODS + 1;
                        for (int i = 0; i < PERIODS; i++) {
                            cum.add(all.clone());
                        }
                    } else {
                        cum.add(cum.get(cum.size() - 1).clone());
                    }
                }
            }
        }
        return p < base ? 0 : p - base + 1;
    }

    private int top() {
        return base + cum.size() - 2;
    }

    /**
     * Bounds on the number of contacts in {@code [lo, hi)} (seconds since 2000; MIN/MAX: open): the lower bound
     * counts the whole periods inside the window, the upper one every period it touches.
     */
    Bounds bounds(long lo, long hi) {
        if (cum.isEmpty() || lo >= hi) {
            return new Bounds(zeros, zeros, zeros, zeros, overflow);
        }
        int k = cum.size() - 1;
        boolean openLo = lo <= Integer.MIN_VALUE;
        boolean openHi = hi > Integer.MAX_VALUE;
        long pLo = openLo ? Long.MIN_VALUE : ContactPresence.period(lo);
        long pHi = openHi ? Long.MAX_VALUE : ContactPresence.period(hi - 1);
        long wLo = openLo ? Long.MIN_VALUE : start(pLo) == lo ? pLo : pLo + 1;
        long wHi = openHi ? Long.MAX_VALUE : start(pHi + 1) == hi ? pHi : pHi - 1;
        // lower: C(wHi) - C(wLo - 1), with C(q) for q before base taken as 0 (upper end) or all of "before" (lower end)
        char[] lowerTo = zeros;
        char[] lowerFrom = zeros;
        if (wLo <= wHi && (openHi || wHi >= base - 1)) {
            int l1 = openHi ? k : (int) Math.min(k, wHi - base + 1);
            int l0 = openLo ? -1 : (int) Math.min(k, Math.max(0, wLo - base));
            if (l0 < l1) {
                lowerTo = cum.get(l1);
                lowerFrom = l0 < 0 ? zeros : cum.get(l0);
            }
        }
        // upper: C(pHi) - C(pLo - 1), C(q) before base taken as all of "before" (upper end) or 0 (lower end)
        int u1 = openHi ? k : (int) Math.max(0, Math.min(k, pHi - base + 1));
        int u0 = openLo || pLo - base < 0 ? -1 : (int) Math.min(k, pLo - base);
        char[] upperTo = u0 < u1 ? cum.get(u1) : zeros;
        char[] upperFrom = u0 < 0 || u0 >= u1 ? zeros : cum.get(u0);
        return new Bounds(lowerTo, lowerFrom, upperTo, upperFrom, overflow);
    }

    private static long start(long period) {
        return (period - (1 << (31 - ContactPresence.SHIFT))) << ContactPresence.SHIFT;
    }

    long bytes() {
        return 2L * capacity * (cum.size() + 1) + overflow.getLongSizeInBytes();
    }
}
