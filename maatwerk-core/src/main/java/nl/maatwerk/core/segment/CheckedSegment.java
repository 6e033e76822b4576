package nl.maatwerk.core.segment;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A segment expression that passed every check for its purpose, with the segments it refers to (directly or
 * not) checked and resolved. Only {@link SegmentCompiler} makes one; the engine and the SQL translation take
 * nothing else, so an unchecked expression cannot be evaluated.
 *
 * <p>Immutable. The references are a snapshot: when a referenced segment changes, compile again.
 */
public final class CheckedSegment {

    private final String key;
    private final String purpose;
    private final Expression expression;
    private final Map<String, Expression> references;
    private final SegmentSchema schema;

    CheckedSegment(String key, String purpose, Expression expression, Map<String, Expression> references,
            SegmentSchema schema) {
        this.key = key;
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.expression = Objects.requireNonNull(expression, "expression");
        this.references = Map.copyOf(references);
        this.schema = schema;
    }

    /** The segment's own key, or empty for an expression being tried out. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    public String purpose() {
        return purpose;
    }

    /** The tree, with field names in their canonical spelling. */
    public Expression expression() {
        return expression;
    }

    /** The canonical text. */
    public String text() {
        return SegmentLanguage.format(expression);
    }

    /** Keys of every segment this one uses, directly or through others. */
    public Set<String> referencedKeys() {
        return references.keySet();
    }

    Map<String, Expression> references() {
        return references;
    }

    SegmentSchema schema() {
        return schema;
    }

    @Override
    public String toString() {
        return (key == null ? "" : key + ": ") + text();
    }
}
