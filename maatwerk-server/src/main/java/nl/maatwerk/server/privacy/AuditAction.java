package nl.maatwerk.server.privacy;

import com.fasterxml.jackson.annotation.JsonValue;

/** What was done with personal data: shown (read) or handed out as a file or list (export). */
public enum AuditAction {
    READ, EXPORT;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    static AuditAction of(String code) {
        return valueOf(code.toUpperCase());
    }
}
