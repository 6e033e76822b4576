package nl.maatwerk.server.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestTown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The in-memory engine and the SQL translation give the same members on the generated test town, through the
 * API's consistency check (both evaluated at the same moment), after the town arrived through the change feed.
 */
@ApiTest
class SegmentAgreementTests {

    @Autowired
    TestRestTemplate rest;

    final List<String> created = new ArrayList<>();

    @BeforeAll
    static void town(@Autowired ApplicationContext context) {
        TestTown.load(context);
    }

    @AfterEach
    void delete() {
        Http http = new Http(rest);
        for (int i = created.size() - 1; i >= 0; i--) {
            http.send(HttpMethod.DELETE, "/api/v1/segments/" + created.get(i), null, null);
        }
    }

    @Test
    void engineAndSql_agreeOnTheTestTown() throws Exception {
        Http http = new Http(rest);
        String prefix = "agree-" + UUID.randomUUID().toString().substring(0, 8);
        List<String[]> segments = List.of(
                new String[] {"segmentation", "age between 25 and 40 and household.type = \"family_with_children\""},
                new String[] {"segmentation", "count(contacts where channel in (\"desk\", \"phone\") and occurredAt > 2026-01-01) >= 2"},
                new String[] {"segmentation", "document.travel.expiredWithin(12m) or document.travel.expiresWithin(8w)"},
                new String[] {"segmentation", "last(contacts where channel.digital).occurredAt > now - 12m and not household.size = 1"},
                new String[] {"segmentation", "attribute.income_band = \"low\" or (age >= 65 and count(contacts) = 0)"},
                new String[] {"segmentation", "in segment \"" + prefix + "-0\" or count(contacts where kind = \"complaint\") >= 1"},
                new String[] {"proactive_service", "count(cases where type = \"objection\" or open) >= 1 or not document.travel.valid"});
        for (int i = 0; i < segments.size(); i++) {
            String key = prefix + "-" + i;
            ResponseEntity<String> response = http.post("/api/v1/segments", SegmentApiTests.body(key, segments.get(i)[0], segments.get(i)[1]));
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
            created.add(key);
        }
        int shown = 0;
        for (int i = 0; i < segments.size(); i++) {
            JsonNode check = consistent(http, prefix + "-" + i);
            assertThat(check.path("agree").asBoolean()).as("%s: %s", segments.get(i)[1], check).isTrue();
            if (!check.path("count").path("suppressed").asBoolean()) {
                shown++;
            }
        }
        assertThat(shown).as("most test segments are big enough to show").isGreaterThanOrEqualTo(5);
    }

    /** The consistency check, repeated for a while when the index is still catching up with the town's import. */
    private static JsonNode consistent(Http http, String key) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode check;
        do {
            ResponseEntity<String> response = http.get("/api/v1/segments/" + key + "/consistency");
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            check = Http.json(response);
            if (check.path("agree").asBoolean()) {
                return check;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return check;
    }
}
