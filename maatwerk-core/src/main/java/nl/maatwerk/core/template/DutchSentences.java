package nl.maatwerk.core.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits (masked, Markdown) text into sentences of words, keeping offsets.
 *
 * <p>A sentence ends at {@code . ! ?} followed by white space or the end, unless the period closes a Dutch
 * abbreviation ({@code bijv.}, {@code o.a.}, {@code t.a.v.}, an initial like {@code F.}) or the next word starts in
 * lower case. A line break ends a sentence when the next line is blank, a list item or a heading, or when the line
 * itself is a heading or list item; other line breaks are soft wraps. A word is a run of letters (with inner
 * hyphens and apostrophes) or a number.
 */
final class DutchSentences {

    record Word(String text, int start, int end) {
        boolean isNumber() {
            return Character.isDigit(text.charAt(0));
        }
    }

    record Sentence(int start, int end, List<Word> words) {
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:['’-]\\p{L}[\\p{L}\\p{M}]*)*"
            + "|\\p{N}+(?:[.,:]\\p{N}+)*");
    private static final Pattern BLOCK_START = Pattern.compile("[ \\t]*(?:\\r?\\n|$|[-*+#>]|\\d+[.)]\\s)");
    private static final Set<String> ABBREVIATIONS = Set.of("bijv", "bv", "o.a", "d.w.z", "z.s.m", "t.a.v", "nr",
            "mevr", "dhr", "dr", "mr", "ing", "drs", "ir", "prof", "jl", "ca", "enz", "etc", "incl", "excl", "evt",
            "i.p.v", "m.b.t", "n.a.v", "t.o.v", "e.d", "a.u.b", "resp", "tel", "zgn", "blz", "vs", "st", "art",
            "m.u.v", "z.o.z", "d.d", "i.v.m", "m.i.v", "vgl");

    private DutchSentences() {
    }

    static List<Sentence> split(String text) {
        List<Integer> ends = boundaries(text);
        List<Sentence> sentences = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        int boundary = 0;
        List<Word> current = new ArrayList<>();
        while (words.find()) {
            while (boundary < ends.size() && words.start() >= ends.get(boundary)) {
                add(current, sentences);
                current = new ArrayList<>();
                boundary++;
            }
            current.add(new Word(words.group(), words.start(), words.end()));
        }
        add(current, sentences);
        return sentences;
    }

    private static void add(List<Word> words, List<Sentence> sentences) {
        if (!words.isEmpty()) {
            sentences.add(new Sentence(words.get(0).start(), words.get(words.size() - 1).end(), List.copyOf(words)));
        }
    }

    /** Offsets where a sentence ends (the next sentence starts at or after them). */
    private static List<Integer> boundaries(String text) {
        List<Integer> ends = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?') {
                int next = i + 1;
                while (next < text.length() && ")\"'’”»".indexOf(text.charAt(next)) >= 0) {
                    next++;
                }
                if ((next == text.length() || Character.isWhitespace(text.charAt(next)))
                        && !(c == '.' && (abbreviation(text, i) || continuesInLowerCase(text, next)))) {
                    ends.add(next);
                }
            } else if (c == '\n') {
                boolean blockLine = BLOCK_START.matcher(text.substring(lineStart, i)).lookingAt()
                        && !text.substring(lineStart, i).isBlank();
                Matcher nextLine = BLOCK_START.matcher(text).region(i + 1, text.length());
                if (blockLine || nextLine.lookingAt()) {
                    ends.add(i);
                }
                lineStart = i + 1;
            }
        }
        return ends;
    }

    private static boolean abbreviation(String text, int period) {
        int start = period;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, period).toLowerCase(Locale.ROOT);
        return word.length() == 1 || ABBREVIATIONS.contains(word);
    }

    private static boolean continuesInLowerCase(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return false;
            }
            if (!Character.isWhitespace(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
    }
}
