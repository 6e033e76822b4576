package nl.maatwerk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention with a clock of its own: the test's contacts lie in 2001, 2005 and 2007 and the clock stands at mid-2007,
 * so only they are old enough for the rules (P1Y free text, P5Y contacts) and the rest of the shared database is not.
 */
@ApiTest
class RetentionTests {

    private static final Instant NOW = Instant.parse("2007-06-01T00:00:00Z");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Retention retention;

    @Test
    void run_deletesContactsOlderThanFiveYears_clearsTextOlderThanOne_leavesYoungerOnes_dashboardFollows()
            throws InterruptedException {
        Http http = new Http(rest);
        String topic = "retention-" + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            UUID citizen = UUID.randomUUID();
            assertThat(http.put("/api/v1/citizens/" + citizen, TestCitizens.json(citizen, TestCitizens.newBsn()))
                    .getStatusCode().is2xxSuccessful()).isTrue();
            for (String at : List.of("2001-03-01", "2005-03-01", "2007-03-01")) {
                assertThat(http.post("/api/v1/contacts", """
                        {"source":"retention-test","sourceId":"%s-%d-%s","citizenId":"%s","channel":"email",
                         "direction":"inbound","kind":"question","topic":"%s","occurredAt":"%sT10:00:00+01:00",
                         "text":"vrije tekst %s"}""".formatted(topic, i, at, citizen, topic, at, at))
                        .getStatusCode().value()).isEqualTo(201);
            }
        }
        awaitDashboard(topic, 36);

        RetentionRun dry = retention.run(NOW, true);
        assertThat(result(dry, "contact_metadata")).isGreaterThanOrEqualTo(12);
        assertThat(result(dry, "contact_free_text")).isGreaterThanOrEqualTo(24);
        assertThat(count(topic, "true")).as("a dry run changes nothing").isEqualTo(36);

        RetentionRun run = retention.run(NOW, false);

        assertThat(result(run, "contact_metadata")).isGreaterThanOrEqualTo(12);
        assertThat(run.results()).allMatch(r -> r.cutoff().isBefore(NOW));
        assertThat(count(topic, "occurred_at < '2002-01-01'")).as("older than five years: deleted").isZero();
        assertThat(count(topic, "occurred_at between '2005-01-01' and '2006-01-01' and text is null"))
                .as("older than a year: kept without its free text").isEqualTo(12);
        assertThat(count(topic, "occurred_at > '2007-01-01' and text like 'vrije tekst%'"))
                .as("younger than a year: untouched").isEqualTo(12);
        assertThat(retention.run(NOW, false).results()).as("a second run finds nothing left").allMatch(r -> r.rows() == 0);
        // the dashboard's in-memory index follows the deletions, and agrees with SQL
        awaitDashboard(topic, 24);
        JsonNode byMonth = Http.json(http.get("/api/v1/analytics/contacts/counts?by=month&from=2000-01-01&to=2008-12-31&topic="
                + topic)).path("rows");
        List<Long> dashboard = new ArrayList<>();
        byMonth.forEach(r -> dashboard.add(r.path("contacts").asLong()));
        List<Long> sql = jdbc.queryForList("select count(*) from contact where topic = ? "
                + "group by date_trunc('month', occurred_at at time zone 'Europe/Amsterdam') order by 1", Long.class, topic);
        assertThat(dashboard.stream().sorted().toList()).isEqualTo(sql);
        // the run is stored and shown to the privacy officer
        assertThat(retention.runs(5)).extracting(RetentionRun::id).contains(run.id());
        assertThat(http.get("/privacy/requests").getBody()).contains("contact_metadata: " + result(run, "contact_metadata") + " (delete)").doesNotContain(topic);
    }

    private long count(String topic, String condition) {
        return jdbc.queryForObject("select count(*) from contact where topic = ? and " + condition, Long.class, topic);
    }

    private static long result(RetentionRun run, String category) {
        return run.results().stream().filter(r -> r.category().equals(category)).findFirst().orElseThrow().rows();
    }

    private void awaitDashboard(String topic, long contacts) throws InterruptedException {
        Http http = new Http(rest);
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode rows = null;
        while (System.currentTimeMillis() < deadline) {
            rows = Http.json(http.get("/api/v1/analytics/contacts/counts?from=2000-01-01&to=2008-12-31&topic=" + topic))
                    .path("rows");
            if (rows.size() == 1 && rows.get(0).path("contacts").asLong() == contacts
                    && rows.get(0).path("citizens").asLong() == 12) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the dashboard did not show " + contacts + " contacts of 12 citizens within 30 s: " + rows);
    }
}
