package nl.maatwerk.core.segment;

/**
 * A packed copy of every contact, grouped by citizen and sorted by time within a citizen: citizen {@code seq}'s
 * contacts are positions {@code [start[seq], start[seq + 1])}, oldest first. An aggregate over one citizen is a
 * short, contiguous scan from the newest end that stops at the window's start (or once the count is decided), so
 * an aggregate over a million citizens is a sequential pass with no per-contact calls. Immutable; {@link
 * ContactStore} builds a new one when enough has changed and answers for citizens changed since from its own
 * per-citizen lists.
 */
final class ContactRuns {

    static final ContactRuns EMPTY = new ContactRuns(new int[] {0}, 0);

    final int[] start;
    final int[] occurred;
    final byte[] channel;
    final byte[] direction;
    final byte[] kind;
    final byte[] satisfaction;
    final char[] topic;
    final char[] subtopic;

    ContactRuns(int[] start, int size) {
        this.start = start;
        this.occurred = new int[size];
        this.channel = new byte[size];
        this.direction = new byte[size];
        this.kind = new byte[size];
        this.satisfaction = new byte[size];
        this.topic = new char[size];
        this.subtopic = new char[size];
    }

    int citizens() {
        return start.length - 1;
    }

    int size() {
        return occurred.length;
    }

    /**
     * The number of {@code seq}'s contacts in {@code [lo, hi)} (seconds since 2000) that pass {@code filter}, counted
     * up to {@code limit} (beyond it the answer no longer changes).
     */
    int count(int seq, ContactFilter filter, long lo, long hi, int limit) {
        int first = start[seq];
        int n = 0;
        boolean leaf = filter.isLeaf();
        for (int p = start[seq + 1] - 1; p >= first; p--) {
            int t = occurred[p];
            if (t >= hi) {
                continue;
            }
            if (t < lo) {
                break;
            }
            if (leaf ? filter.codesMatch(channel[p], direction[p], kind[p], satisfaction[p], topic[p], subtopic[p])
                    : filter.matches(t, channel[p], direction[p], kind[p], satisfaction[p], topic[p], subtopic[p])) {
                if (++n >= limit) {
                    break;
                }
            }
        }
        return n;
    }

    /** The time (seconds since 2000) of {@code seq}'s last or first matching contact in {@code [lo, hi)}, else NONE. */
    long extreme(int seq, ContactFilter filter, long lo, long hi, boolean last) {
        boolean leaf = filter.isLeaf();
        int begin = start[seq];
        int end = start[seq + 1];
        int step = last ? -1 : 1;
        for (int p = last ? end - 1 : begin; p >= begin && p < end; p += step) {
            int t = occurred[p];
            if (last ? t >= hi : t < lo) {
                continue;
            }
            if (last ? t < lo : t >= hi) {
                break;
            }
            if (leaf ? filter.codesMatch(channel[p], direction[p], kind[p], satisfaction[p], topic[p], subtopic[p])
                    : filter.matches(t, channel[p], direction[p], kind[p], satisfaction[p], topic[p], subtopic[p])) {
                return t;
            }
        }
        return ContactStore.NO_TIME;
    }

    long bytes() {
        return 4L * start.length + 14L * occurred.length;
    }
}
