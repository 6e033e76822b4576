package nl.maatwerk.server.engage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * At most {@code max} messages per citizen in any {@code window}, across all journeys. Counted on the moments the
 * messages go out (after quiet hours), so two journeys deciding at night for the same morning are both counted.
 */
record FrequencyCap(int max, Duration window) {

    FrequencyCap {
        if (max < 1) {
            throw new IllegalArgumentException("a frequency cap allows at least 1 message, was " + max);
        }
    }

    /**
     * When a message planned for {@code at} may go out given the citizen's other planned sends (sorted): {@code at}
     * itself, or the moment the oldest send in its window drops out of it.
     */
    Instant earliest(Instant at, List<Instant> planned) {
        // later planned sends count as if they went out now: conservative, and they cannot be pushed over the cap
        List<Instant> inWindow = planned.stream().filter(p -> p.isAfter(at.minus(window))).sorted().toList();
        if (inWindow.size() < max) {
            return at;
        }
        // a window ending later holds fewer than max of these once the (size - max + 1)-th oldest has left it
        Instant drop = inWindow.get(inWindow.size() - max).plus(window);
        return drop.isAfter(at) ? drop : at;
    }
}
