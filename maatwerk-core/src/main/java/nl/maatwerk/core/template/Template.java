package nl.maatwerk.core.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A parsed template text with GOV.UK Notify-style placeholders: {@code ((first_name))} and optional text
 * {@code ((has_children??Neem ook de kinderpassen mee.))}, shown when the value is truthy (see
 * {@code docs/templates.md}). Placeholders may stand inside optional text; optional text may not nest.
 *
 * <p>Immutable and thread-safe. Rendering never leaves an empty hole: a missing value is a
 * {@link MissingPlaceholders} listing every missing name.
 */
public final class Template {

    private final String text;
    private final List<Part> parts;
    private final Set<String> placeholders;
    private volatile CompiledMarkdown markdown;

    private Template(String text, List<Part> parts) {
        this.text = text;
        this.parts = parts;
        Set<String> names = new LinkedHashSet<>();
        collect(parts, names);
        this.placeholders = Collections.unmodifiableSet(names);
    }

    /**
     * Parses a template text.
     *
     * @throws TemplateSyntaxException with line and column, for an unclosed {@code ((}, an empty name, a bad
     *                                 character in a name, or nested optional text
     */
    public static Template parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Template(text, TemplateParser.parse(text));
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    /** Every name this template can use, lower case, in order of first appearance (also the optional ones). */
    public Set<String> placeholders() {
        return placeholders;
    }

    /**
     * The names a rendering with {@code values} would miss: every placeholder and condition outside optional text,
     * and those inside optional text that is shown. Empty when {@link #render} would succeed.
     */
    public List<String> missing(Map<String, ?> values) {
        Set<String> missing = new LinkedHashSet<>();
        missing(parts, new Values(values), missing);
        return List.copyOf(missing);
    }

    /**
     * The text with every placeholder filled in.
     *
     * @throws MissingPlaceholders listing every name without a value
     */
    public String render(Map<String, ?> values) {
        return render(values, UnaryOperator.identity());
    }

    /** As {@link #render(Map)}, passing each value through {@code escape} (for Markdown, for instance). */
    String render(Map<String, ?> values, UnaryOperator<String> escape) {
        Values lookup = new Values(values);
        Set<String> missing = new LinkedHashSet<>();
        missing(parts, lookup, missing);
        if (!missing.isEmpty()) {
            throw new MissingPlaceholders(new ArrayList<>(missing));
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        append(parts, lookup, escape, out);
        return out.toString();
    }

    List<Part> parts() {
        return parts;
    }

    /** This text as a Markdown body compiled once (see {@link CompiledMarkdown}), made on first use. */
    CompiledMarkdown markdown() {
        CompiledMarkdown compiled = markdown;
        if (compiled == null) {
            compiled = new CompiledMarkdown(this);
            markdown = compiled;
        }
        return compiled;
    }

    private static void append(List<Part> parts, Values values, UnaryOperator<String> escape, StringBuilder out) {
        for (Part part : parts) {
            if (part instanceof Part.Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Part.Placeholder placeholder) {
                out.append(escape.apply(values.text(placeholder.name())));
            } else if (part instanceof Part.OptionalText optional && values.truthy(optional.name())) {
                append(optional.parts(), values, escape, out);
            }
        }
    }

    private static void missing(List<Part> parts, Values values, Set<String> missing) {
        for (Part part : parts) {
            if (part instanceof Part.Placeholder placeholder && !values.has(placeholder.name())) {
                missing.add(placeholder.name());
            } else if (part instanceof Part.OptionalText optional) {
                if (!values.has(optional.name())) {
                    missing.add(optional.name());
                } else if (values.truthy(optional.name())) {
                    missing(optional.parts(), values, missing);
                }
            }
        }
    }

    private static void collect(List<Part> parts, Set<String> names) {
        for (Part part : parts) {
            if (part instanceof Part.Placeholder placeholder) {
                names.add(placeholder.name());
            } else if (part instanceof Part.OptionalText optional) {
                names.add(optional.name());
                collect(optional.parts(), names);
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Template that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
