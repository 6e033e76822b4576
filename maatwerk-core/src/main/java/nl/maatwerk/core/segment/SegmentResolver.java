package nl.maatwerk.core.segment;

import java.util.Map;
import java.util.Optional;

/** Finds the text of another segment for {@code in segment "key"}; the server reads its segment store. */
@FunctionalInterface
public interface SegmentResolver {

    /** The expression text of segment {@code key}, or empty when there is none. */
    Optional<String> find(String key);

    static SegmentResolver none() {
        return key -> Optional.empty();
    }

    static SegmentResolver of(Map<String, String> textByKey) {
        Map<String, String> copy = Map.copyOf(textByKey);
        return key -> Optional.ofNullable(copy.get(key));
    }
}
