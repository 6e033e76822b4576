package nl.maatwerk.core.segment;

import java.util.Arrays;
import nl.maatwerk.core.model.Channel;

/**
 * The time of each citizen's newest contact, per channel and over all channels (seconds since 2000; {@link #NONE}
 * without one). "Some contact through these channels at or after {@code t}" is then a comparison per candidate,
 * without reading contacts or unioning bitmaps: {@code count(contacts where channel.digital and occurredAt > now -
 * 12m) >= 1}, {@code count(contacts) = 0}, {@code last(contacts).occurredAt < now - 30d}. Kept exact on every put;
 * a remove of a citizen's newest contact of a channel asks the store for the next newest.
 */
final class ContactLatest {

    static final int NONE = Integer.MIN_VALUE;
    private static final int CHANNELS = Channel.values().length;

    /** [channel][seq]; index CHANNELS: any channel. */
    private final int[][] latest = new int[CHANNELS + 1][0];

    void ensureCitizens(int n) {
        if (n > latest[0].length) {
            for (int c = 0; c <= CHANNELS; c++) {
                int old = latest[c].length;
                latest[c] = Arrays.copyOf(latest[c], n);
                Arrays.fill(latest[c], old, n, NONE);
            }
        }
    }

    /** Shrinks the arrays to {@code n} citizens (none at or above {@code n} has contacts). */
    void trim(int n) {
        if (n < latest[0].length) {
            for (int c = 0; c <= CHANNELS; c++) {
                latest[c] = Arrays.copyOf(latest[c], n);
            }
        }
    }

    void add(int seq, int channel, int time) {
        latest[channel][seq] = Math.max(latest[channel][seq], time);
        latest[CHANNELS][seq] = Math.max(latest[CHANNELS][seq], time);
    }

    /** After a remove: {@code channelNewest} and {@code anyNewest} are the citizen's remaining newest times. */
    void set(int seq, int channel, int channelNewest, int anyNewest) {
        latest[channel][seq] = channelNewest;
        latest[CHANNELS][seq] = anyNewest;
    }

    int of(int seq, int channel) {
        return latest[channel][seq];
    }

    /** The arrays for the channels in {@code mask} (one array when it allows every channel). */
    int[][] arrays(long mask) {
        int all = (1 << CHANNELS) - 1;
        if ((mask & all) == all) {
            return new int[][] {latest[CHANNELS]};
        }
        return java.util.stream.IntStream.range(0, CHANNELS).filter(c -> (mask >>> c & 1L) != 0)
                .mapToObj(c -> latest[c]).toArray(int[][]::new);
    }

    int capacity() {
        return latest[0].length;
    }

    long bytes() {
        return 4L * (CHANNELS + 1) * latest[0].length;
    }
}
