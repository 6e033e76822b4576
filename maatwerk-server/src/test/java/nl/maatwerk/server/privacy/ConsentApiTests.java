package nl.maatwerk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class ConsentApiTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConsentService consents;

    Http http;
    UUID id;
    String segmentKey;

    @BeforeEach
    void setUp() {
        http = new Http(rest);
        id = UUID.randomUUID();
        assertThat(http.put("/api/v1/citizens/" + id, TestCitizens.json(id, TestCitizens.newBsn())).getStatusCode().value())
                .isEqualTo(201);
    }

    @AfterEach
    void deleteSegment() {
        if (segmentKey != null) {
            http.send(HttpMethod.DELETE, "/api/v1/segments/" + segmentKey, null, null);
        }
    }

    ResponseEntity<String> putConsent(String purpose, String body) {
        return http.put("/api/v1/citizens/" + id + "/consents/" + purpose, body);
    }

    static void assertProblem(ResponseEntity<String> response, int status, String type) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(Http.json(response).path("type").asText()).isEqualTo("urn:maatwerk:problem:" + type);
    }

    @Test
    void putConsent_badFields_400NamingEachField() {
        ResponseEntity<String> response = putConsent("participation", """
                {"state":"maybe","channel":"pigeon","colour":"red"}""");
        assertProblem(response, 400, "invalid-input");
        assertThat(Http.pointers(response)).containsExactlyInAnyOrder("#/state", "#/channel", "#/source", "#/colour");
    }

    @Test
    void putConsent_unknownPurpose_422NamingIt() {
        ResponseEntity<String> response = putConsent("marketing", """
                {"state":"given","source":"mijn-gemeente"}""");
        assertProblem(response, 422, "unknown-purpose");
        assertThat(Http.json(response).path("detail").asText()).contains("marketing");
        assertThat(Http.json(response).path("errors").get(0).path("parameter").asText()).isEqualTo("purpose");
    }

    @Test
    void putConsent_unknownCitizen_404() {
        assertProblem(http.put("/api/v1/citizens/" + UUID.randomUUID() + "/consents/participation", """
                {"state":"given","source":"mijn-gemeente"}"""), 404, "not-found");
    }

    @Test
    void putConsent_givenForPublicTask_422AtState() {
        ResponseEntity<String> response = putConsent("segmentation", """
                {"state":"given","source":"mijn-gemeente"}""");
        assertProblem(response, 422, "consent-not-applicable");
        assertThat(Http.pointers(response)).containsExactly("#/state");
        assertProblem(putConsent("social_support", """
                {"state":"objected","source":"balie"}"""), 422, "consent-not-applicable");
    }

    @Test
    void consents_keepHistoryAndShowTheLatestPerChannel() {
        assertThat(putConsent("participation", """
                {"state":"given","source":"mijn-gemeente"}""").getStatusCode().value()).isEqualTo(200);
        assertThat(putConsent("participation", """
                {"state":"withdrawn","channel":"email","source":"balie"}""").getStatusCode().value()).isEqualTo(200);
        assertThat(consents.mayContact(id, "participation", Channel.EMAIL)).isFalse();
        assertThat(consents.mayContact(id, "participation", Channel.LETTER)).isTrue();

        assertThat(putConsent("participation", """
                {"state":"withdrawn","source":"mijn-gemeente"}""").getStatusCode().value()).isEqualTo(200);
        assertThat(consents.mayContact(id, "participation", Channel.LETTER)).isFalse();

        JsonNode overview = Http.json(http.get("/api/v1/citizens/" + id + "/consents"));
        assertThat(overview.path("history").findValuesAsText("state")).containsExactly("given", "withdrawn", "withdrawn");
        assertThat(overview.path("history").get(1).path("source").asText()).isEqualTo("balie");
        JsonNode participation = null;
        for (JsonNode p : overview.path("purposes")) {
            if (p.path("purpose").asText().equals("participation")) {
                participation = p;
            }
        }
        assertThat(participation.path("legalBasis").asText()).isEqualTo("consent");
        assertThat(participation.path("current").findValuesAsText("state")).containsExactly("withdrawn", "withdrawn");
    }

    @Test
    void objectionToPublicTask_stopsContactUntilLifted() {
        assertThat(consents.mayContact(id, "proactive_service", Channel.SMS)).isTrue();
        putConsent("proactive_service", """
                {"state":"objected","source":"brief"}""");
        assertThat(consents.mayContact(id, "proactive_service", Channel.SMS)).isFalse();
        putConsent("proactive_service", """
                {"state":"withdrawn","source":"brief"}""");
        assertThat(consents.mayContact(id, "proactive_service", Channel.SMS)).isTrue();
    }

    @Test
    void digitalContactObjection_refusesOnlyDigitalChannels() {
        ResponseEntity<String> response = http.put("/api/v1/citizens/" + id + "/objections/digital-contact", """
                {"objected":true,"source":"balie"}""");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(consents.isDigitalContactObjected(id)).isTrue();
        assertThat(consents.mayContact(id, "proactive_service", Channel.EMAIL)).isFalse();
        assertThat(consents.mayContact(id, "proactive_service", Channel.LETTER)).isTrue();
        assertThat(consents.isProfilingObjected(id)).isFalse();
    }

    @Test
    void objection_missingFields_400() {
        ResponseEntity<String> response = http.put("/api/v1/citizens/" + id + "/objections/profiling", "{}");
        assertProblem(response, 400, "invalid-input");
        assertThat(Http.pointers(response)).containsExactlyInAnyOrder("#/objected", "#/source");
        assertProblem(http.put("/api/v1/citizens/" + id + "/objections/telepathy", """
                {"objected":true,"source":"balie"}"""), 404, "not-found");
    }

    @Test
    void consentEvents_updateAndDeleteAreRefused() {
        putConsent("participation", """
                {"state":"given","source":"mijn-gemeente"}""");
        assertRefused("update consent_event set state = 'withdrawn' where citizen_id = '" + id + "'");
        assertRefused("delete from objection_event where id < 0");
        assertRefused("truncate consent_event");
    }

    void assertRefused(String sql) {
        assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
    }

    @Test
    void profilingObjection_takesTheCitizenOutOfEverySegmentWithinASecond() throws Exception {
        segmentKey = "t" + UUID.randomUUID().toString().substring(0, 8) + "-objection";
        ResponseEntity<String> created = http.post("/api/v1/segments", """
                {"key":"%s","name":"Objection test","purpose":"segmentation",
                 "expression":"postcode = \\"1012AB\\" and household.type = \\"family_with_children\\""}
                """.formatted(segmentKey));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        awaitMembership(true, Duration.ofSeconds(5));

        ResponseEntity<String> objected = http.put("/api/v1/citizens/" + id + "/objections/profiling", """
                {"objected":true,"source":"mijn-gemeente"}""");
        assertThat(objected.getStatusCode().value()).as(objected.getBody()).isEqualTo(200);
        Duration took = awaitMembership(false, Duration.ofSeconds(5));

        assertThat(took).as("from the objection's commit to leaving every segment").isLessThan(Duration.ofSeconds(1));
        assertThat(segmentsOf()).isEmpty();
        assertThat(consents.isProfilingObjected(id)).isTrue();
        assertThat(jdbc.queryForList("select change from segment_membership_event where segment_key = ? and citizen_id = ?"
                + " order by id", String.class, segmentKey, id)).endsWith("left");
    }

    List<String> segmentsOf() {
        List<String> keys = new ArrayList<>();
        Http.json(http.get("/api/v1/citizens/" + id + "/segments")).path("segments").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    Duration awaitMembership(boolean member, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        while (segmentsOf().contains(segmentKey) != member) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("member=%s of %s", member, segmentKey)
                    .isLessThan(timeout);
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
