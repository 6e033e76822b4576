package nl.maatwerk.core.template;

import java.util.Locale;
import java.util.Objects;

/**
 * A template text that does not follow the placeholder syntax; says where (1-based line and column) and what.
 */
public final class TemplateSyntaxException extends IllegalArgumentException {

    private final Problem problem;
    private final int line;
    private final int column;
    private final String detail;

    TemplateSyntaxException(Problem problem, int line, int column, String detail) {
        super("line " + line + ", column " + column + ": " + problem.english + (detail.isEmpty() ? "" : ": " + detail));
        this.problem = Objects.requireNonNull(problem, "problem");
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** The exception for a problem at {@code offset} (a UTF-16 index) in {@code text}. */
    static TemplateSyntaxException at(String text, int offset, Problem problem, String detail) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TemplateSyntaxException(problem, line, offset - lineStart + 1, detail);
    }

    public Problem problem() {
        return problem;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem (in UTF-16 characters, as editors count). */
    public int column() {
        return column;
    }

    /** The message in Dutch ({@code nl}) or English (any other language). */
    public String message(Locale locale) {
        boolean dutch = "nl".equals(locale.getLanguage());
        String position = dutch
                ? "regel " + line + ", kolom " + column + ": "
                : "line " + line + ", column " + column + ": ";
        return position + (dutch ? problem.dutch : problem.english) + (detail.isEmpty() ? "" : ": " + detail);
    }

    /** What is wrong. */
    public enum Problem {
        /** {@code ((} without its {@code ))}. */
        UNCLOSED("(( is not closed with ))", "(( wordt niet gesloten met ))"),
        /** {@code (())} or {@code ((??text))}. */
        EMPTY_NAME("a placeholder needs a name", "een invulveld heeft een naam nodig"),
        /** A name with a character other than a letter, digit, {@code _}, {@code -} or {@code .}. */
        BAD_NAME("a placeholder name may only hold letters, digits, _ - and .",
                "een naam van een invulveld mag alleen letters, cijfers, _ - en . bevatten"),
        /** {@code ((a??… ((b??…)) …))}. */
        NESTED_OPTIONAL("optional text cannot contain other optional text",
                "optionele tekst kan geen andere optionele tekst bevatten"),
        /** A construct the channel does not support (for example optional text in a WhatsApp template). */
        NOT_IN_CHANNEL("not possible in this channel", "niet mogelijk in dit kanaal");

        private final String english;
        private final String dutch;

        Problem(String english, String dutch) {
            this.english = english;
            this.dutch = dutch;
        }
    }
}
