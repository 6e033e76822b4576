package nl.maatwerk.core.segment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One declared profile attribute from the attribute register, as far as segments need it.
 *
 * @param name            the register name, {@code [a-z][a-z0-9_]*}; written {@code attribute.<name>}
 * @param type            its type; a text attribute with {@code allowedValues} is an enumeration
 * @param allowedValues   the closed list of values for a text attribute, or empty for any text
 * @param specialCategory the GDPR Art. 9 category ({@code health}, {@code religion}, …) or empty
 * @param purposes        the purposes (purpose register keys) it is registered for
 */
public record AttributeDefinition(String name, Type type, List<String> allowedValues,
        Optional<String> specialCategory, Set<String> purposes) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("attribute name must match [a-z][a-z0-9_]*, was " + name);
        }
        Objects.requireNonNull(type, "type");
        allowedValues = List.copyOf(allowedValues);
        if (!allowedValues.isEmpty() && type != Type.TEXT) {
            throw new IllegalArgumentException("only text attributes have allowed values, " + name + " is " + type);
        }
        Objects.requireNonNull(specialCategory, "specialCategory");
        purposes = Set.copyOf(purposes);
    }

    /** An ordinary (not special-category) attribute. */
    public static AttributeDefinition of(String name, Type type, List<String> allowedValues, Set<String> purposes) {
        return new AttributeDefinition(name, type, allowedValues, Optional.empty(), purposes);
    }

    /** Type of an attribute's value, as in the register's {@code type} column. */
    public enum Type {
        TEXT, NUMBER, BOOLEAN, DATE
    }
}
