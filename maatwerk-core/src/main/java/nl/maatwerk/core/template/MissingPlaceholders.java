package nl.maatwerk.core.template;

import java.util.List;

/**
 * Rendering stopped because values are missing: a message never goes out with an empty hole. Lists every missing
 * name (lower case, in order of first use), not just the first.
 */
public final class MissingPlaceholders extends RuntimeException {

    private final List<String> names;

    public MissingPlaceholders(List<String> names) {
        super("no value for " + String.join(", ", names));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("MissingPlaceholders needs at least one name");
        }
        this.names = List.copyOf(names);
    }

    /** The missing names, lower case, in order of first use. */
    public List<String> names() {
        return names;
    }
}
