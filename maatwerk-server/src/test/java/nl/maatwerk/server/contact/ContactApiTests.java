package nl.maatwerk.server.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class ContactApiTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    String source;

    @BeforeEach
    void setUp() {
        http = new Http(rest);
        source = "test-" + UUID.randomUUID();
    }

    String contact(String sourceId, String extra) {
        return """
                {"source":"%s","sourceId":"%s","channel":"phone","direction":"inbound","kind":"question",
                 "topic":"afval","subtopic":"grofvuil","occurredAt":"2026-03-02T09:15:00+01:00"%s}
                """.formatted(source, sourceId, extra.isEmpty() ? "" : "," + extra);
    }

    long stored() {
        return jdbc.queryForObject("select count(*) from contact where source = ?", Long.class, source);
    }

    void assertProblem(ResponseEntity<String> response, int status, String... pointers) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(Http.pointers(response)).containsExactlyInAnyOrder(pointers);
        assertThat(stored()).as("nothing written").isZero();
    }

    @Nested
    class Single {

        @Test
        void post_newContact_201WithLocationAndId() {
            ResponseEntity<String> response = http.post("/api/v1/contacts", contact("1", "\"satisfaction\":4"));
            assertThat(response.getStatusCode().value()).isEqualTo(201);
            long id = Http.json(response).path("id").asLong();
            assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/contacts/" + id);
            assertThat(Http.json(response).path("occurredAt").asText()).isEqualTo("2026-03-02T08:15:00Z");
            assertThat(Http.json(response).path("district").isMissingNode()).isTrue();
            assertThat(Http.json(http.get("/api/v1/contacts/" + id)).path("satisfaction").asInt()).isEqualTo(4);
        }

        @Test
        void post_sameContactTwice_200WithStoredOneAndNoDuplicate() {
            ResponseEntity<String> first = http.post("/api/v1/contacts", contact("1", ""));
            ResponseEntity<String> again = http.post("/api/v1/contacts", contact("1", ""));
            assertThat(again.getStatusCode().value()).isEqualTo(200);
            assertThat(Http.json(again).path("id")).isEqualTo(Http.json(first).path("id"));
            assertThat(stored()).isEqualTo(1);
        }

        @Test
        void post_sameKeyOtherContent_409AndStoredUnchanged() {
            http.post("/api/v1/contacts", contact("1", "\"satisfaction\":4"));
            ResponseEntity<String> response = http.post("/api/v1/contacts", contact("1", "\"satisfaction\":1"));
            assertThat(response.getStatusCode().value()).isEqualTo(409);
            assertThat(Http.pointers(response)).containsExactly("#/sourceId");
            assertThat(jdbc.queryForObject("select satisfaction from contact where source = ?", Integer.class, source)).isEqualTo(4);
        }

        @Test
        void post_unknownChannel_400NamingChannel() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "").replace("\"phone\"", "\"fax\"")), 400, "#/channel");
        }

        @Test
        void post_unknownKind_400NamingKind() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "").replace("\"question\"", "\"rant\"")), 400, "#/kind");
        }

        @Test
        void post_badDate_400NamingOccurredAt() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "").replace("2026-03-02T09:15:00+01:00", "2-3-2026 9:15")),
                    400, "#/occurredAt");
        }

        @Test
        void post_closedBeforeOccurred_400NamingClosedAt() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "\"closedAt\":\"2026-03-01T00:00:00Z\"")), 400, "#/closedAt");
        }

        @Test
        void post_satisfaction7_400NamingSatisfaction() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "\"satisfaction\":7")), 400, "#/satisfaction");
        }

        @Test
        void post_wrongTypes_400NamingEachField() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "\"satisfaction\":\"good\",\"resolvedFirstContact\":\"yes\"")),
                    400, "#/satisfaction", "#/resolvedFirstContact");
        }

        @Test
        void post_missingFieldsAndUnknownField_400NamingEach() {
            String body = "{\"source\":\"" + source + "\",\"colour\":\"red\"}";
            assertProblem(http.post("/api/v1/contacts", body), 400, "#/sourceId", "#/channel", "#/direction", "#/kind",
                    "#/topic", "#/occurredAt", "#/colour");
        }

        @Test
        void post_unknownCitizen_422NamingCitizenId() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "\"citizenId\":\"" + UUID.randomUUID() + "\"")), 422, "#/citizenId");
        }

        @Test
        void post_unknownBsn_422NamingBsn() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "\"bsn\":\"" + TestCitizens.newBsn() + "\"")), 422, "#/bsn");
        }

        @Test
        void post_bsnFailingElevenTest_400NamingBsn() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "\"bsn\":\"123456789\"")), 400, "#/bsn");
        }

        @Test
        void post_byBsnOfKnownCitizen_storesTheCitizenId() {
            UUID citizen = UUID.randomUUID();
            String bsn = TestCitizens.newBsn();
            assertThat(http.put("/api/v1/citizens/" + citizen, TestCitizens.json(citizen, bsn)).getStatusCode().value()).isEqualTo(201);
            ResponseEntity<String> response = http.post("/api/v1/contacts", contact("1", "\"bsn\":\"" + bsn + "\""));
            assertThat(Http.json(response).path("citizenId").asText()).isEqualTo(citizen.toString());
        }

        @Test
        void post_malformedJson_400WithLineAndColumn() {
            ResponseEntity<String> response = http.post("/api/v1/contacts", "{\"source\": \"" + source + "\",\n \"sourceId\": ");
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(Http.json(response).path("errors").get(0).path("line").asInt()).isEqualTo(2);
            assertThat(Http.json(response).path("detail").asText()).contains("malformed JSON");
            assertThat(stored()).isZero();
        }

        @Test
        void post_oversizedBody_413AndNothingWritten() {
            String huge = contact("1", "\"text\":\"" + "x".repeat(70_000) + "\"");
            ResponseEntity<String> response = http.post("/api/v1/contacts", huge);
            assertThat(response.getStatusCode().value()).isEqualTo(413);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(stored()).isZero();
        }

        @Test
        void post_textTooLongButUnderBodyLimit_400NamingText() {
            assertProblem(http.post("/api/v1/contacts", contact("1", "\"text\":\"" + "x".repeat(5_000) + "\"")), 400, "#/text");
        }

        @Test
        void get_unknownContact_404Problem() {
            ResponseEntity<String> response = http.get("/api/v1/contacts/999999999");
            assertThat(response.getStatusCode().value()).isEqualTo(404);
            assertThat(response.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        }

        @Test
        void get_unknownApiPath_404Problem() {
            ResponseEntity<String> response = http.get("/api/v1/no-such-thing");
            assertThat(response.getStatusCode().value()).isEqualTo(404);
            assertThat(Http.json(response).path("type").asText()).isEqualTo("urn:maatwerk:problem:http-404");
        }
    }

    @Nested
    class Batch {

        String array(int n) {
            return IntStream.range(0, n).mapToObj(i -> contact("b" + i, "")).collect(Collectors.joining(",", "[", "]"));
        }

        @Test
        void batch_valid_storesAllAndResendChangesNothing() {
            ResponseEntity<String> first = http.post("/api/v1/contacts/batch", array(5));
            assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
            assertThat(Http.json(first).path("created").asInt()).isEqualTo(5);
            ResponseEntity<String> again = http.post("/api/v1/contacts/batch", array(5));
            assertThat(Http.json(again).path("created").asInt()).isZero();
            assertThat(Http.json(again).path("unchanged").asInt()).isEqualTo(5);
            assertThat(stored()).isEqualTo(5);
        }

        @Test
        void batch_ndjson_storesAll() {
            String lines = IntStream.range(0, 3).mapToObj(i -> contact("n" + i, "").replace("\n", ""))
                    .collect(Collectors.joining("\n"));
            ResponseEntity<String> response = http.send(HttpMethod.POST, "/api/v1/contacts/batch", lines, "application/x-ndjson");
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            assertThat(stored()).isEqualTo(3);
        }

        @Test
        void batch_twoBadItems_400ListingEachByIndexAndNothingWritten() {
            String body = "[" + contact("a", "") + "," + contact("b", "\"satisfaction\":9") + "," + contact("c", "")
                    + "," + contact("d", "").replace("\"phone\"", "\"pigeon\"") + "]";
            assertProblem(http.post("/api/v1/contacts/batch", body), 400, "#/1/satisfaction", "#/3/channel");
        }

        @Test
        void batch_unknownCitizen_422ByIndexAndNothingWritten() {
            String body = "[" + contact("a", "") + "," + contact("b", "\"citizenId\":\"" + UUID.randomUUID() + "\"") + "]";
            assertProblem(http.post("/api/v1/contacts/batch", body), 422, "#/1/citizenId");
        }

        @Test
        void batch_clashWithStoredContact_409AndNothingOfTheBatchWritten() {
            http.post("/api/v1/contacts", contact("b1", "\"satisfaction\":2"));
            ResponseEntity<String> response = http.post("/api/v1/contacts/batch", array(3));
            assertThat(response.getStatusCode().value()).isEqualTo(409);
            assertThat(Http.pointers(response)).containsExactly("#/1/sourceId");
            assertThat(stored()).isEqualTo(1);
        }

        @Test
        void batch_sameKeyTwiceWithOtherContent_400() {
            String body = "[" + contact("a", "") + "," + contact("a", "\"satisfaction\":3") + "]";
            assertProblem(http.post("/api/v1/contacts/batch", body), 400, "#/1/sourceId");
        }

        @Test
        void batch_malformedNdjsonLine_400NamingTheLine() {
            String lines = contact("a", "").replace("\n", "") + "\n{\"source\": oops}\n";
            ResponseEntity<String> response = http.send(HttpMethod.POST, "/api/v1/contacts/batch", lines, "application/x-ndjson");
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(Http.json(response).path("errors").get(0).path("line").asInt()).isEqualTo(2);
            assertThat(stored()).isZero();
        }

        @Test
        void batch_overItemLimit_413AndNothingWritten() {
            String item = "{\"source\":\"" + source + "\"}";
            String body = IntStream.range(0, 10_001).mapToObj(i -> item).collect(Collectors.joining(",", "[", "]"));
            ResponseEntity<String> response = http.post("/api/v1/contacts/batch", body);
            assertThat(response.getStatusCode().value()).isEqualTo(413);
            assertThat(stored()).isZero();
        }

        @Test
        void batch_notAnArray_400() {
            assertProblem(http.post("/api/v1/contacts/batch", contact("a", "")), 400, "#");
        }
    }
}
