package nl.maatwerk.core.template;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing that makes a text harder than B1, with where it is.
 *
 * @param kind      what was found
 * @param start     UTF-16 offset where it starts in the checked text (inclusive)
 * @param end       UTF-16 offset where it ends (exclusive)
 * @param line      1-based line of {@code start}
 * @param column    1-based column of {@code start}
 * @param excerpt   the text found (a long sentence is shortened to its first words)
 * @param arguments the message arguments; see {@link Kind}
 */
public record ReadabilityFinding(Kind kind, int start, int end, int line, int column, String excerpt,
        List<String> arguments) {

    public ReadabilityFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(excerpt, "excerpt");
        arguments = List.copyOf(arguments);
        if (start < 0 || end < start || line < 1 || column < 1) {
            throw new IllegalArgumentException("bad position " + start + ".." + end + " at " + line + ":" + column);
        }
    }

    static ReadabilityFinding in(String text, Kind kind, int start, int end, String excerpt, String... arguments) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new ReadabilityFinding(kind, start, end, line, start - lineStart + 1, excerpt, List.of(arguments));
    }

    /** The message in Dutch ({@code nl}) or English (any other language), for the editor. */
    public String message(Locale locale) {
        String pattern = "nl".equals(locale.getLanguage()) ? kind.dutch : kind.english;
        return new MessageFormat(pattern, locale).format(arguments.toArray());
    }

    @Override
    public String toString() {
        return line + ":" + column + " " + message(Locale.ENGLISH);
    }

    /** What was found; the texts are the editor's messages, with their arguments. */
    public enum Kind {
        /** Arguments: the number of words, the maximum. */
        LONG_SENTENCE("Lange zin: {0} woorden. Maak er twee zinnen van (B1: hooguit {1} woorden).",
                "Long sentence: {0} words. Split it in two (B1: at most {1} words)."),
        /** Arguments: the word, its number of letters, the maximum. */
        LONG_WORD("Lang woord: ''{0}'' heeft {1} letters (B1: hooguit {2}). Kan het korter of in twee woorden?",
                "Long word: ''{0}'' has {1} letters (B1: at most {2}). Can it be shorter, or two words?"),
        /** Arguments: the words found (auxiliary … participle). */
        PASSIVE_VOICE("Lijdende vorm: ''{0}''. Zeg wie het doet: ''Wij behandelen uw aanvraag''.",
                "Passive voice: ''{0}''. Say who does it: ''We will handle your application''."),
        /** Arguments: the word or phrase, the plain alternative. */
        JARGON("Ambtelijk: ''{0}''. Schrijf liever: {1}.", "Officialese: ''{0}''. Plain Dutch: {1}.");

        private final String dutch;
        private final String english;

        Kind(String dutch, String english) {
            this.dutch = dutch;
            this.english = english;
        }
    }
}
