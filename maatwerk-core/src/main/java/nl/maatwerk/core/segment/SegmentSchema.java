package nl.maatwerk.core.segment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the compiler may know about declared attributes and purposes: the attribute and purpose registers at one
 * moment. Built-in fields (age, household, contacts, …) are part of the language and need no declaration; when
 * {@code purposes} is not empty, their data categories are checked against the segment's purpose too, and an
 * unknown purpose is refused.
 */
public record SegmentSchema(Map<String, AttributeDefinition> attributes, Map<String, Purpose> purposes) {

    public SegmentSchema {
        attributes = Map.copyOf(attributes);
        purposes = Map.copyOf(purposes);
        purposes.forEach((key, purpose) -> {
            if (!key.equals(purpose.key())) {
                throw new IllegalArgumentException("purpose " + purpose.key() + " filed under " + key);
            }
        });
        attributes.forEach((name, definition) -> {
            if (!name.equals(definition.name())) {
                throw new IllegalArgumentException("attribute " + definition.name() + " filed under " + name);
            }
        });
    }

    /** Attributes only: purposes are checked for attributes, not for built-in fields. */
    public static SegmentSchema of(Collection<AttributeDefinition> definitions) {
        return of(definitions, List.of());
    }

    /** Attributes and purposes: built-in fields are checked against the purpose's data categories too. */
    public static SegmentSchema of(Collection<AttributeDefinition> definitions, Collection<Purpose> purposes) {
        Map<String, AttributeDefinition> byName = new LinkedHashMap<>();
        for (AttributeDefinition d : definitions) {
            if (byName.put(d.name(), d) != null) {
                throw new IllegalArgumentException("attribute " + d.name() + " declared twice");
            }
        }
        Map<String, Purpose> byKey = new LinkedHashMap<>();
        for (Purpose p : purposes) {
            if (byKey.put(p.key(), p) != null) {
                throw new IllegalArgumentException("purpose " + p.key() + " declared twice");
            }
        }
        return new SegmentSchema(byName, byKey);
    }

    public static SegmentSchema empty() {
        return new SegmentSchema(Map.of(), Map.of());
    }

    public Optional<Purpose> purpose(String key) {
        return Optional.ofNullable(purposes.get(key));
    }

    public Optional<AttributeDefinition> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
