package nl.maatwerk.core.segment;

import java.util.Arrays;
import nl.maatwerk.core.model.Channel;

/**
 * The time of each citizen's newest contact, over all channels and per channel (seconds since 2000; {@link #NONE}
 * without one). "Some contact through these channels at or after {@code t}" is then a comparison per candidate,
 * without reading contacts or unioning bitmaps: {@code count(contacts where channel.digital and occurredAt > now -
 * 12m) >= 1}, {@code count(contacts) = 0}, {@code last(contacts).occurredAt < now - 30d}. The per-channel times lie
 * together per citizen ({@code byChannel[seq * CHANNELS + channel]}), so a candidate costs one cache line however
 * many channels are asked. Kept exact on every put; a remove of a citizen's newest contact of a channel sets the next
 * newest, which the store finds in that citizen's list.
 */
final class ContactLatest {

    static final int NONE = Integer.MIN_VALUE;
    static final int CHANNELS = Channel.values().length;

    private int[] any = new int[0];
    private int[] byChannel = new int[0];

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
            Arrays.fill(byChannel, old * CHANNELS, n * CHANNELS, NONE);
        }
    }

    void add(int seq, int channel, int time) {
        int at = seq * CHANNELS + channel;
        byChannel[at] = Math.max(byChannel[at], time);
        any[seq] = Math.max(any[seq], time);
    }

    /** After a remove: {@code channelNewest} and {@code anyNewest} are the citizen's remaining newest times. */
    void set(int seq, int channel, int channelNewest, int anyNewest) {
        byChannel[seq * CHANNELS + channel] = channelNewest;
        any[seq] = anyNewest;
    }

    int of(int seq, int channel) {
        return byChannel[seq * CHANNELS + channel];
    }

    /** Newest over all channels, by seq. */
    int[] any() {
        return any;
    }

    /** Newest per channel: {@code [seq * CHANNELS + channel]}. */
    int[] byChannel() {
        return byChannel;
    }

    int capacity() {
        return any.length;
    }

    long bytes() {
        return 4L * (CHANNELS + 1) * any.length;
    }
}
