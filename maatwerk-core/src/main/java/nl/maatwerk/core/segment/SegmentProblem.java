package nl.maatwerk.core.segment;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * One thing wrong with a segment expression.
 *
 * @param kind      what class of problem; its {@link Kind#key()} is the message key (Dutch and English texts
 *                  live in {@code nl/maatwerk/core/segment/messages*.properties})
 * @param line      1-based line in the text, or 0 when the expression did not come from text (JSON form)
 * @param column    1-based column in the text, or 0 likewise
 * @param token     the offending token or name as written, or empty
 * @param expected  what would have been accepted there (tokens, field names, allowed values), possibly empty
 * @param arguments the message arguments, {0}, {1}, … of the message text
 */
public record SegmentProblem(Kind kind, int line, int column, String token, List<String> expected,
        List<String> arguments) {

    private static final String BUNDLE = "nl.maatwerk.core.segment.messages";

    public SegmentProblem {
        Objects.requireNonNull(kind, "kind");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based (or 0 when unknown)");
        }
        token = token == null ? "" : token;
        expected = List.copyOf(expected);
        arguments = List.copyOf(arguments);
    }

    /** The message in English. */
    public String message() {
        return message(Locale.ENGLISH);
    }

    /** The message in {@code locale} (Dutch or English; English for any other). */
    public String message(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] args = arguments.toArray();
        if (kind == Kind.UNKNOWN_FIELD && args.length > 1) {
            String suggestion = (String) args[1];
            String didYouMean = bundle.getString("segment.unknown-field.suggestion");
            // the sentence ends with the suggestion's "?" or, without one, a full stop (not "?.")
            args[1] = suggestion.isEmpty() ? "." : new MessageFormat(didYouMean, locale).format(new Object[] {suggestion});
        }
        String text = new MessageFormat(bundle.getString(kind.key()), locale).format(args);
        return line > 0 ? position(bundle, locale) + text : text;
    }

    private String position(ResourceBundle bundle, Locale locale) {
        return new MessageFormat(bundle.getString("segment.position"), locale)
                .format(new Object[] {String.valueOf(line), String.valueOf(column)});
    }

    @Override
    public String toString() {
        return message();
    }

    /** The classes of problems; each has a stable message key. */
    public enum Kind {
        /** The text does not follow the grammar. Arguments: token, expected. */
        SYNTAX("segment.syntax"),
        /** A field name that does not exist here. Arguments: name, suggestion text. */
        UNKNOWN_FIELD("segment.unknown-field"),
        /** A value of the wrong type, or not one of the allowed values. Arguments: field, what is allowed. */
        WRONG_VALUE("segment.wrong-value"),
        /** An operator the field does not support. Arguments: operator, field, supported operators. */
        WRONG_OPERATOR("segment.wrong-operator"),
        /** A construct used where it cannot stand (count inside count, and so on). Arguments: construct, where. */
        MISPLACED("segment.misplaced"),
        /** A special-category attribute (GDPR Art. 9). Arguments: attribute, category. */
        SPECIAL_CATEGORY("segment.special-category"),
        /** An attribute not registered for the segment's purpose. Arguments: attribute, purpose, its purposes. */
        PURPOSE_NOT_ALLOWED("segment.purpose-not-allowed"),
        /** A built-in field whose data category the purpose does not cover. Arguments: field, category, purpose,
         * the categories it covers. */
        CATEGORY_NOT_IN_PURPOSE("segment.category-not-in-purpose"),
        /** A purpose the purpose register does not know. Arguments: purpose, the known purposes. */
        UNKNOWN_PURPOSE("segment.unknown-purpose"),
        /** {@code in segment "key"} names no segment. Arguments: key. */
        UNKNOWN_SEGMENT("segment.unknown-segment"),
        /** Segments that refer to each other in a circle. Arguments: the cycle, {@code a → b → a}. */
        CYCLE("segment.cycle"),
        /** A referenced segment has problems of its own. Arguments: key, its problems. */
        BROKEN_REFERENCE("segment.broken-reference"),
        /** The JSON form is not a segment expression. Arguments: JSON pointer, what is wrong. */
        JSON("segment.json");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
