package nl.maatwerk.server.analytics;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text values (topics, districts, …) as small numbers for the columns. Append-only, so a code never
 * changes meaning; code 0 stands for "no value".
 */
final class Dictionary {

    static final int NONE = 0;
    private static final int MAX = Character.MAX_VALUE;

    private final String name;
    private final ConcurrentHashMap<String, Integer> codes = new ConcurrentHashMap<>();
    private volatile String[] values = {null};

    Dictionary(String name) {
        this.name = name;
    }

    char code(String value) {
        if (value == null) {
            return NONE;
        }
        Integer known = codes.get(value);
        return known != null ? (char) (int) known : add(value);
    }

    private synchronized char add(String value) {
        Integer known = codes.get(value);
        if (known != null) {
            return (char) (int) known;
        }
        int code = values.length;
        if (code >= MAX) {
            throw new IllegalStateException("more than " + (MAX - 1) + " distinct " + name + " values");
        }
        String[] grown = Arrays.copyOf(values, code + 1);
        grown[code] = value;
        values = grown;
        codes.put(value, code);
        return (char) code;
    }

    /** The code of a value, or -1 when it never occurred. */
    int find(String value) {
        Integer code = codes.get(value);
        return code == null ? -1 : code;
    }

    String value(int code) {
        return values[code];
    }

    /** Codes in use, "no value" included. */
    int size() {
        return values.length;
    }
}
