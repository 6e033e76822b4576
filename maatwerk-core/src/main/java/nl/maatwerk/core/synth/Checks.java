package nl.maatwerk.core.synth;

import java.util.regex.Pattern;

/** Small argument checks shared by the public records; messages name the field and the bad value. */
final class Checks {

    private Checks() {
    }

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");
    static final Pattern NEIGHBOURHOOD = Pattern.compile("BU[0-9A-Z]{8}");
    static final Pattern DISTRICT = Pattern.compile("WK[0-9A-Z]{6}");
    static final Pattern MUNICIPALITY = Pattern.compile("GM[0-9]{4}");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]");

    static String matches(String value, Pattern pattern, String name) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must match " + pattern + ", was " + value);
        }
        return value;
    }
}
