package nl.maatwerk.server.privacy;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonValue;
import nl.maatwerk.core.model.Coded;

/**
 * What a citizen expressed about one purpose: consent given or withdrawn (purposes resting on consent), or an
 * objection (purposes resting on public task or legitimate interest; {@code withdrawn} lifts it again).
 */
public enum ConsentState implements Coded {
    GIVEN, WITHDRAWN, OBJECTED;

    @JsonValue
    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConsentState of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
