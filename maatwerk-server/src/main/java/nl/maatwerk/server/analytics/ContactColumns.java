package nl.maatwerk.server.analytics;

import java.util.Arrays;

/**
 * Contacts as parallel arrays, one per field, so a scan over ten million of them touches only the
 * fields it needs. Small codes stand for text ({@link Dictionary}) and enums; -1 or 0 mark "unknown" as
 * each field's comment says.
 */
final class ContactColumns {

    static final byte FCR_UNKNOWN = 0, FCR_YES = 1, FCR_NO = 2;

    int size;
    long[] id;
    int[] citizen;          // citizen.seq, -1 when the contact is not linked to a citizen
    long[] micros;          // occurred_at, microseconds since the epoch
    int[] day;              // local date, days since the epoch
    byte[] hour;            // local hour 0-23
    byte[] channel;         // Channel ordinal
    byte[] direction;       // Direction ordinal
    byte[] kind;            // ContactKind ordinal
    char[] topic, subtopic, district, neighbourhood, source;   // Dictionary codes, 0 = none
    byte[] ageBand;         // AgeBand index, AgeBand.UNKNOWN when no citizen
    byte[] satisfaction;    // 1-5, 0 = not rated
    byte[] fcr;             // FCR_*
    int[] closeSeconds;     // seconds from occurred to closed, -1 = open
    boolean[] repeat;       // inbound, citizen known, and the same topic came in from them in the 7 days before

    ContactColumns(int capacity) {
        allocate(Math.max(capacity, 16));
    }

    private void allocate(int n) {
        id = new long[n];
        citizen = new int[n];
        micros = new long[n];
        day = new int[n];
        hour = new byte[n];
        channel = new byte[n];
        direction = new byte[n];
        kind = new byte[n];
        topic = new char[n];
        subtopic = new char[n];
        district = new char[n];
        neighbourhood = new char[n];
        source = new char[n];
        ageBand = new byte[n];
        satisfaction = new byte[n];
        fcr = new byte[n];
        closeSeconds = new int[n];
        repeat = new boolean[n];
    }

    /** Room for one more row; returns its index. */
    int append() {
        if (size == id.length) {
            resize(size + (size >> 1) + 16);
        }
        return size++;
    }

    void resize(int n) {
        id = Arrays.copyOf(id, n);
        citizen = Arrays.copyOf(citizen, n);
        micros = Arrays.copyOf(micros, n);
        day = Arrays.copyOf(day, n);
        hour = Arrays.copyOf(hour, n);
        channel = Arrays.copyOf(channel, n);
        direction = Arrays.copyOf(direction, n);
        kind = Arrays.copyOf(kind, n);
        topic = Arrays.copyOf(topic, n);
        subtopic = Arrays.copyOf(subtopic, n);
        district = Arrays.copyOf(district, n);
        neighbourhood = Arrays.copyOf(neighbourhood, n);
        source = Arrays.copyOf(source, n);
        ageBand = Arrays.copyOf(ageBand, n);
        satisfaction = Arrays.copyOf(satisfaction, n);
        fcr = Arrays.copyOf(fcr, n);
        closeSeconds = Arrays.copyOf(closeSeconds, n);
        repeat = Arrays.copyOf(repeat, n);
    }

    /** Copies row {@code from} of {@code source} into row {@code to} of this. */
    void copyRow(ContactColumns source, int from, int to) {
        id[to] = source.id[from];
        citizen[to] = source.citizen[from];
        micros[to] = source.micros[from];
        day[to] = source.day[from];
        hour[to] = source.hour[from];
        channel[to] = source.channel[from];
        direction[to] = source.direction[from];
        kind[to] = source.kind[from];
        topic[to] = source.topic[from];
        subtopic[to] = source.subtopic[from];
        district[to] = source.district[from];
        neighbourhood[to] = source.neighbourhood[from];
        this.source[to] = source.source[from];
        ageBand[to] = source.ageBand[from];
        satisfaction[to] = source.satisfaction[from];
        fcr[to] = source.fcr[from];
        closeSeconds[to] = source.closeSeconds[from];
        repeat[to] = source.repeat[from];
    }

    /** A copy holding exactly the rows {@code keep} names, in that order. */
    ContactColumns select(int[] keep, int count) {
        ContactColumns copy = new ContactColumns(count);
        for (int i = 0; i < count; i++) {
            copy.copyRow(this, keep[i], i);
        }
        copy.size = count;
        return copy;
    }
}
