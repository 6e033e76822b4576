package nl.maatwerk.core.segment;

import java.util.List;
import nl.maatwerk.core.model.Coded;
import nl.maatwerk.core.model.Codes;

/** A set of codes of a small enum as a bit mask over its ordinals, so a filter tests one bit per row. */
final class Masks {

    private Masks() {
    }

    static <E extends Enum<E> & Coded> long of(Class<E> type, List<String> codes) {
        if (type.getEnumConstants().length > Long.SIZE) {
            throw new IllegalArgumentException(type.getSimpleName() + " has too many constants for a mask");
        }
        long mask = 0;
        for (String code : codes) {
            mask |= Codes.find(type, code).map(e -> 1L << e.ordinal()).orElse(0L);
        }
        return mask;
    }
}
