package nl.maatwerk.core.template;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The values for one rendering, looked up by lower-case name (placeholder names are case-insensitive, like
 * Notify's). A {@code null} value counts as missing.
 */
final class Values {

    private final Map<String, Object> byName = new HashMap<>();

    Values(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        values.forEach((name, value) -> {
            String key = Objects.requireNonNull(name, "a value's name").strip().toLowerCase(Locale.ROOT);
            if (value != null) {
                Object earlier = byName.put(key, value);
                if (earlier != null && !earlier.equals(value)) {
                    throw new IllegalArgumentException("two different values for the name " + key
                            + " (names are case-insensitive)");
                }
            }
        });
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    String text(String name) {
        return String.valueOf(byName.get(name));
    }

    /**
     * Whether optional text guarded by {@code name} is shown: true for {@code true}, a non-zero number, a
     * non-empty collection, and any non-blank text except false/no/nee/0 (so yes/ja/true and a name show it).
     */
    boolean truthy(String name) {
        Object value = byName.get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0.0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        return !(text.isEmpty() || text.equals("false") || text.equals("no") || text.equals("nee")
                || text.equals("0"));
    }
}
