package nl.maatwerk.core.segment;

/**
 * A packed copy of every contact, grouped by citizen and sorted by time within a citizen: citizen {@code seq}'s
 * contacts are positions {@code [start[seq], start[seq + 1])}, oldest first. Each contact is one {@code long}
 * ({@link #word}): the time in the high 32 bits (so sorting the words sorts by time), then topic, kind, channel,
 * direction and satisfaction codes; subtopics, rarely asked, are a separate column. An aggregate over one citizen is
 * a short, contiguous scan from the newest end that stops at the window's start (or once the count is decided):
 * over a million citizens a sequential pass over one array, with no per-contact calls. Immutable; {@link
 * ContactStore} packs a new one when enough has changed and answers for citizens changed since from its own lists.
 */
final class ContactRuns {

    static final ContactRuns EMPTY = new ContactRuns(new int[] {0}, 0);

    static final int TOPIC_SHIFT = 13;
    static final int KIND_SHIFT = 9;
    static final int CHANNEL_SHIFT = 5;
    static final int DIRECTION_SHIFT = 3;

    final int[] start;
    final long[] words;
    final char[] subtopic;

    ContactRuns(int[] start, int size) {
        this.start = start;
        this.words = new long[size];
        this.subtopic = new char[size];
    }

    /** time (s since 2000) | topic (16 bits) | kind (4) | channel (4) | direction (2) | satisfaction (3). */
    static long word(int time, int channel, int direction, int kind, int satisfaction, char topic) {
        return (long) time << 32 | (long) topic << TOPIC_SHIFT | kind << KIND_SHIFT | channel << CHANNEL_SHIFT
                | direction << DIRECTION_SHIFT | satisfaction;
    }

    int citizens() {
        return start.length - 1;
    }

    int size() {
        return words.length;
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
            long w = words[p];
            int t = (int) (w >> 32);
            if (t >= hi) {
                continue;
            }
            if (t < lo) {
                break;
            }
            if (leaf ? filter.codesMatch(w, subtopic[p]) : filter.matches(w, subtopic[p])) {
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
            long w = words[p];
            int t = (int) (w >> 32);
            if (last ? t >= hi : t < lo) {
                continue;
            }
            if (last ? t < lo : t >= hi) {
                break;
            }
            if (leaf ? filter.codesMatch(w, subtopic[p]) : filter.matches(w, subtopic[p])) {
                return t;
            }
        }
        return ContactStore.NO_TIME;
    }

    long bytes() {
        return 4L * start.length + 10L * words.length;
    }
}
