package nl.maatwerk.server.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class SegmentApiTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    String prefix;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new Http(rest);
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void deleteCreated() {
        for (int i = created.size() - 1; i >= 0; i--) {
            http.send(HttpMethod.DELETE, "/api/v1/segments/" + created.get(i), null, null);
        }
    }

    String key(String name) {
        return prefix + "-" + name;
    }

    static String body(String key, String purpose, String expression) {
        return """
                {"key":"%s","name":"Test %s","purpose":"%s","expression":"%s"}
                """.formatted(key, key, purpose, expression.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"));
    }

    ResponseEntity<String> create(String key, String purpose, String expression) {
        ResponseEntity<String> response = http.post("/api/v1/segments", body(key, purpose, expression));
        if (response.getStatusCode().value() == 201) {
            created.add(key);
        }
        return response;
    }

    String createOk(String name, String expression) {
        String key = key(name);
        ResponseEntity<String> response = create(key, "segmentation", expression);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return key;
    }

    ResponseEntity<String> preview(String expression, String purpose) {
        return http.post("/api/v1/segments/preview", """
                {"expression":"%s","purpose":"%s"}
                """.formatted(expression.replace("\"", "\\\"").replace("\n", "\\n"), purpose));
    }

    /** Asserts a problem of this status and type whose detail and first error name every one of {@code names}. */
    static JsonNode assertProblem(ResponseEntity<String> response, int status, String type, String... names) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = Http.json(response);
        assertThat(problem.path("type").asText()).isEqualTo("urn:maatwerk:problem:" + type);
        for (String name : names) {
            assertThat(problem.path("detail").asText()).as("detail names %s", name).contains(name);
        }
        return problem;
    }

    @Nested
    class Problems {

        @Test
        void syntaxError_400WithLineColumnTokenAndExpected() {
            JsonNode problem = assertProblem(preview("age >= 18\n  and household.type = and district = \"WK036300\"", "segmentation"),
                    400, "segment-syntax", "\"and\"", "Regel 2, kolom 24");
            JsonNode error = problem.path("errors").get(0);
            assertThat(error.path("pointer").asText()).isEqualTo("#/expression");
            assertThat(error.path("line").asInt()).isEqualTo(2);
            assertThat(error.path("column").asInt()).isEqualTo(24);
            assertThat(error.path("token").asText()).isEqualTo("and");
            assertThat(error.path("expected").toString()).contains("a number");
        }

        @Test
        void unknownField_422NamingFieldAndSuggestion() {
            JsonNode problem = assertProblem(preview("houshold.type = \"single\"", "segmentation"), 422,
                    "segment-unknown-field", "houshold.type", "household.type");
            assertThat(problem.path("errors").get(0).path("column").asInt()).isEqualTo(1);
        }

        @Test
        void specialCategory_422NamingAttributeAndCategory() {
            assertProblem(preview("attribute.wmo_indication", "segmentation"), 422, "segment-special-category",
                    "wmo_indication", "health");
        }

        @Test
        void attributeNotForPurpose_422NamingAttributeAndPurpose() {
            assertProblem(preview("attribute.receives_social_assistance", "segmentation"), 422,
                    "segment-purpose-not-allowed", "receives_social_assistance", "segmentation");
        }

        @Test
        void dataNotForPurpose_422NamingFieldCategoryAndPurpose() {
            assertProblem(preview("count(cases) >= 1", "segmentation"), 422, "segment-category-not-in-purpose",
                    "cases", "segmentation");
        }

        @Test
        void unknownPurpose_422AtPurpose() {
            JsonNode problem = assertProblem(preview("age >= 18", "marketing"), 422, "segment-unknown-purpose", "marketing");
            assertThat(problem.path("errors").get(0).path("pointer").asText()).isEqualTo("#/purpose");
        }

        @Test
        void belowK_countWithheldAndMembersRefusedNamingSegment() {
            String key = createOk("tiny", "postcode = \"9999ZZ\"");
            JsonNode count = Http.json(preview("postcode = \"9999ZZ\"", "segmentation"));
            assertThat(count.path("suppressed").asBoolean()).isTrue();
            assertThat(count.path("count").asLong()).isZero();
            assertThat(count.path("shown").asText()).isEqualTo("<50");
            assertThat(Http.json(http.get("/api/v1/segments/" + key)).path("shown").asText()).isEqualTo("<50");
            assertProblem(http.get("/api/v1/segments/" + key + "/members"), 422, "segment-below-k", key, "50");
            assertProblem(http.get("/api/v1/segments/" + key + "/profile"), 422, "segment-below-k", key);
        }

        @Test
        void cycle_422NamingTheCircle() {
            String a = createOk("a", "age >= 18");
            String b = createOk("b", "in segment \"" + a + "\" and age < 65");
            ResponseEntity<String> response = http.put("/api/v1/segments/" + a, body(a, "segmentation", "in segment \"" + b + "\""));
            assertProblem(response, 422, "segment-cycle", a + " → " + b + " → " + a);
            assertThat(Http.json(http.get("/api/v1/segments/" + a)).path("expression").asText()).isEqualTo("age >= 18");
        }

        @Test
        void unknownSegment_422NamingIt() {
            assertProblem(preview("in segment \"bestaat-niet\"", "segmentation"), 422, "segment-unknown-segment", "bestaat-niet");
        }

        @Test
        void deleteUsedSegment_409NamingTheUsers() {
            String a = createOk("base", "age >= 18");
            String b = createOk("user", "in segment \"" + a + "\" and household.type = \"single\"");
            ResponseEntity<String> response = http.send(HttpMethod.DELETE, "/api/v1/segments/" + a, null, null);
            assertProblem(response, 409, "segment-in-use", a, b);
        }

        @Test
        void changeBreakingAUser_422NamingTheUser() {
            String a = createOk("base2", "district = \"WK036300\"");
            String b = key("user2");
            assertThat(create(b, "contact_analytics", "in segment \"" + a + "\"").getStatusCode().value()).isEqualTo(201);
            ResponseEntity<String> response = http.put("/api/v1/segments/" + a,
                    body(a, "segmentation", "district = \"WK036300\" and age >= 18"));
            assertProblem(response, 422, "segment-breaks-user", b, "age");
        }

        @Test
        void badKeyAndMissingName_400NamingBoth() {
            ResponseEntity<String> response = http.post("/api/v1/segments",
                    "{\"key\":\"Not A Key\",\"purpose\":\"segmentation\",\"expression\":\"age >= 18\"}");
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(Http.pointers(response)).containsExactlyInAnyOrder("#/key", "#/name");
        }

        @Test
        void duplicateKey_409() {
            String a = createOk("dup", "age >= 18");
            assertProblem(create(a, "segmentation", "age >= 20"), 409, "segment-exists", a);
        }
    }

    @Nested
    class Definitions {

        @Test
        void createGetUpdateDelete_roundTrip() {
            String key = createOk("crud", "AGE   between 18 and 30");
            JsonNode got = Http.json(http.get("/api/v1/segments/" + key));
            assertThat(got.path("expression").asText()).isEqualTo("age between 18 and 30");
            assertThat(got.path("tree").path("field").asText()).isEqualTo("age");
            assertThat(got.path("purpose").asText()).isEqualTo("segmentation");
            ResponseEntity<String> updated = http.put("/api/v1/segments/" + key, body(key, "segmentation", "age >= 31"));
            assertThat(updated.getStatusCode().value()).as(updated.getBody()).isEqualTo(200);
            assertThat(Http.json(updated).path("expression").asText()).isEqualTo("age >= 31");
            assertThat(http.send(HttpMethod.DELETE, "/api/v1/segments/" + key, null, null).getStatusCode().value()).isEqualTo(204);
            assertThat(http.get("/api/v1/segments/" + key).getStatusCode().value()).isEqualTo(404);
            created.remove(key);
        }

        @Test
        void tree_showsNestedSegmentsUnderTheirUser() {
            String base = createOk("adults", "age >= 18");
            String user = createOk("adult-singles", "in segment \"" + base + "\" and household.type = \"single\"");
            JsonNode tree = Http.json(http.get("/api/v1/segments/tree"));
            JsonNode node = null;
            for (JsonNode n : tree) {
                if (n.path("key").asText().equals(user)) {
                    node = n;
                }
            }
            assertThat(node).as(tree.toString()).isNotNull();
            assertThat(node.path("uses").get(0).path("key").asText()).isEqualTo(base);
        }

        @Test
        void citizenSegments_listsTheSegmentsACitizenIsIn() throws Exception {
            UUID id = UUID.randomUUID();
            assertThat(http.put("/api/v1/citizens/" + id, TestCitizens.json(id, TestCitizens.newBsn())).getStatusCode().value()).isEqualTo(201);
            String key = createOk("in-1012ab", "postcode = \"1012AB\" and household.type = \"family_with_children\"");
            awaitSegmentsOf(id, key, Duration.ofSeconds(5));
            jdbc.update("update citizen set profiling_objection = true where id = ?", id);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (segmentsOf(id).contains(key) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(segmentsOf(id)).as("an objector is in no segment").isEmpty();
        }
    }

    List<String> segmentsOf(UUID id) {
        List<String> keys = new ArrayList<>();
        Http.json(http.get("/api/v1/citizens/" + id + "/segments")).path("segments").forEach(k -> keys.add(k.asText()));
        return keys;
    }

    /** Waits until the citizen is in the segment; returns how long that took. */
    Duration awaitSegmentsOf(UUID id, String key, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        while (!segmentsOf(id).contains(key)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("citizen %s should enter %s", id, key).isLessThan(timeout);
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    void committedContact_entersCitizenWithinASecondAndRecordsTheEvent() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(http.put("/api/v1/citizens/" + id, TestCitizens.json(id, TestCitizens.newBsn())).getStatusCode().value()).isEqualTo(201);
        String topic = "fresh-" + prefix;
        String key = createOk("fresh", "count(contacts where topic = \"" + topic + "\") >= 1");
        Thread.sleep(300);  // the citizen's own insert has been applied
        assertThat(segmentsOf(id)).doesNotContain(key);
        ResponseEntity<String> posted = http.post("/api/v1/contacts", """
                {"source":"%s","sourceId":"1","citizenId":"%s","channel":"phone","direction":"inbound","kind":"question",
                 "topic":"%s","occurredAt":"2026-03-02T09:15:00+01:00"}
                """.formatted("test-" + prefix, id, topic));
        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(201);
        Duration took = awaitSegmentsOf(id, key, Duration.ofSeconds(5));
        assertThat(took).as("from commit to membership").isLessThan(Duration.ofSeconds(1));
        List<String> events = jdbc.queryForList("select change from segment_membership_event where segment_key = ? and citizen_id = ?",
                String.class, key, id);
        assertThat(events).containsExactly("entered");
    }

    @Test
    void withdrawnConsent_takesCitizenOutOfThatPurposesSegmentsWithinASecond() throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(http.put("/api/v1/citizens/" + id, TestCitizens.json(id, TestCitizens.newBsn())).getStatusCode().value()).isEqualTo(201);
        String panel = key("panel");
        ResponseEntity<String> made = create(panel, "participation", "language = \"nl\"");
        assertThat(made.getStatusCode().value()).as(made.getBody()).isEqualTo(201);
        String local = createOk("local", "postcode = \"1012AB\"");
        awaitSegmentsOf(id, panel, Duration.ofSeconds(5));
        awaitSegmentsOf(id, local, Duration.ofSeconds(5));
        ResponseEntity<String> given = http.put("/api/v1/citizens/" + id + "/consents/participation", """
                {"state":"given","source":"mijn-gemeente"}""");
        assertThat(given.getStatusCode().value()).as(given.getBody()).isBetween(200, 201);
        Thread.sleep(300);
        assertThat(segmentsOf(id)).contains(panel, local);

        ResponseEntity<String> withdrawn = http.put("/api/v1/citizens/" + id + "/consents/participation", """
                {"state":"withdrawn","source":"mijn-gemeente"}""");
        assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isBetween(200, 201);
        long started = System.nanoTime();
        while (segmentsOf(id).contains(panel)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("out of %s after the withdrawal", panel)
                    .isLessThan(Duration.ofSeconds(1));
            Thread.sleep(10);
        }
        assertThat(segmentsOf(id)).as("only the purpose withdrawn from").contains(local).doesNotContain(panel);
        List<String> events = jdbc.queryForList("select change from segment_membership_event where segment_key = ?"
                + " and citizen_id = ? order by id", String.class, panel, id);
        assertThat(events).as("entered (if the citizen came after the segment), then left").endsWith("left");
        assertThat(events.stream().filter("left"::equals)).hasSize(1);
        boolean agree = false;
        for (int i = 0; i < 20 && !agree; i++) {   // the SQL cross-check leaves the withdrawn citizen out as well
            agree = Http.json(http.get("/api/v1/segments/" + panel + "/consistency")).path("agree").asBoolean();
            Thread.sleep(agree ? 0 : 100);
        }
        assertThat(agree).as("engine and SQL agree after the withdrawal").isTrue();

        ResponseEntity<String> again = http.put("/api/v1/citizens/" + id + "/consents/participation", """
                {"state":"given","source":"balie"}""");
        assertThat(again.getStatusCode().value()).as(again.getBody()).isBetween(200, 201);
        awaitSegmentsOf(id, panel, Duration.ofSeconds(1));
    }
}
