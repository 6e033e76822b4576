package nl.maatwerk.server.engage;

import java.util.Locale;
import java.util.Set;
import nl.maatwerk.core.template.Template;

/** Where the placeholders of a template text are, for problems that point at them. */
final class Placeholders {

    private Placeholders() {
    }

    static Set<String> names(String text) {
        return Template.parse(text).placeholders();
    }

    /** 1-based line and column of the first {@code ((name}, case-insensitive; {0, 0} when not found. */
    static int[] position(String text, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        int at = -1;
        int from = 0;
        while ((from = lower.indexOf("((", from)) >= 0) {
            int start = from + 2;
            int i = start;
            while (i < lower.length() && lower.charAt(i) == ' ') {
                i++;
            }
            if (lower.startsWith(name, i)) {
                at = from;
                break;
            }
            from = start;
        }
        if (at < 0) {
            return new int[] {0, 0};
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }
}
