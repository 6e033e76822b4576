package nl.maatwerk.core.segment;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Checks segment expressions against the attribute register and a purpose, and resolves {@code in segment}
 * references. Every problem is collected and thrown together as a {@link SegmentException}:
 * <ul>
 * <li>unknown fields (with the closest known name), wrong operators, wrong or unknown literal values;</li>
 * <li>special-category attributes (GDPR Art. 9), always refused;</li>
 * <li>attributes not registered for the segment's purpose, and, when the schema knows the purpose register,
 * built-in fields whose data category the purpose does not cover, and unknown purposes;</li>
 * <li>unknown referenced segments, referenced segments with problems, and cycles ({@code a → b → a}).</li>
 * </ul>
 * A referenced segment is checked under the referring segment's purpose.
 *
 * <p>Immutable and thread-safe as long as the resolver is.
 */
public final class SegmentCompiler {

    private final SegmentSchema schema;
    private final SegmentResolver resolver;

    public SegmentCompiler(SegmentSchema schema, SegmentResolver resolver) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Parses and checks {@code text}.
     *
     * @param key     the segment's own key (for cycle detection), or {@code null} for an unsaved expression
     * @param purpose the purpose register key the segment is for, such as {@code segmentation}
     * @throws SegmentException with every problem found
     */
    public CheckedSegment compile(String key, String purpose, String text) {
        ParsedSegment parsed = SegmentLanguage.parseWithPositions(Objects.requireNonNull(text, "text"));
        return check(key, purpose, parsed.expression(), parsed.positions());
    }

    /** Checks a tree that did not come from text (the JSON form); problems then have no line and column. */
    public CheckedSegment compile(String key, String purpose, Expression expression) {
        return check(key, purpose, Objects.requireNonNull(expression, "expression"), Positions.NONE);
    }

    private CheckedSegment check(String key, String purpose, Expression expression, Positions positions) {
        Objects.requireNonNull(purpose, "purpose");
        if (!schema.purposes().isEmpty() && schema.purpose(purpose).isEmpty()) {
            String known = schema.purposes().keySet().stream().sorted().collect(Collectors.joining(", "));
            throw new SegmentException(List.of(new SegmentProblem(SegmentProblem.Kind.UNKNOWN_PURPOSE, 0, 0, purpose,
                    List.copyOf(schema.purposes().keySet()), List.of(purpose, known))));
        }
        Map<String, Expression> references = new HashMap<>();
        ArrayDeque<String> path = new ArrayDeque<>();
        if (key != null) {
            path.addLast(key);
        }
        Checker checker = new Checker(new FieldCatalog(schema), purpose, resolver, references, path, positions);
        Expression canonical = checker.check(expression);
        if (!checker.problems().isEmpty()) {
            throw new SegmentException(checker.problems());
        }
        return new CheckedSegment(key, purpose, canonical, references, schema);
    }
}
