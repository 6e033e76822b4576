package nl.maatwerk.core.segment;

import java.util.Arrays;
import nl.maatwerk.core.model.Channel;

/**
 * The time of each citizen's newest contact: over all channels exactly (seconds since 2000; {@link #NONE} without
 * one), and per channel as a {@code char} of {@code 2^12}-second steps (~68 minutes) from a base set at the first
 * contact, clamped to 1-65535 (0: none; the steps cover ~8.5 years). "Some contact through these channels at or
 * after {@code t}" is then a comparison per candidate, without reading contacts or unioning bitmaps: {@code
 * count(contacts where channel.digital and occurredAt > now - 12m) >= 1}, {@code count(contacts) = 0}, {@code
 * last(contacts).occurredAt < now - 30d}. The coarse value is monotone in the time, so only a candidate whose newest
 * contact lies in the same step as {@code t} (or a clamped one) needs its contacts read. The per-channel values lie
 * together per citizen ({@code [seq * CHANNELS + channel]}, 20 bytes), one cache line per candidate. Kept exact on
 * every put; a remove of a citizen's newest contact of a channel sets the next newest, from that citizen's list.
 */
final class ContactLatest {

    static final int NONE = Integer.MIN_VALUE;
    static final int CHANNELS = Channel.values().length;
    private static final int STEP = 12;

    private int[] any = new int[0];
    private char[] byChannel = new char[0];
    private long base = Long.MIN_VALUE;

    void ensureCitizens(int n) {
        if (n > any.length) {
            resize(n);
        }
    }

    /** Shrinks the arrays to {@code n} citizens (none at or above {@code n} has contacts). */
    void trim(int n) {
        if (n < any.length) {
            resize(n);
        }
    }

    private void resize(int n) {
        int old = any.length;
        any = Arrays.copyOf(any, n);
        byChannel = Arrays.copyOf(byChannel, n * CHANNELS);
        if (n > old) {
            Arrays.fill(any, old, n, NONE);
        }
    }

    void add(int seq, int channel, int time) {
        if (base == Long.MIN_VALUE) {
            base = (time >> STEP) - (1 << 13);   // about a year of room for older contacts arriving later
        }
        int at = seq * CHANNELS + channel;
        byChannel[at] = (char) Math.max(byChannel[at], coarse(time));
        any[seq] = Math.max(any[seq], time);
    }

    /** After a remove: {@code channelNewest} and {@code anyNewest} are the citizen's remaining newest times. */
    void set(int seq, int channel, int channelNewest, int anyNewest) {
        byChannel[seq * CHANNELS + channel] = (char) coarse(channelNewest);
        any[seq] = anyNewest;
    }

    /** True when removing a contact at {@code time} may change the channel's newest (it lies in the newest step). */
    boolean maybeNewest(int seq, int channel, int time) {
        return byChannel[seq * CHANNELS + channel] == coarse(time);
    }

    /** The coarse value (1-65535) of a time, or 0 for {@link #NONE}. */
    int coarse(long time) {
        if (time == NONE) {
            return 0;
        }
        long step = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, time)) >> STEP;
        return (int) Math.max(1, Math.min(Character.MAX_VALUE, step - base + 1));
    }

    /** Newest over all channels, by seq. */
    int[] any() {
        return any;
    }

    /** Coarse newest per channel: {@code [seq * CHANNELS + channel]}. */
    char[] byChannel() {
        return byChannel;
    }

    int capacity() {
        return any.length;
    }

    long bytes() {
        return (4L + 2L * CHANNELS) * any.length;
    }
}
