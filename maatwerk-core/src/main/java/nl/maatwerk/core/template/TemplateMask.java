package nl.maatwerk.core.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides what is not prose from the readability check while keeping every offset: {@code ((naam))} becomes
 * {@code X} and spaces (one short word), the {@code ((name??} and {@code ))} around optional text become spaces,
 * so the optional text itself is checked, and so do web and e-mail addresses (a Markdown link keeps its text).
 * Works on half-written (invalid) templates too: what it does not recognise stays as it is.
 */
final class TemplateMask {

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<=\\])\\([^()\\s]*\\)|https?://[^\\s()<>]*[^\\s()<>.,;:!?]|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private TemplateMask() {
    }

    static String mask(String text) {
        char[] out = text.toCharArray();
        boolean inOptional = false;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("((", i) && !text.startsWith("(((", i)) {
                int close = text.indexOf("))", i + 2);
                int optional = text.indexOf("??", i + 2);
                int reopen = text.indexOf("((", i + 2);
                boolean opensOptional = optional >= 0 && (close < 0 || optional < close)
                        && (reopen < 0 || optional < reopen);
                if (!inOptional && opensOptional) {
                    blank(out, i, optional + 2);
                    inOptional = true;
                    i = optional + 2;
                    continue;
                }
                if (close >= 0 && (reopen < 0 || close < reopen)) {
                    blank(out, i, close + 2);
                    out[i] = 'X';
                    i = close + 2;
                    continue;
                }
            } else if (inOptional && text.startsWith("))", i) && !text.startsWith(")))", i)) {
                blank(out, i, i + 2);
                inOptional = false;
                i += 2;
                continue;
            }
            i++;
        }
        Matcher address = ADDRESS.matcher(text);
        while (address.find()) {
            blank(out, address.start(), address.end());
        }
        return new String(out);
    }

    private static void blank(char[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = out[i] == '\n' ? '\n' : ' ';
        }
    }
}
