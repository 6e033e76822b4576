package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a trigger knew (raw codes and ISO dates) into the values templates read, in Dutch, on the day of
 * sending: "paspoort", "3 december 2026", days left counted from that day. A value the trigger did not have (a case
 * without a decision date) stays absent, so a template that needs it is blocked rather than sent with a hole.
 */
final class JourneyValues {

    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
    private static final Map<String, String> DOCUMENT = Map.of("PN", "paspoort", "NI", "identiteitskaart");
    private static final Map<String, String> CASE_TYPE = Map.of("objection", "bezwaar", "parking_permit",
            "parkeervergunning", "social_support", "Wmo-ondersteuning", "social_assistance", "bijstandsuitkering",
            "building_permit", "omgevingsvergunning", "registration_move", "verhuizing");
    private static final Map<String, String> CASE_STATUS = Map.of("received", "ontvangen", "in_progress",
            "in behandeling", "awaiting_information", "wacht op informatie van u", "decided", "besluit genomen",
            "closed", "afgerond");

    private JourneyValues() {
    }

    static Map<String, Object> of(JsonNode raw, LocalDate today, String municipality, String link) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("municipality", municipality);
        values.put("today", date(today));
        if (link != null) {
            values.put("link", link);
        }
        text(raw, "document_number").ifPresent(v -> values.put("document_number", v));
        text(raw, "document_type").ifPresent(v -> values.put("document_type", DOCUMENT.getOrDefault(v, v)));
        text(raw, "document_expiry").ifPresent(v -> {
            LocalDate d = LocalDate.parse(v);
            values.put("document_expiry_date", date(d));
            values.put("days_left", Math.max(0, ChronoUnit.DAYS.between(today, d)));
        });
        text(raw, "case_id").ifPresent(v -> values.put("case_number", caseNumber(v)));
        text(raw, "case_type").ifPresent(v -> values.put("case_type", CASE_TYPE.getOrDefault(v, v)));
        text(raw, "case_status").ifPresent(v -> values.put("case_status", CASE_STATUS.getOrDefault(v, v)));
        text(raw, "decision_date").ifPresent(v -> values.put("decision_date", date(LocalDate.parse(v))));
        text(raw, "decision_deadline").ifPresent(v -> values.put("decision_deadline", date(LocalDate.parse(v))));
        text(raw, "objection_deadline").ifPresent(v -> {
            LocalDate d = LocalDate.parse(v);
            values.put("objection_deadline", date(d));
            values.put("days_left", Math.max(0, ChronoUnit.DAYS.between(today, d)));
        });
        text(raw, "moved_in_date").ifPresent(v -> values.put("moved_in_date", date(LocalDate.parse(v))));
        text(raw, "topic").ifPresent(v -> values.put("topic", v));
        if (raw.hasNonNull("age")) {
            values.put("age", raw.get("age").asInt());
        }
        return values;
    }

    /** A short, readable case number: Z- and the first eight hex digits of the case id. */
    static String caseNumber(String caseId) {
        return "Z-" + caseId.replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static String date(LocalDate d) {
        return DUTCH_DATE.format(d);
    }

    private static java.util.Optional<String> text(JsonNode raw, String field) {
        JsonNode v = raw.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(v.asText());
    }
}
