package nl.maatwerk.server.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** An objection that holds across purposes: to profiling (GDPR Art. 21/22) or to being contacted digitally. */
public enum ObjectionKind {
    /** No segment, no learning: the citizen is left out of every profile-based selection. */
    PROFILING,
    /** Only letters, the phone or the desk: sending must not use a digital channel. */
    DIGITAL_CONTACT;

    /** As in URLs and JSON: {@code profiling}, {@code digital-contact}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ObjectionKind> find(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    static ObjectionKind ofColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
