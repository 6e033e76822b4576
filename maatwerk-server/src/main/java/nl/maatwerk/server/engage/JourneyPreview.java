package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.ChannelLimitExceeded;
import nl.maatwerk.core.template.LetterContent;
import nl.maatwerk.core.template.MissingPlaceholders;
import nl.maatwerk.core.template.ReadabilityCheck;
import nl.maatwerk.core.template.ReadabilityReport;
import nl.maatwerk.core.template.SmsLength;
import nl.maatwerk.core.template.SmsMessage;
import nl.maatwerk.server.platform.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What the editor shows for a journey's send steps: each channel's message rendered for a synthetic citizen or a
 * real one (the caller audit-logs the real one), the values that would be missing, the B1 readability findings of
 * every text, and the SMS length in characters and parts.
 */
@Service
public class JourneyPreview {

    private static final ReadabilityCheck B1 = ReadabilityCheck.b1();

    private final Journeys journeys;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final String municipality;
    private final String publicUrl;

    JourneyPreview(Journeys journeys, JdbcTemplate jdbc, ObjectMapper json,
            @Value("${maatwerk.journeys.municipality:gemeente Amsterdam}") String municipality,
            @Value("${maatwerk.public-url:http://localhost:8080}") String publicUrl) {
        this.journeys = journeys;
        this.jdbc = jdbc;
        this.json = json;
        this.municipality = municipality;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** One readability finding, placed in its template field. */
    public record Finding(String channel, String field, String kind, int line, int column, String excerpt, String message) {
    }

    /** One channel of one send step, rendered. */
    public record Rendered(String step, String channel, Map<String, Object> message, List<String> missing, String error) {
    }

    /** SMS length of a step's SMS text as rendered. */
    public record Sms(String step, String encoding, int characters, int segments) {
    }

    public record Preview(String journey, UUID citizenId, boolean synthetic, Map<String, Object> values,
            List<Rendered> messages, List<Finding> readability, List<Sms> sms) {
    }

    /** Readability findings of every template text of a (checked) definition. */
    public static List<Finding> readability(JourneyDefinition d, Locale locale) {
        List<Finding> findings = new ArrayList<>();
        for (JourneyDefinition.Step s : d.steps()) {
            if (s instanceof JourneyDefinition.Send send) {
                send.templates().texts().forEach((channel, fields) -> fields.forEach((field, text) -> {
                    if (field.equals("name") || field.equals("language")) {
                        return;
                    }
                    ReadabilityReport report = B1.check(text);
                    report.findings().forEach(f -> findings.add(new Finding(s.id() + "/" + channel.code(), field,
                            f.kind().name(), f.line(), f.column(), f.excerpt(), f.message(locale))));
                }));
            }
        }
        return findings;
    }

    /** Renders every send step of a journey for a real citizen (citizenId) or, when null, a synthetic one. */
    public Preview preview(String key, UUID citizenId, Locale locale) {
        JourneyDefinition d = journeys.definition(key);
        Map<String, Object> raw = citizenId == null ? synthetic(d.trigger().type()) : real(d.trigger(), citizenId);
        LocalDate today = LocalDate.now(TriggerScan.ZONE);
        Map<String, Object> values = JourneyValues.of(json.valueToTree(raw), today, municipality, publicUrl + "/r/voorbeeld");
        List<Rendered> rendered = new ArrayList<>();
        List<Sms> sms = new ArrayList<>();
        List<String> address = List.of("De bewoner(s)", "Huisnummer 1", "1012 AB  AMSTERDAM");
        for (JourneyDefinition.Step s : d.steps()) {
            if (!(s instanceof JourneyDefinition.Send send)) {
                continue;
            }
            for (Channel c : send.channels()) {
                List<String> missing = JourneyMessages.missing(send.templates(), c, values);
                if (!missing.isEmpty()) {
                    rendered.add(new Rendered(s.id(), c.code(), null, missing, "no value for " + String.join(", ", missing)));
                    continue;
                }
                try {
                    Object body = JourneyMessages.render(send.templates(), c, values, address, today);
                    rendered.add(new Rendered(s.id(), c.code(), describe(body), List.of(), null));
                    if (body instanceof SmsMessage m) {
                        SmsLength l = m.length();
                        sms.add(new Sms(s.id(), l.encoding().name(), l.characters(), l.segments()));
                    }
                } catch (MissingPlaceholders e) {
                    rendered.add(new Rendered(s.id(), c.code(), null, e.names(), "no value for " + String.join(", ", e.names())));
                } catch (ChannelLimitExceeded | IllegalArgumentException e) {
                    rendered.add(new Rendered(s.id(), c.code(), null, List.of(), e.getMessage()));
                }
            }
        }
        return new Preview(key, citizenId, citizenId == null, values, rendered, readability(d, locale), sms);
    }

    private Map<String, Object> describe(Object body) {
        ObjectNode node = json.valueToTree(body);
        if (body instanceof LetterContent letter) {
            node.put("dateText", letter.dateText());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.convertValue(node, LinkedHashMap.class);
        return map;
    }

    private static Map<String, Object> synthetic(TriggerType type) {
        LocalDate today = LocalDate.now(TriggerScan.ZONE);
        Map<String, Object> v = new LinkedHashMap<>();
        switch (type) {
            case DOCUMENT_EXPIRY -> {
                v.put("document_number", "XR1234567");
                v.put("document_type", "PN");
                v.put("document_expiry", today.plusWeeks(8).toString());
            }
            case OBJECTION_DEADLINE -> {
                v.put("case_id", "3f2a9c1e-0000-4000-8000-000000000000");
                v.put("case_type", "parking_permit");
                v.put("objection_deadline", today.plusDays(5).toString());
            }
            case CASE_STATUS_CHANGED -> {
                v.put("case_id", "3f2a9c1e-0000-4000-8000-000000000000");
                v.put("case_type", "building_permit");
                v.put("case_status", "in_progress");
                v.put("decision_deadline", today.plusWeeks(6).toString());
                v.put("decision_date", today.toString());
            }
            case BIRTHDAY -> v.put("age", 18);
            case CONTACT_TOPIC -> v.put("topic", "afval");
            case MOVED_IN -> v.put("moved_in_date", today.minusDays(3).toString());
            default -> {
            }
        }
        return v;
    }

    private Map<String, Object> real(JourneyDefinition.Trigger t, UUID citizenId) {
        String status = jdbc.query("select status from citizen where id = ?", rs -> rs.next() ? rs.getString(1) : null, citizenId);
        if (status == null) {
            throw ApiProblem.notFound("No citizen with id " + citizenId);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        switch (t.type()) {
            case DOCUMENT_EXPIRY -> jdbc.query("select number, type, expiry_date from travel_document where citizen_id = ?"
                    + " order by expiry_date desc limit 1", rs -> {
                        v.put("document_number", rs.getString(1));
                        v.put("document_type", rs.getString(2));
                        v.put("document_expiry", rs.getString(3));
                    }, citizenId);
            case OBJECTION_DEADLINE, CASE_STATUS_CHANGED -> jdbc.query("select id, type, status, objection_deadline,"
                    + " decision_date, decision_deadline from municipal_case where citizen_id = ? order by submitted_at desc limit 1",
                    rs -> {
                        v.put("case_id", rs.getString(1));
                        v.put("case_type", rs.getString(2));
                        v.put("case_status", rs.getString(3));
                        if (rs.getString(4) != null) {
                            v.put("objection_deadline", rs.getString(4));
                        }
                        if (rs.getString(5) != null) {
                            v.put("decision_date", rs.getString(5));
                        }
                        if (rs.getString(6) != null) {
                            v.put("decision_deadline", rs.getString(6));
                        }
                    }, citizenId);
            case BIRTHDAY -> v.put("age", t.age());
            case CONTACT_TOPIC -> v.put("topic", t.topic());
            default -> {
            }
        }
        return v;
    }

}
