package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Codes for free texts (topics), 1..65535 so they fit a {@code char}; 0 means "no value". */
final class Dictionary {

    private final Map<String, Character> codes = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    char code(String text) {
        if (text == null) {
            return 0;
        }
        Character code = codes.get(text);
        if (code == null) {
            if (texts.size() == Character.MAX_VALUE) {
                throw new IllegalStateException("more than 65535 distinct topics; widen the contact columns");
            }
            texts.add(text);
            code = (char) texts.size();
            codes.put(text, code);
        }
        return code;
    }

    /** The code of {@code text} if it was ever seen, else 0. */
    char find(String text) {
        Character code = codes.get(text);
        return code == null ? 0 : code;
    }

    /** The highest code handed out. */
    int size() {
        return texts.size();
    }

    long bytes() {
        return 80L * texts.size();
    }
}
