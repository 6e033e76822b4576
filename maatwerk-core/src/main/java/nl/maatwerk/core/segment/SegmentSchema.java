package nl.maatwerk.core.segment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the compiler may know about declared attributes: the attribute register at one moment.
 * Built-in fields (age, household, contacts, …) are part of the language and need no declaration.
 */
public record SegmentSchema(Map<String, AttributeDefinition> attributes) {

    public SegmentSchema {
        attributes = Map.copyOf(attributes);
        attributes.forEach((name, definition) -> {
            if (!name.equals(definition.name())) {
                throw new IllegalArgumentException("attribute " + definition.name() + " filed under " + name);
            }
        });
    }

    public static SegmentSchema of(Collection<AttributeDefinition> definitions) {
        Map<String, AttributeDefinition> byName = new LinkedHashMap<>();
        for (AttributeDefinition d : definitions) {
            if (byName.put(d.name(), d) != null) {
                throw new IllegalArgumentException("attribute " + d.name() + " declared twice");
            }
        }
        return new SegmentSchema(byName);
    }

    public static SegmentSchema empty() {
        return new SegmentSchema(Map.of());
    }

    public Optional<AttributeDefinition> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
