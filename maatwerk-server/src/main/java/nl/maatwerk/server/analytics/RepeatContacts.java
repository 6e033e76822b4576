package nl.maatwerk.server.analytics;

import java.util.concurrent.TimeUnit;
import nl.maatwerk.core.model.Direction;

/**
 * Failure demand: an inbound contact of a known citizen is a repeat when the same citizen contacted the
 * municipality inbound about the same topic in the 7 days (7 × 24 hours) before it, strictly earlier.
 */
final class RepeatContacts {

    static final long WINDOW_MICROS = TimeUnit.DAYS.toMicros(7);
    static final byte INBOUND = (byte) Direction.INBOUND.ordinal();

    private RepeatContacts() {
    }

    /**
     * Sets {@code repeat} for rows {@code order[from..to)} of {@code c}, which all belong to one citizen
     * and are in time order.
     */
    static void mark(ContactColumns c, int[] order, int from, int to, boolean[] repeat) {
        for (int a = from; a < to; a++) {
            int row = order[a];
            boolean found = false;
            if (c.direction[row] == INBOUND) {
                long since = c.micros[row] - WINDOW_MICROS;
                for (int b = a - 1; b >= from && !found; b--) {
                    int earlier = order[b];
                    if (c.micros[earlier] < since) {
                        break;
                    }
                    found = c.micros[earlier] < c.micros[row] && c.topic[earlier] == c.topic[row]
                            && c.direction[earlier] == INBOUND;
                }
            }
            repeat[row] = found;
        }
    }
}
