package nl.maatwerk.core.segment;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.IntConsumer;
import org.roaringbitmap.RoaringBitmap;

/**
 * Contacts in columns, one array per field, indexed by the contact's id (the database identity is dense, so
 * the id is the slot and no id map is needed). 16 bytes a contact: citizen seq (4), occurred as seconds since
 * 2000-01-01 (4, so 1932–2068), topic and subtopic codes (2 + 2), channel, direction, kind, satisfaction (1 each).
 *
 * <p>Time buckets of 2^20 s (about 12 days) hold the slots that occurred in them. A filter with a time window
 * (as good as every one: "occurredAt &gt; now - 90d") visits only the buckets the window touches, and tests each
 * candidate against the columns; with contacts roughly in id order the buckets are runs and cost little.
 */
final class ContactStore {

    static final long EPOCH_2000 = 946_684_800L;
    static final int BUCKET_SHIFT = 20;
    private static final int NONE = -1;

    private int[] citizen = new int[0];
    private int[] occurred = new int[0];
    private char[] topic = new char[0];
    private char[] subtopic = new char[0];
    private byte[] channel = new byte[0];
    private byte[] direction = new byte[0];
    private byte[] kind = new byte[0];
    private byte[] satisfaction = new byte[0];
    private final Dictionary topics = new Dictionary();
    private final TreeMap<Integer, RoaringBitmap> buckets = new TreeMap<>();
    private int size;

    void put(ContactRow row) {
        long seconds = row.occurredAt().getEpochSecond() - EPOCH_2000;
        if (seconds < Integer.MIN_VALUE || seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("contact " + row.id() + " occurred outside 1932–2068");
        }
        int slot = (int) row.id();
        remove(slot);
        ensure(slot);
        citizen[slot] = row.citizenSeq();
        occurred[slot] = (int) seconds;
        topic[slot] = topics.code(row.topic());
        subtopic[slot] = topics.code(row.subtopic());
        channel[slot] = (byte) row.channel().ordinal();
        direction[slot] = (byte) row.direction().ordinal();
        kind[slot] = (byte) row.kind().ordinal();
        satisfaction[slot] = row.satisfaction() == null ? 0 : row.satisfaction().byteValue();
        buckets.computeIfAbsent(occurred[slot] >> BUCKET_SHIFT, b -> new RoaringBitmap()).add(slot);
        size++;
    }

    void remove(long id) {
        int slot = (int) id;
        if (slot < citizen.length && citizen[slot] != NONE) {
            RoaringBitmap bucket = buckets.get(occurred[slot] >> BUCKET_SHIFT);
            bucket.remove(slot);
            if (bucket.isEmpty()) {
                buckets.remove(occurred[slot] >> BUCKET_SHIFT);
            }
            citizen[slot] = NONE;
            size--;
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
        }
    }

    int size() {
        return size;
    }

    /**
     * Calls {@code action} with (slot, citizen seq) for every contact that may lie in the epoch-second window
     * {@code [from, to)} and passes {@code test}.
     */
    void forEach(long from, long to, ContactTest test, SlotAction action) {
        Map<Integer, RoaringBitmap> window = buckets;
        long lo = Math.max(from, Long.MIN_VALUE + EPOCH_2000) - EPOCH_2000;
        long hi = to - EPOCH_2000;
        if (lo >= hi) {
            return;
        }
        if (lo > Integer.MIN_VALUE || hi < Integer.MAX_VALUE) {
            int first = (int) (Math.max(lo, Integer.MIN_VALUE) >> BUCKET_SHIFT);
            int last = (int) (Math.min(hi, Integer.MAX_VALUE) >> BUCKET_SHIFT);
            window = buckets.subMap(first, true, last, true);
        }
        IntConsumer visit = slot -> {
            if (test.test(this, slot)) {
                action.accept(slot, citizen[slot]);
            }
        };
        for (RoaringBitmap bucket : window.values()) {
            bucket.forEach(visit);
        }
    }

    long occurredAt(int slot) {
        return occurred[slot] + EPOCH_2000;
    }

    int channel(int slot) {
        return channel[slot];
    }

    int direction(int slot) {
        return direction[slot];
    }

    int kind(int slot) {
        return kind[slot];
    }

    char topic(int slot) {
        return topic[slot];
    }

    char subtopic(int slot) {
        return subtopic[slot];
    }

    int satisfaction(int slot) {
        return satisfaction[slot];
    }

    Dictionary topics() {
        return topics;
    }

    long bytes() {
        long bytes = 16L * citizen.length + topics.bytes();
        for (RoaringBitmap b : buckets.values()) {
            bytes += b.getLongSizeInBytes() + 48;
        }
        return bytes;
    }

    /** A compiled contact filter. */
    @FunctionalInterface
    interface ContactTest {
        boolean test(ContactStore store, int slot);
    }

    /** What to do with a matching contact. */
    @FunctionalInterface
    interface SlotAction {
        void accept(int slot, int citizenSeq);
    }
}
