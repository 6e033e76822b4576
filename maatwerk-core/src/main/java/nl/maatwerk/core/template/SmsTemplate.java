package nl.maatwerk.core.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An SMS: plain text with placeholders. Rendering reports the encoding and the number of parts, so an editor can
 * show "2 sms'jes" and a journey can refuse a message that became too long. Immutable and thread-safe.
 */
public record SmsTemplate(Template text) {

    public SmsTemplate {
        Objects.requireNonNull(text, "text");
        if (text.text().isBlank()) {
            throw new IllegalArgumentException("an SMS needs text");
        }
    }

    /** Parses the text; see {@link Template#parse}. */
    public static SmsTemplate of(String text) {
        return new SmsTemplate(Template.parse(text));
    }

    public Set<String> placeholders() {
        return text.placeholders();
    }

    public List<String> missing(Map<String, ?> values) {
        return text.missing(values);
    }

    /**
     * The text and its length.
     *
     * @throws MissingPlaceholders listing every name without a value
     */
    public SmsMessage render(Map<String, ?> values) {
        return SmsMessage.of(text.render(values));
    }
}
