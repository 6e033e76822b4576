package nl.maatwerk.core.template;

import java.util.List;

/** One piece of a parsed template: literal text, a placeholder, or optional text shown when a value is truthy. */
sealed interface Part {

    /** Text copied as written. */
    record Literal(String text) implements Part {
    }

    /** {@code ((name))}; {@code name} is lower case, {@code offset} is where {@code ((} stands in the source. */
    record Placeholder(String name, int offset) implements Part {
    }

    /** {@code ((name??text))}: {@code parts} (literals and placeholders) show when {@code name}'s value is truthy. */
    record OptionalText(String name, int offset, List<Part> parts) implements Part {
        public OptionalText {
            parts = List.copyOf(parts);
        }
    }
}
