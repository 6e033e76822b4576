package nl.maatwerk.server.privacy;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonValue;

/** What was done with personal data: shown (read), handed out as a file or list (export), or erased (Art. 17). */
public enum AuditAction {
    READ, EXPORT, ERASE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AuditAction of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
