package nl.maatwerk.core.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.maatwerk.core.template.TemplateSyntaxException.Problem;

/**
 * Hand-written scanner for the Notify-style syntax: {@code ((name))} and {@code ((name??optional text))}.
 *
 * <p>Runs of parentheses are read the way a writer means them: in {@code (((name)))} and {@code (zie ((link)))}
 * the outer {@code (} and {@code )} are text, because {@code ((} is taken as late and {@code ))} as early as
 * possible when opening, and inside optional text a {@code )} followed by {@code ))} is text, so
 * {@code ((a??(bijv. x)))} shows {@code (bijv. x)}.
 */
final class TemplateParser {

    private final String text;
    private int at;

    private TemplateParser(String text) {
        this.text = text;
    }

    static List<Part> parse(String text) {
        TemplateParser parser = new TemplateParser(text);
        List<Part> parts = parser.parts(false, -1);
        return List.copyOf(parts);
    }

    /** Reads parts until the end, or, inside optional text opened at {@code opener}, until its {@code ))}. */
    private List<Part> parts(boolean inOptional, int opener) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (at < text.length()) {
            if (inOptional && text.startsWith("))", at) && !text.startsWith(")))", at)) {
                flush(literal, parts);
                at += 2;
                return parts;
            }
            if (text.startsWith("((", at) && !text.startsWith("(((", at)) {
                flush(literal, parts);
                parts.add(placeholder(inOptional));
            } else {
                literal.append(text.charAt(at++));
            }
        }
        if (inOptional) {
            throw error(Problem.UNCLOSED, opener, "");
        }
        flush(literal, parts);
        return parts;
    }

    private Part placeholder(boolean inOptional) {
        int opener = at;
        at += 2;
        int nameStart = at;
        while (at < text.length() && !text.startsWith("))", at) && !text.startsWith("??", at)) {
            if (text.startsWith("((", at)) {
                throw error(Problem.UNCLOSED, opener, "");
            }
            at++;
        }
        if (at >= text.length()) {
            throw error(Problem.UNCLOSED, opener, "");
        }
        String name = name(nameStart, at);
        if (text.startsWith("))", at)) {
            at += 2;
            return new Part.Placeholder(name, opener);
        }
        if (inOptional) {
            throw error(Problem.NESTED_OPTIONAL, opener, name);
        }
        at += 2;
        return new Part.OptionalText(name, opener, parts(true, opener));
    }

    private String name(int start, int end) {
        int from = start;
        int to = end;
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            throw error(Problem.EMPTY_NAME, start - 2, "");
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
                throw error(Problem.BAD_NAME, i, "'" + c + "'");
            }
        }
        return text.substring(from, to).toLowerCase(Locale.ROOT);
    }

    private static void flush(StringBuilder literal, List<Part> parts) {
        if (!literal.isEmpty()) {
            parts.add(new Part.Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    private TemplateSyntaxException error(Problem problem, int offset, String detail) {
        return TemplateSyntaxException.at(text, offset, problem, detail);
    }
}
