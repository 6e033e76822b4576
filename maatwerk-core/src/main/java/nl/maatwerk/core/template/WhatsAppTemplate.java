package nl.maatwerk.core.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import nl.maatwerk.core.template.TemplateSyntaxException.Problem;

/**
 * A WhatsApp Business template message. Outside the 24-hour customer-service window WhatsApp only delivers
 * templates that Meta approved beforehand, so the body is fixed text with numbered parameters {@code {{1}}},
 * {@code {{2}}}, …; only the parameter values travel with each message.
 *
 * <p>The body is written with placeholders like the other channels. {@link #approvedBody()} is the text to submit
 * for approval: each distinct placeholder becomes {@code {{n}}}, numbered in order of first appearance (a name used
 * twice keeps its number). Optional text cannot exist in an approved template and is rejected.
 *
 * @param name     the approved template's name (lower case letters, digits and {@code _}, at most 512)
 * @param language its language code, such as {@code nl} or {@code en_US}
 * @param body     the body text with placeholders, at most 1024 characters
 */
public record WhatsAppTemplate(String name, String language, Template body) {

    /** Meta's limit on a template body. */
    public static final int BODY_LIMIT = 1024;

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Pattern NOT_A_PARAMETER = Pattern.compile("[\\n\\t]| {5,}");

    public WhatsAppTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(body, "body");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a WhatsApp template name holds only a-z, 0-9 and _, was " + name);
        }
        if (!LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("a WhatsApp language code looks like nl or en_US, was " + language);
        }
        for (Part part : body.parts()) {
            if (part instanceof Part.OptionalText optional) {
                throw TemplateSyntaxException.at(body.text(), optional.offset(), Problem.NOT_IN_CHANNEL,
                        "WhatsApp templates have no optional text");
            }
        }
        int length = approved(body).length();
        if (length > BODY_LIMIT) {
            throw new ChannelLimitExceeded("WhatsApp body", BODY_LIMIT, length);
        }
    }

    /** Parses the body; see {@link Template#parse}. */
    public static WhatsAppTemplate of(String name, String language, String body) {
        return new WhatsAppTemplate(name, language, Template.parse(body));
    }

    /** The placeholder names in parameter order: the first is {@code {{1}}}. */
    public List<String> parameterNames() {
        return List.copyOf(body.placeholders());
    }

    public Set<String> placeholders() {
        return body.placeholders();
    }

    public List<String> missing(Map<String, ?> values) {
        return body.missing(values);
    }

    /** The body as submitted to Meta for approval, with {@code {{1}}}, {@code {{2}}}, … for the placeholders. */
    public String approvedBody() {
        return approved(body);
    }

    private static String approved(Template body) {
        List<String> names = List.copyOf(body.placeholders());
        StringBuilder out = new StringBuilder();
        for (Part part : body.parts()) {
            if (part instanceof Part.Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Part.Placeholder placeholder) {
                out.append("{{").append(names.indexOf(placeholder.name()) + 1).append("}}");
            }
        }
        return out.toString();
    }

    /**
     * The message: template name, language and the body parameters in order.
     *
     * @throws MissingPlaceholders      listing every name without a value
     * @throws IllegalArgumentException when a value holds a line break, a tab or more than four spaces in a row,
     *                                  which WhatsApp refuses in a parameter
     */
    public WhatsAppMessage render(Map<String, ?> values) {
        String preview = body.render(values);
        Values lookup = new Values(values);
        List<String> parameters = new ArrayList<>();
        for (String parameter : parameterNames()) {
            String value = lookup.text(parameter);
            if (NOT_A_PARAMETER.matcher(value).find()) {
                throw new IllegalArgumentException("the value of " + parameter
                        + " holds a line break, a tab or more than four spaces in a row, which WhatsApp refuses");
            }
            parameters.add(value);
        }
        return new WhatsAppMessage(name, language, parameters, preview);
    }
}
