package nl.maatwerk.core.segment;

import java.util.Arrays;

/**
 * Contacts in columns, one array per field, indexed by the contact's id (the database identity is dense, so
 * the id is the slot and no id map is needed): citizen seq, occurred as seconds since 2000-01-01 (so 1932–2068),
 * topic and subtopic codes, channel, direction, kind, satisfaction; and each citizen's slots as a linked list
 * ({@code head} per seq, {@code next} per slot).
 *
 * <p>Aggregates read a {@link ContactRuns} snapshot: the same contacts packed by citizen and time. Citizens whose
 * contacts changed since the snapshot are marked stale and answered from their linked list instead (a handful of
 * slots each); once the changes since the snapshot pass half its size, {@link #settle()} packs a new one. So a
 * committed contact costs a few array stores, and the next evaluation already counts it.
 */
final class ContactStore {

    static final long EPOCH_2000 = 946_684_800L;
    /** "No matching contact" from {@link #extreme}. */
    static final long NO_TIME = Long.MIN_VALUE;
    private static final int NONE = -1;

    private int[] citizen = new int[0];
    private int[] occurred = new int[0];
    private char[] topic = new char[0];
    private char[] subtopic = new char[0];
    private byte[] channel = new byte[0];
    private byte[] direction = new byte[0];
    private byte[] kind = new byte[0];
    private byte[] satisfaction = new byte[0];
    private int[] next = new int[0];
    private int[] head = new int[0];
    private final Dictionary topics = new Dictionary();
    private int size;

    private final ContactPresence presence = new ContactPresence();
    private final ContactTally tally = new ContactTally();
    private final ContactLatest latest = new ContactLatest();
    private ContactRuns runs = ContactRuns.EMPTY;
    /** Bit per seq: its contacts changed since {@link #runs} was packed. */
    private long[] stale = new long[0];
    private int changes;

    void put(ContactRow row) {
        long seconds = row.occurredAt().getEpochSecond() - EPOCH_2000;
        if (seconds < Integer.MIN_VALUE || seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("contact " + row.id() + " occurred outside 1932–2068");
        }
        int slot = (int) row.id();
        remove(slot);
        ensure(slot);
        int seq = row.citizenSeq();
        citizen[slot] = seq;
        occurred[slot] = (int) seconds;
        topic[slot] = topics.code(row.topic());
        subtopic[slot] = topics.code(row.subtopic());
        channel[slot] = (byte) row.channel().ordinal();
        direction[slot] = (byte) row.direction().ordinal();
        kind[slot] = (byte) row.kind().ordinal();
        satisfaction[slot] = row.satisfaction() == null ? 0 : row.satisfaction().byteValue();
        ensureCitizen(seq);
        next[slot] = head[seq];
        head[seq] = slot;
        presence.add(seq, occurred[slot], channel[slot], kind[slot], topic[slot], satisfaction[slot]);
        tally.add(seq, occurred[slot]);
        latest.add(seq, channel[slot], occurred[slot]);
        touch(seq);
        size++;
    }

    void remove(long id) {
        int slot = (int) id;
        if (slot < citizen.length && citizen[slot] != NONE) {
            int seq = citizen[slot];
            if (head[seq] == slot) {
                head[seq] = next[slot];
            } else {
                int s = head[seq];
                while (next[s] != slot) {
                    s = next[s];
                }
                next[s] = next[slot];
            }
            citizen[slot] = NONE;
            forgetPresence(seq, slot);
            tally.remove(seq, occurred[slot]);
            if (latest.of(seq, channel[slot]) == occurred[slot]) {
                int channelNewest = ContactLatest.NONE;
                int anyNewest = ContactLatest.NONE;
                for (int s = head[seq]; s != NONE; s = next[s]) {
                    anyNewest = Math.max(anyNewest, occurred[s]);
                    if (channel[s] == channel[slot]) {
                        channelNewest = Math.max(channelNewest, occurred[s]);
                    }
                }
                latest.set(seq, channel[slot], channelNewest, anyNewest);
            }
            touch(seq);
            size--;
        }
    }

    /** Clears {@code seq} from the presence bitmaps of removed {@code slot} that its other contacts no longer fill. */
    private void forgetPresence(int seq, int slot) {
        int period = ContactPresence.period(occurred[slot]);
        int channelKept = 0;
        int kindKept = 0;
        int topicKept = 0;
        int satisfactionKept = 0;
        for (int s = head[seq]; s != NONE; s = next[s]) {
            if (ContactPresence.period(occurred[s]) == period) {
                channelKept += channel[s] == channel[slot] ? 1 : 0;
                kindKept += kind[s] == kind[slot] ? 1 : 0;
                topicKept += topic[s] == topic[slot] ? 1 : 0;
                satisfactionKept += satisfaction[s] == satisfaction[slot] ? 1 : 0;
            }
        }
        presence.removed(seq, occurred[slot], channel[slot], kind[slot], topic[slot], satisfaction[slot], channelKept,
                kindKept, topicKept, satisfactionKept);
    }

    private void touch(int seq) {
        stale[seq >>> 6] |= 1L << seq;
        changes++;
    }

    private boolean isStale(int seq) {
        return (stale[seq >>> 6] & 1L << seq) != 0;
    }

    /** After a batch of changes: packs a new snapshot when the stale part has grown to half the packed one. */
    void settle() {
        if (changes > 1024 + runs.size() / 2) {
            pack();
        }
    }

    private void ensure(int slot) {
        if (slot >= citizen.length) {
            int old = citizen.length;
            int length = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(slot + 1L, old + (old >> 1) + 1024L));
            citizen = Arrays.copyOf(citizen, length);
            Arrays.fill(citizen, old, length, NONE);
            occurred = Arrays.copyOf(occurred, length);
            topic = Arrays.copyOf(topic, length);
            subtopic = Arrays.copyOf(subtopic, length);
            channel = Arrays.copyOf(channel, length);
            direction = Arrays.copyOf(direction, length);
            kind = Arrays.copyOf(kind, length);
            satisfaction = Arrays.copyOf(satisfaction, length);
            next = Arrays.copyOf(next, length);
        }
    }

    private void ensureCitizen(int seq) {
        if (seq >= head.length) {
            int old = head.length;
            // 1/8 slack: a dozen per-citizen arrays grow with this (tallies, newest times), so new citizens
            // after a load must not add half again to all of them
            int length = Math.max(seq + 1, old + (old >> 3) + 1024);
            head = Arrays.copyOf(head, length);
            Arrays.fill(head, old, length, NONE);
            stale = Arrays.copyOf(stale, (length + 63) >>> 6);
            tally.ensureCitizens(length);
            latest.ensureCitizens(length);
        }
    }

    /** Packs every contact by citizen and time into a new {@link ContactRuns}; nobody is stale afterwards. */
    void pack() {
        int citizens = head.length;
        int[] start = new int[citizens + 1];
        int longest = 0;
        for (int seq = 0; seq < citizens; seq++) {
            int n = 0;
            for (int s = head[seq]; s != NONE; s = next[s]) {
                n++;
            }
            start[seq + 1] = start[seq] + n;
            longest = Math.max(longest, n);
        }
        ContactRuns packed = new ContactRuns(start, start[citizens]);
        long[] keys = new long[longest];
        for (int seq = 0; seq < citizens; seq++) {
            int n = 0;
            for (int s = head[seq]; s != NONE; s = next[s]) {
                keys[n++] = (long) occurred[s] << 32 | s;
            }
            Arrays.sort(keys, 0, n);
            int p = start[seq];
            for (int i = 0; i < n; i++, p++) {
                int s = (int) keys[i];
                packed.words[p] = ContactRuns.word(occurred[s], channel[s], direction[s], kind[s], satisfaction[s],
                        topic[s]);
                packed.subtopic[p] = subtopic[s];
            }
        }
        runs = packed;
        Arrays.fill(stale, 0);
        changes = 0;
        trim();
    }

    /** Drops the growth slack of the per-citizen arrays past the last citizen with contacts (they grow again on demand). */
    private void trim() {
        int n = head.length;
        while (n > 0 && head[n - 1] == NONE) {
            n--;
        }
        if (n < head.length) {
            head = Arrays.copyOf(head, n);
            stale = Arrays.copyOf(stale, (n + 63) >>> 6);
            tally.trim(n);
            latest.trim(n);
        }
    }

    int size() {
        return size;
    }

    Dictionary topics() {
        return topics;
    }

    /**
     * The number of {@code seq}'s contacts in {@code window} (within the filter's {@link ContactFilter#window()})
     * that pass {@code filter}, counted up to {@code limit}.
     */
    int count(int seq, ContactFilter filter, long[] window, int limit) {
        if (seq < head.length && isStale(seq)) {
            int n = 0;
            for (int s = head[seq]; s != NONE && n < limit; s = next[s]) {
                if (occurred[s] >= window[0] && occurred[s] < window[1] && matches(s, filter)) {
                    n++;
                }
            }
            return n;
        }
        return seq < runs.citizens() ? runs.count(seq, filter, window[0], window[1], limit) : 0;
    }

    /** The time (seconds since 2000) of {@code seq}'s last or first contact that passes {@code filter}, else NO_TIME. */
    long extreme(int seq, ContactFilter filter, long[] window, boolean last) {
        if (seq < head.length && isStale(seq)) {
            long best = NO_TIME;
            for (int s = head[seq]; s != NONE; s = next[s]) {
                if (matches(s, filter) && (best == NO_TIME || (last ? occurred[s] > best : occurred[s] < best))) {
                    best = occurred[s];
                }
            }
            return best;
        }
        return seq < runs.citizens() ? runs.extreme(seq, filter, window[0], window[1], last) : NO_TIME;
    }

    /** Who may (and who certainly does) have a contact passing {@code filter} in {@code window}. */
    ContactPresence.Lookup presence(ContactFilter filter, long[] window) {
        return presence.lookup(filter, window[0], window[1]);
    }

    /** Who may (and who certainly does) have one, and two, contacts passing {@code filter} in {@code window}. */
    ContactPresence.Twice twice(ContactFilter filter, long[] window) {
        return presence.twice(filter, window[0], window[1]);
    }

    /** Bounds on each citizen's number of contacts (any channel, kind, topic) in {@code [lo, hi)}. */
    ContactTally.Bounds tally(long lo, long hi) {
        return tally.bounds(lo, hi);
    }

    /** Each citizen's newest contact time per channel and over all. */
    ContactLatest latest() {
        return latest;
    }

    /** The citizens with contacts: those below this seq (the tally's arrays are this long). */
    int citizenCapacity() {
        return head.length;
    }

    private boolean matches(int s, ContactFilter filter) {
        return filter.matches(occurred[s], channel[s], direction[s], kind[s], satisfaction[s], topic[s], subtopic[s]);
    }

    long bytes() {
        return 20L * citizen.length + 4L * head.length + 8L * stale.length + runs.bytes() + topics.bytes()
                + presence.bytes() + tally.bytes() + latest.bytes();
    }
}
