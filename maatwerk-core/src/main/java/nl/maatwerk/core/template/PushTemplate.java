package nl.maatwerk.core.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.maatwerk.core.template.TemplateSyntaxException.Problem;

/**
 * A push notification for the municipality's app: a one-line title of at most 65 characters and a body of at
 * most 240, plain text. Both limits count characters as a reader sees them (code points) and hold after the values
 * are filled in; a template whose fixed text alone is too long is refused when it is made.
 *
 * <p>The limits are the municipality's, chosen so the text shows in full on a locked screen on common Android and
 * iOS versions, which cut earlier than their payload limits (4 KB).
 */
public record PushTemplate(Template title, Template body) {

    public static final int TITLE_LIMIT = 65;
    public static final int BODY_LIMIT = 240;

    public PushTemplate {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        int lineBreak = title.text().indexOf('\n');
        if (lineBreak >= 0) {
            throw TemplateSyntaxException.at(title.text(), lineBreak, Problem.NOT_IN_CHANNEL,
                    "a push title is one line");
        }
        check("push title", fixedText(title.parts()), TITLE_LIMIT);
        check("push body", fixedText(body.parts()), BODY_LIMIT);
    }

    /** Parses both texts; see {@link Template#parse}. */
    public static PushTemplate of(String title, String body) {
        return new PushTemplate(Template.parse(title), Template.parse(body));
    }

    public Set<String> placeholders() {
        return Templates.placeholders(title, body);
    }

    public List<String> missing(Map<String, ?> values) {
        return Templates.missing(values, title, body);
    }

    /**
     * The notification.
     *
     * @throws MissingPlaceholders  listing every name missing from title and body together
     * @throws ChannelLimitExceeded when the filled-in title or body is too long
     */
    public PushMessage render(Map<String, ?> values) {
        Templates.requireValues(values, title, body);
        return new PushMessage(title.render(values).replaceAll("\\s+", " ").strip(), body.render(values));
    }

    static void check(String field, String text, int limit) {
        int length = text.codePointCount(0, text.length());
        if (length > limit) {
            throw new ChannelLimitExceeded(field, limit, length);
        }
    }

    /** The text that is always there: literals outside optional text. */
    private static String fixedText(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Part.Literal literal) {
                out.append(literal.text());
            }
        }
        return out.toString();
    }
}
