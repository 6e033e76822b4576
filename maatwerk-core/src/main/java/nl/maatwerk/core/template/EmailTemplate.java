package nl.maatwerk.core.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import nl.maatwerk.core.template.TemplateSyntaxException.Problem;
import org.commonmark.node.Node;

/**
 * An e-mail: a one-line subject and a Markdown body, both with placeholders.
 *
 * <p>The subject is plain text; line breaks in its values become spaces (so a value can never add a mail header).
 * The body becomes HTML (values escaped) and plain text: through {@link CompiledMarkdown} where that is provably the
 * same, else by parsing the Markdown with the values escaped into it. Immutable and thread-safe.
 */
public record EmailTemplate(Template subject, Template body) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public EmailTemplate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        int lineBreak = subject.text().indexOf('\n');
        if (lineBreak >= 0) {
            throw TemplateSyntaxException.at(subject.text(), lineBreak, Problem.NOT_IN_CHANNEL,
                    "a subject is one line");
        }
        if (subject.text().isBlank()) {
            throw new IllegalArgumentException("an e-mail needs a subject");
        }
    }

    /** Parses both texts; see {@link Template#parse}. */
    public static EmailTemplate of(String subject, String body) {
        return new EmailTemplate(Template.parse(subject), Template.parse(body));
    }

    /** Every name subject and body can use. */
    public Set<String> placeholders() {
        return Templates.placeholders(subject, body);
    }

    /** The names a rendering with {@code values} would miss, from subject and body together. */
    public List<String> missing(Map<String, ?> values) {
        return Templates.missing(values, subject, body);
    }

    /**
     * Renders subject, HTML and plain text.
     *
     * @throws MissingPlaceholders listing every name missing from subject and body together
     */
    public RenderedEmail render(Map<String, ?> values) {
        Templates.requireValues(values, subject, body);
        String renderedSubject = WHITESPACE.matcher(subject.render(values)).replaceAll(" ").strip();
        String[] compiled = body.markdown().render(new Values(values));
        if (compiled != null) {
            return new RenderedEmail(renderedSubject, compiled[0], compiled[1]);
        }
        return renderEachTime(renderedSubject, values);
    }

    /** The body parsed for this one message: the reference {@link CompiledMarkdown} must equal. */
    RenderedEmail renderEachTime(String renderedSubject, Map<String, ?> values) {
        Node document = MarkdownText.parse(body.render(values, MarkdownText::escape));
        String plainText = MarkdownText.plainText(document).strip();
        return new RenderedEmail(renderedSubject, MarkdownText.html(document), plainText);
    }
}
