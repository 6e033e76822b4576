package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The per-period tallies stay exact through puts and removes in any order, including contacts older than the kept
 * periods, periods added before and after, and jumps far ahead: for every window the bounds hold the true count,
 * and for a window of whole kept periods they are that count.
 */
class ContactTallyTests {

    private static final int CITIZENS = 40;
    private static final long PERIOD = 1L << ContactPresence.SHIFT;
    private final Random random = new Random(20261207L);
    private final ContactTally tally = new ContactTally();
    /** contact id → {seq, time}. */
    private final Map<Integer, int[]> contacts = new HashMap<>();

    @Test
    void boundsHoldTheTrueCount_throughPutsRemovesAndMovingPeriods() {
        tally.ensureCitizens(CITIZENS);
        int id = 0;
        long origin = 800_000_000L;   // seconds since 2000, in 2025
        for (int round = 0; round < 60; round++) {
            for (int i = 0; i < 50; i++) {
                if (!contacts.isEmpty() && random.nextInt(3) == 0) {
                    int victim = contacts.keySet().stream().skip(random.nextInt(contacts.size())).findFirst().orElseThrow();
                    int[] c = contacts.remove(victim);
                    tally.remove(c[0], c[1]);
                } else {
                    long spread = round < 20 ? 20 * PERIOD : round < 40 ? 60 * PERIOD : 200 * PERIOD;
                    long time = origin + (long) (random.nextDouble() * spread) - spread / 4;
                    if (round == 45 && i == 0) {
                        time = origin + 500 * PERIOD;   // far ahead: every kept period moves
                    }
                    int seq = random.nextInt(CITIZENS);
                    contacts.put(id++, new int[] {seq, (int) time});
                    tally.add(seq, (int) time);
                }
            }
            check(origin, round);
        }
    }

    private void check(long origin, int round) {
        for (int w = 0; w < 40; w++) {
            long lo = random.nextInt(5) == 0 ? Long.MIN_VALUE : origin + (long) ((random.nextDouble() - 0.3) * 80 * PERIOD);
            long hi = random.nextInt(5) == 0 ? Long.MAX_VALUE : lo == Long.MIN_VALUE
                    ? origin + (long) (random.nextDouble() * 80 * PERIOD) : lo + (long) (random.nextDouble() * 40 * PERIOD);
            if (random.nextBoolean() && lo != Long.MIN_VALUE) {   // whole periods
                lo = Math.floorDiv(lo, PERIOD) * PERIOD;
                hi = hi == Long.MAX_VALUE ? hi : Math.floorDiv(hi, PERIOD) * PERIOD;
            }
            ContactTally.Bounds b = tally.bounds(lo, hi);
            for (int seq = 0; seq < CITIZENS; seq++) {
                long from = lo;
                long to = hi;
                int s = seq;
                int exact = (int) contacts.values().stream().filter(c -> c[0] == s && c[1] >= from && c[1] < to).count();
                int lower = b.lowerTo()[seq] - b.lowerFrom()[seq];
                int upper = b.upperTo()[seq] - b.upperFrom()[seq];
                assertThat(lower).as("round %d, [%d, %d), seq %d: lower", round, lo, hi, seq).isLessThanOrEqualTo(exact);
                assertThat(upper).as("round %d, [%d, %d), seq %d: upper", round, lo, hi, seq).isGreaterThanOrEqualTo(exact);
                if (wholeAndKept(lo, hi)) {
                    assertThat(lower).as("round %d, [%d, %d), seq %d: whole periods", round, lo, hi, seq).isEqualTo(exact);
                }
            }
        }
    }

    /** True when the window is whole periods and reaches back no further than the kept ones (or is open below). */
    private boolean wholeAndKept(long lo, long hi) {
        boolean aligned = (lo == Long.MIN_VALUE || Math.floorMod(lo, PERIOD) == 0)
                && (hi == Long.MAX_VALUE || Math.floorMod(hi, PERIOD) == 0);
        if (!aligned || lo >= hi) {
            return false;
        }
        if (lo == Long.MIN_VALUE) {
            return true;
        }
        int newest = contacts.values().stream().mapToInt(c -> ContactPresence.period(c[1])).max().orElse(0);
        return ContactPresence.period(lo) > newest - ContactTally.PERIODS + 1 + 8;   // well inside the kept periods
    }
}
