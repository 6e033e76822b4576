package nl.maatwerk.server.engage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What starts a journey for a citizen, and the values each kind of trigger gives its templates. Date triggers fire
 * {@code offsetDays} before (negative) or after a date; event triggers fire for events in the last
 * {@code windowDays}; a campaign fires once per round for each member of a segment.
 */
public enum TriggerType {
    DOCUMENT_EXPIRY(List.of("document_type", "document_number", "document_expiry_date", "days_left")),
    OBJECTION_DEADLINE(List.of("case_number", "case_type", "objection_deadline", "days_left")),
    BIRTHDAY(List.of("age")),
    CASE_STATUS_CHANGED(List.of("case_number", "case_type", "case_status", "decision_date", "decision_deadline")),
    CONTACT_TOPIC(List.of("topic")),
    SEGMENT_ENTERED(List.of()),
    SEGMENT_LEFT(List.of()),
    MOVED_IN(List.of("moved_in_date")),
    CAMPAIGN(List.of());

    /** Values every journey gives: the municipality's name, today's date, and the tracked link of a send step. */
    public static final List<String> COMMON_VALUES = List.of("municipality", "today", "link");

    private final List<String> values;

    TriggerType(List<String> values) {
        this.values = values;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every placeholder a template in a journey with this trigger may use. */
    public List<String> allowedValues() {
        List<String> all = new java.util.ArrayList<>(values);
        all.addAll(COMMON_VALUES);
        return all;
    }

    public boolean isDateTrigger() {
        return this == DOCUMENT_EXPIRY || this == OBJECTION_DEADLINE || this == BIRTHDAY;
    }

    public static Optional<TriggerType> of(String code) {
        for (TriggerType t : values()) {
            if (t.code().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static List<String> codes() {
        return java.util.Arrays.stream(values()).map(TriggerType::code).toList();
    }
}
