package nl.maatwerk.core.synth;

import java.util.List;

/*
 * The planted surges of one generation, as calendar day ranges, with their own random stream: the extra
 * (or dropped) contacts draw from it and never from the contact stream, so everything the generator would
 * emit without surges is still emitted, with the same values, and a generation without surges is byte for
 * byte what it was before surges existed. Only the sourceIds after the first changed contact shift.
 */
final class SurgePlan {

    private static final long SURGE_STREAM = 0x165667B19E3779F9L;

    private record Window(Topic topic, String district, int firstDay, int lastDay, double factor) {
    }

    private final List<Window> windows;
    final Rng rng;

    SurgePlan(List<PlantedSurge> surges, ContactCalendar calendar, long seed) {
        this.windows = surges.stream().map(s -> {
            int first = calendar.dayOf(s.week());
            return new Window(Topic.ofSlug(s.topic()), s.district(), first, first + 6, s.factor());
        }).toList();
        this.rng = new Rng(seed ^ SURGE_STREAM);
    }

    boolean isEmpty() {
        return windows.isEmpty();
    }

    /** The product of the factors of the surges that cover this contact; 1 when none does. */
    double factor(Topic topic, String district, int day) {
        double factor = 1.0;
        for (Window w : windows) {
            if (w.topic == topic && day >= w.firstDay && day <= w.lastDay && w.district.equals(district)) {
                factor *= w.factor;
            }
        }
        return factor;
    }

    /** How many contacts stand for one at this factor: 0 or 1 below 1, otherwise 1 + extras. */
    int copies(double factor) {
        double whole = Math.floor(factor);
        return (int) whole + (rng.chance(factor - whole) ? 1 : 0);
    }
}
