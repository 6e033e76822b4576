package nl.maatwerk.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import nl.maatwerk.server.TestTown;
import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The analytics API as an integrator sees it: a topic of its own with 20 callers, 12 e-mailers and 3
 * desk visitors, so with k = 10 the desk cell is hidden and e-mail with it.
 */
@ApiTest
class AnalyticsApiTests {

    @Autowired
    TestRestTemplate rest;

    Http http;
    String topic;

    @BeforeAll
    static void town(@Autowired ApplicationContext context) {
        TestTown.load(context);
    }

    @BeforeEach
    void setUp() throws InterruptedException {
        http = new Http(rest);
        topic = "k-test-" + UUID.randomUUID();
        String source = "analytics-" + topic;
        int n = 0;
        for (var group : List.of(List.of("phone", "20"), List.of("email", "12"), List.of("desk", "3"))) {
            for (int i = 0; i < Integer.parseInt(group.get(1)); i++) {
                UUID citizen = UUID.randomUUID();
                assertThat(http.put("/api/v1/citizens/" + citizen, TestCitizens.json(citizen, TestCitizens.newBsn()))
                        .getStatusCode().is2xxSuccessful()).isTrue();
                String contact = """
                        {"source":"%s","sourceId":"%d","citizenId":"%s","channel":"%s","direction":"inbound","kind":"question",
                         "topic":"%s","occurredAt":"2026-03-0%dT10:00:00+01:00","satisfaction":4}
                        """.formatted(source, n++, citizen, group.get(0), topic, 2 + i % 5);
                assertThat(http.post("/api/v1/contacts", contact).getStatusCode().value()).isEqualTo(201);
            }
        }
        awaitFresh(35);
    }

    private void awaitFresh(long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode rows = Http.json(http.get("/api/v1/analytics/contacts/counts?topic=" + topic)).path("rows");
            if (rows.size() == 1 && rows.get(0).path("contacts").asLong() == expected) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("analytics did not see the " + expected + " new contacts within 10 s");
    }

    @Test
    void counts_byChannel_hidesTheSmallCellAndOneMore() {
        ResponseEntity<String> response = http.get("/api/v1/analytics/contacts/counts?by=channel&topic=" + topic);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.path("k").asInt()).isEqualTo(10);
        List<String> rows = new ArrayList<>();
        body.path("rows").forEach(r -> rows.add(r.path("channel").asText() + "=" + r.path("contacts").asText()
                + "/" + r.path("citizens").asText() + (r.path("suppressed").asBoolean() ? " hidden" : "")));
        assertThat(rows).containsExactly("desk=<10/<10 hidden", "email=<10/<10 hidden", "phone=20/20");
    }

    @Test
    void total_minusVisibleCells_doesNotRevealTheHiddenOne() {
        long total = Http.json(http.get("/api/v1/analytics/contacts/counts?topic=" + topic)).path("rows").get(0).path("contacts").asLong();
        long visible = 0;
        int hidden = 0;
        for (JsonNode row : Http.json(http.get("/api/v1/analytics/contacts/counts?by=channel&topic=" + topic)).path("rows")) {
            if (row.path("suppressed").asBoolean()) {
                hidden++;
            } else {
                visible += row.path("contacts").asLong();
            }
        }
        assertThat(total).isEqualTo(35);
        assertThat(hidden).as("hidden cells share the remainder").isGreaterThanOrEqualTo(2);
        assertThat(total - visible).isEqualTo(15);
    }

    @Test
    void csv_showsTheSameWithheldCells() {
        ResponseEntity<String> response = http.get("/api/v1/analytics/contacts/counts?by=channel&format=csv&topic=" + topic);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(response.getBody().lines().toList()).containsExactly("channel,contacts,citizens,suppressed",
                "desk,<10,<10,true", "email,<10,<10,true", "phone,20,20,false");
        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<String> negotiated = rest.exchange("/api/v1/analytics/contacts/counts?by=channel&topic=" + topic,
                HttpMethod.GET, new HttpEntity<>(accept), String.class);
        assertThat(negotiated.getBody()).isEqualTo(response.getBody());
    }

    @Test
    void satisfaction_withheldForTheSameGroups() {
        JsonNode rows = Http.json(http.get("/api/v1/analytics/contacts/satisfaction?by=channel&topic=" + topic)).path("rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).path("channel").asText()).isEqualTo("phone");
        assertThat(rows.get(2).path("value").asDouble()).isEqualTo(4.0);
        assertThat(rows.get(0).path("value").asText()).isEqualTo("<10");
    }

    @Test
    void freshness_aNewContactIsCountedWithinASecond() throws InterruptedException {
        UUID citizen = UUID.randomUUID();
        http.put("/api/v1/citizens/" + citizen, TestCitizens.json(citizen, TestCitizens.newBsn()));
        long posted = System.currentTimeMillis();
        http.post("/api/v1/contacts", """
                {"source":"analytics-%s","sourceId":"late","citizenId":"%s","channel":"chat","direction":"inbound","kind":"question",
                 "topic":"%s","occurredAt":"2026-03-09T10:00:00+01:00"}""".formatted(topic, citizen, topic));
        awaitFresh(36);
        assertThat(System.currentTimeMillis() - posted).isLessThan(1_000);
    }

    @Test
    void byDistrict_addsResidentsAndTheRatePerThousand() {
        JsonNode body = Http.json(http.get("/api/v1/analytics/contacts/counts?by=district&by=month"));
        assertThat(body.path("columns").toString()).contains("residents", "perThousandResidents");
        JsonNode visible = null;
        for (JsonNode row : body.path("rows")) {
            if (!row.path("suppressed").asBoolean() && row.path("residents").isNumber()) {
                visible = row;
            }
        }
        assertThat(visible).as("a district with residents and enough contacts").isNotNull();
        assertThat(visible.path("perThousandResidents").asDouble())
                .isEqualTo(1000.0 * visible.path("contacts").asLong() / visible.path("residents").asLong());
    }

    @Test
    void badParameters_400NamingEach() {
        ResponseEntity<String> response = http.get("/api/v1/analytics/contacts/counts?by=colour&from=2026-13-01&channel=pigeon&size=3");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        List<String> named = new ArrayList<>();
        Http.json(response).path("errors").forEach(e -> named.add(e.path("parameter").asText()));
        assertThat(named).containsExactlyInAnyOrder("by", "from", "channel", "size");
        assertThat(response.getBody()).contains("colour").contains("2026-13-01").contains("pigeon");
    }

    @Test
    void periodEndingBeforeItStarts_400() {
        ResponseEntity<String> response = http.get("/api/v1/analytics/contacts/time-to-close?from=2026-05-01&to=2026-04-01");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"parameter\":\"to\"");
    }

    @Test
    void tooManyGroups_400NamingBy() {
        ResponseEntity<String> response = http.get("/api/v1/analytics/contacts/counts?by=day&by=hour&by=neighbourhood&from=2000-01-01&to=2030-12-31");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"parameter\":\"by\"").contains("groups");
    }
}
