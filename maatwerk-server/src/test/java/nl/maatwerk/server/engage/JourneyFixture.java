package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test citizens, documents, cases and journeys for the journey tests. Every test runs on its own far-future day
 * (2040-2099), so the shared database's other citizens have no document or deadline on that day's trigger dates.
 */
final class JourneyFixture {

    final Http http;
    final JdbcTemplate jdbc;
    final LocalDate today;

    JourneyFixture(Http http, JdbcTemplate jdbc) {
        this.http = http;
        this.jdbc = jdbc;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.today = LocalDate.of(2040, 1, 1).plusDays(r.nextInt(365 * 59));
        // only this test's journeys run
        jdbc.update("update journey set enabled = false where enabled");
    }

    Instant at(int hour, int minute) {
        return today.atTime(LocalTime.of(hour, minute)).atZone(TriggerScan.ZONE).toInstant();
    }

    UUID citizen(String email, String phone, String preferred) {
        UUID id = UUID.randomUUID();
        assertThat(http.put("/api/v1/citizens/" + id, TestCitizens.json(id, TestCitizens.newBsn())).getStatusCode().value())
                .isEqualTo(201);
        if (email != null || phone != null || preferred != null) {
            StringBuilder list = new StringBuilder();
            if (email != null) {
                list.append("{\"type\":\"email\",\"address\":\"").append(email).append("\"}");
            }
            if (phone != null) {
                list.append(list.isEmpty() ? "" : ",").append("{\"type\":\"mobile_phone\",\"address\":\"").append(phone).append("\"}");
            }
            ResponseEntity<String> put = http.put("/api/v1/citizens/" + id + "/digital-addresses",
                    "{\"addresses\":[" + list + "]" + (preferred == null ? "" : ",\"preferredChannel\":\"" + preferred + "\"") + "}");
            assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(201);
        }
        return id;
    }

    /** A passport expiring {@code days} after today. */
    String passport(UUID citizen, int days) {
        String number = "T" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36).toUpperCase().substring(0, 8);
        jdbc.update("insert into travel_document (number, citizen_id, type, issue_date, expiry_date) values (?, ?, 'PN', ?, ?)",
                number, citizen, today.minusYears(9), today.plusDays(days));
        return number;
    }

    /** A decided case whose objection period ends {@code days} after today. */
    UUID objectionCase(UUID citizen, int days) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into municipal_case (id, citizen_id, type, status, submitted_at, decision_date, objection_deadline)
                values (?, ?, 'parking_permit', 'decided', ?, ?, ?)
                """, id, citizen, java.sql.Timestamp.from(at(9, 0).minusSeconds(86400L * 60)), today.minusDays(37),
                today.plusDays(days));
        return id;
    }

    /** A case that moved to {@code status} at {@code when}, without a decision date. */
    UUID caseChanged(UUID citizen, String status, Instant when) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into municipal_case (id, citizen_id, type, status, submitted_at) values (?, ?, 'building_permit', ?, ?)",
                id, citizen, status, java.sql.Timestamp.from(when.minusSeconds(86400L * 30)));
        jdbc.update("insert into case_status_change (case_id, status, at) values (?, ?, ?)", id, status,
                java.sql.Timestamp.from(when));
        return id;
    }

    String key(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    void create(String body) {
        ResponseEntity<String> r = http.post("/api/v1/journeys", body);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
    }

    /** A passport journey: 8 weeks before expiry, e-mail, SMS and letter. */
    String passportJourney(String extraSteps) {
        String key = key("paspoort");
        create("""
                {"key":"%s","name":"Paspoort verloopt (test)","purpose":"proactive_service",
                 "trigger":{"type":"document_expiry","offsetDays":-56},
                 "steps":[
                   {"id":"herinnering","type":"send","channels":["email","sms","letter"],"link":"https://www.amsterdam.nl/paspoort",
                    "templates":{
                      "email":{"subject":"Uw ((document_type)) verloopt op ((document_expiry_date))",
                               "body":"Beste inwoner,\\n\\nUw ((document_type)) verloopt over ((days_left)) dagen. Maak een afspraak: ((link))"},
                      "sms":{"text":"Uw ((document_type)) verloopt op ((document_expiry_date)). Afspraak maken: ((link))"},
                      "letter":{"subject":"Uw ((document_type)) verloopt","body":"Beste inwoner,\\n\\nUw ((document_type)) verloopt op ((document_expiry_date))."}}}%s
                 ]}
                """.formatted(key, extraSteps == null ? "" : "," + extraSteps));
        return key;
    }

    List<Map<String, Object>> decisions(String journey, UUID citizen) {
        return jdbc.queryForList("select d.* from journey_decision d where d.journey_key = ? and d.citizen_id = ? order by d.id",
                journey, citizen);
    }

    List<Map<String, Object>> sends(UUID citizen) {
        return jdbc.queryForList("select * from journey_decision where citizen_id = ? and kind = 'send' order by id", citizen);
    }

    /** The tracked link's token in the message the citizen got. */
    String trackedLink(UUID citizen) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/r/([0-9a-f-]+)")
                .matcher(jdbc.queryForObject("select body::text from outbox_message where citizen_id = ?", String.class, citizen));
        assertThat(m.find()).as("a tracked link in the message").isTrue();
        return m.group(1);
    }
}
