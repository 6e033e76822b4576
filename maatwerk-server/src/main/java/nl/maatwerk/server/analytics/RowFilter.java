package nl.maatwerk.server.analytics;

import java.util.Set;
import java.util.function.ToIntFunction;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;

/** A {@link ContactFilter} compiled to one flag per code, so testing a row is a few array reads. */
final class RowFilter {

    final int fromDay, toDay;
    private final boolean[] channel, direction, kind, topic, subtopic, district, neighbourhood, source;

    RowFilter(ContactFilter f, int fromDay, int toDay, ContactDictionaries d) {
        this.fromDay = fromDay;
        this.toDay = toDay;
        channel = enumMask(f.channels(), Channel.values().length, code -> Codes.find(Channel.class, code).map(Enum::ordinal).orElse(-1));
        direction = enumMask(f.directions(), Direction.values().length, code -> Codes.find(Direction.class, code).map(Enum::ordinal).orElse(-1));
        kind = enumMask(f.kinds(), ContactKind.values().length, code -> Codes.find(ContactKind.class, code).map(Enum::ordinal).orElse(-1));
        topic = enumMask(f.topics(), d.topics().size(), d.topics()::find);
        subtopic = enumMask(f.subtopics(), d.subtopics().size(), d.subtopics()::find);
        district = enumMask(f.districts(), d.districts().size(), d.districts()::find);
        neighbourhood = enumMask(f.neighbourhoods(), d.neighbourhoods().size(), d.neighbourhoods()::find);
        source = enumMask(f.sources(), d.sources().size(), d.sources()::find);
    }

    /** Null when any value passes. */
    private static boolean[] enumMask(Set<String> wanted, int size, ToIntFunction<String> code) {
        if (wanted.isEmpty()) {
            return null;
        }
        boolean[] mask = new boolean[size];
        for (String value : wanted) {
            int c = code.applyAsInt(value);
            if (c >= 0 && c < size) {
                mask[c] = true;
            }
        }
        return mask;
    }

    boolean test(ContactColumns c, int row) {
        int day = c.day[row];
        return day >= fromDay && day <= toDay
                && (channel == null || channel[c.channel[row]])
                && (direction == null || direction[c.direction[row]])
                && (kind == null || kind[c.kind[row]])
                && (topic == null || topic[c.topic[row]])
                && (subtopic == null || subtopic[c.subtopic[row]])
                && (district == null || district[c.district[row]])
                && (neighbourhood == null || neighbourhood[c.neighbourhood[row]])
                && (source == null || source[c.source[row]]);
    }
}
