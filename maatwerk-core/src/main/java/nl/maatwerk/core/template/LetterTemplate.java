package nl.maatwerk.core.template;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.maatwerk.core.template.TemplateSyntaxException.Problem;

/**
 * A letter: a one-line subject and a Markdown body with placeholders. Rendering yields {@link LetterContent}; the
 * server lays it out as an A4 PDF with the address in the envelope window ({@link LetterLayout}). Immutable and
 * thread-safe.
 */
public record LetterTemplate(Template subject, Template body) {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl-NL"));

    public LetterTemplate {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        int lineBreak = subject.text().indexOf('\n');
        if (lineBreak >= 0) {
            throw TemplateSyntaxException.at(subject.text(), lineBreak, Problem.NOT_IN_CHANNEL,
                    "a letter's subject is one line");
        }
    }

    /** Parses both texts; see {@link Template#parse}. */
    public static LetterTemplate of(String subject, String body) {
        return new LetterTemplate(Template.parse(subject), Template.parse(body));
    }

    public Set<String> placeholders() {
        return Templates.placeholders(subject, body);
    }

    public List<String> missing(Map<String, ?> values) {
        return Templates.missing(values, subject, body);
    }

    /**
     * The letter's content for {@code address}, dated {@code date} ("23 november 2026").
     *
     * @throws MissingPlaceholders listing every name missing from subject and body together
     */
    public LetterContent render(PostalAddress address, LocalDate date, Map<String, ?> values) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(date, "date");
        Templates.requireValues(values, subject, body);
        String renderedSubject = subject.render(values).replaceAll("\\s+", " ").strip();
        List<LetterBlock> blocks = LetterMarkdown.blocks(
                MarkdownText.parse(body.render(values, MarkdownText::escape)));
        return new LetterContent(address.lines(), date, DUTCH_DATE.format(date), renderedSubject, blocks);
    }
}
