package nl.maatwerk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import nl.maatwerk.server.TestTown;
import nl.maatwerk.server.security.ApiKeys;
import nl.maatwerk.server.security.IssuedApiKey;
import nl.maatwerk.server.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ApiTest
class AuditLogTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApiKeys keys;

    @Autowired
    ApplicationContext context;

    Http http;
    UUID id;
    String bsn;
    String trace;

    @BeforeEach
    void setUp() {
        http = new Http(rest);
        id = UUID.randomUUID();
        bsn = TestCitizens.newBsn();
        trace = "test-" + UUID.randomUUID();
        assertThat(http.put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn)).getStatusCode().value()).isEqualTo(201);
    }

    ResponseEntity<String> getAs(String path, String apiKey, String traceId) {
        HttpHeaders headers = new HttpHeaders();
        if (apiKey != null) {
            headers.setBearerAuth(apiKey);
        }
        if (traceId != null) {
            headers.set("X-Trace-Id", traceId);
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    List<Map<String, Object>> entriesOf(String traceId) {
        return jdbc.queryForList("""
                select actor, role, action, purpose, array_to_string(citizen_ids, ',') citizens,
                       array_to_string(fields, ',') fields, request_path from audit_log where trace_id = ? order by id""",
                traceId);
    }

    @Test
    void readOfACitizen_recordsWhoWhichCitizenWhichFieldsAndTheTraceId() {
        IssuedApiKey agent = keys.issue("j.jansen", Set.of(Role.KCC), null);
        ResponseEntity<String> response = getAs("/api/v1/citizens/" + id, agent.secret(), trace);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getFirst("X-Trace-Id")).isEqualTo(trace);
        String pseudonym = jdbc.queryForObject("select pseudonym::text from audit_subject where citizen_id = ?",
                String.class, id);
        assertThat(entriesOf(trace)).containsExactly(Map.of("actor", "j.jansen (key " + agent.key().id() + ")", "role", "kcc", "action", "read",
                "purpose", "service_delivery", "citizens", pseudonym,
                "fields", "identification,address,household,attributes", "request_path", "/api/v1/citizens/" + pseudonym));
        assertThat(pseudonym).isNotEqualTo(id.toString());
    }

    @Test
    void entriesNameThePseudonym_searchAnswersWithTheCitizenId() {
        getAs("/api/v1/citizens/" + id + "/cases", keys.issue("j.jansen", Set.of(Role.KCC), null).secret(), trace);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where trace_id = ? and citizen_ids @> array[?::uuid]",
                Long.class, trace, id)).isZero();
        JsonNode found = Http.json(http.get("/api/v1/audit?citizenId=" + id));
        assertThat(found.path("entries").get(0).path("citizenIds").get(0).asText()).isEqualTo(id.toString());
        assertThat(found.path("entries").get(0).path("format").asInt()).isEqualTo(2);
    }

    @Test
    void readWithoutTraceId_getsOneInTheResponseAndTheEntry_withTheKeysOwnerAndRole() {
        ResponseEntity<String> response = getAs("/api/v1/citizens/" + id + "/travel-documents", null, null);
        String generated = response.getHeaders().getFirst("X-Trace-Id");
        assertThat(generated).matches("[0-9a-f]{32}");
        List<Map<String, Object>> entries = entriesOf(generated);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).containsEntry("actor", "bootstrap (key bootstrap)").containsEntry("role", "beheer")
                .containsEntry("fields", "documents");
    }

    @Test
    void subResourcesAndPages_eachRecordTheirGroupOfData() {
        getAs("/api/v1/citizens/" + id + "/cases", null, trace);
        getAs("/api/v1/citizens/" + id + "/contacts", null, trace);
        getAs("/citizens/" + id, null, trace);
        HttpHeaders htmx = new HttpHeaders();
        htmx.set("HX-Request", "true");
        htmx.set("X-Trace-Id", trace);
        rest.exchange("/citizens/" + id + "/contacts?page=1", HttpMethod.GET, new HttpEntity<>(htmx), String.class);
        getAs("/api/v1/citizens/" + id + "/consents", null, trace);
        assertThat(entriesOf(trace)).extracting(e -> e.get("fields")).containsExactly("cases", "contact_history",
                "identification,address,household,attributes,documents,cases,contact_history", "contact_history",
                "consents");
    }

    @Test
    void unknownCitizen_isNotRecorded() {
        getAs("/api/v1/citizens/" + UUID.randomUUID(), null, trace);
        assertThat(entriesOf(trace)).isEmpty();
    }

    @Test
    void segmentMemberPage_recordsAnExportOfEveryCitizenOnThePage() throws Exception {
        TestTown.load(context);
        String key = "t" + UUID.randomUUID().toString().substring(0, 8) + "-audit";
        assertThat(http.post("/api/v1/segments", """
                {"key":"%s","name":"Audit test","purpose":"segmentation","expression":"age >= 18"}""".formatted(key))
                .getStatusCode().value()).isEqualTo(201);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            ResponseEntity<String> page = getAs("/api/v1/segments/" + key + "/members?size=7", null, trace);
            while (page.getStatusCode().value() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                page = getAs("/api/v1/segments/" + key + "/members?size=7", null, trace);
            }
            assertThat(page.getStatusCode().value()).as(page.getBody()).isEqualTo(200);
            List<String> members = new ArrayList<>();
            for (JsonNode m : Http.json(page).path("members")) {
                members.add(m.asText());
            }
            List<Map<String, Object>> entries = entriesOf(trace);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0)).containsEntry("action", "export").containsEntry("purpose", "segmentation")
                    .containsEntry("fields", "segment_membership");
            List<String> pseudonyms = new ArrayList<>();
            for (String m : members) {
                pseudonyms.add(jdbc.queryForObject("select pseudonym::text from audit_subject where citizen_id = ?::uuid",
                        String.class, m));
            }
            assertThat(entries.get(0)).containsEntry("citizens", String.join(",", pseudonyms));
        } finally {
            http.send(HttpMethod.DELETE, "/api/v1/segments/" + key, null, null);
        }
    }

    @Test
    void updateDeleteAndTruncate_areRefusedByTheDatabase() {
        getAs("/api/v1/citizens/" + id, null, trace);
        for (String sql : List.of("update audit_log set actor = 'x' where trace_id = '" + trace + "'",
                "delete from audit_log where trace_id = '" + trace + "'", "truncate audit_log")) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("append-only");
        }
        assertThat(entriesOf(trace)).hasSize(1);
    }

    @Test
    void chain_verifiesWhole() {
        getAs("/api/v1/citizens/" + id, null, trace);
        ChainVerification result = audit.verify();
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.entries()).isPositive();
        JsonNode api = Http.json(http.get("/api/v1/audit/verification"));
        assertThat(api.path("ok").asBoolean()).as(api.toString()).isTrue();
        assertThat(api.path("entries").asLong()).isPositive();
    }

    /**
     * A superuser switches the triggers off ({@code session_replication_role = replica}) and edits an entry; the
     * verification names that entry. Runs in one transaction that is rolled back, so the shared database stays whole.
     */
    @Test
    void tamperedEntry_verificationNamesTheFirstBrokenEntry() {
        getAs("/api/v1/citizens/" + id, null, trace);
        getAs("/api/v1/citizens/" + id + "/cases", null, trace);
        List<Long> ids = jdbc.queryForList("select id from audit_log where trace_id = ? order by id", Long.class, trace);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ChainVerification edited = tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("update audit_log set actor = 'someone-else' where id = ?", ids.get(0));
            return audit.verify();
        });
        assertThat(edited.ok()).isFalse();
        assertThat(edited.brokenId()).isEqualTo(ids.get(0));
        assertThat(edited.reason()).contains("content");
        assertThat(edited.toString()).contains("BROKEN at entry " + ids.get(0));

        ChainVerification removed = tx.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update("delete from audit_log where id = ?", ids.get(0));
            return audit.verify();
        });
        assertThat(removed.brokenId()).as("the entry after the removed one").isEqualTo(ids.get(1));
        assertThat(removed.reason()).contains("previous hash");

        assertThat(audit.verify().ok()).as("rolled back: whole again").isTrue();
    }

    @Test
    void searchApi_byCitizenIdOrBsn_newestFirst() {
        IssuedApiKey agent = keys.issue("a.de.vries", Set.of(Role.KCC), null);
        String actor = agent.key().actor();
        getAs("/api/v1/citizens/" + id, agent.secret(), trace);
        getAs("/api/v1/citizens/" + id + "/cases", agent.secret(), trace);
        JsonNode byId = Http.json(http.get("/api/v1/audit?citizenId=" + id));
        assertThat(byId.path("entries").findValuesAsText("actor")).containsExactly(actor, actor);
        assertThat(byId.path("entries").get(0).path("fields").get(0).asText()).isEqualTo("cases");
        JsonNode byBsn = Http.json(http.get("/api/v1/audit?bsn=" + bsn + "&actor=" + actor + "&size=1"));
        assertThat(byBsn.path("entries")).hasSize(1);
        assertThat(byBsn.path("more").asBoolean()).isTrue();
    }

    @Test
    void searchApi_badParameters_400NamingEach() {
        ResponseEntity<String> response = http.get("/api/v1/audit?citizenId=nobody&from=yesterday&size=9999");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(Http.json(response).path("errors").findValuesAsText("parameter")).containsExactlyInAnyOrder(
                "citizen", "from", "size");
    }

    @Test
    void auditPage_findsTheReadsOfACitizenByBsn_inDutchAndEnglish() {
        getAs("/api/v1/citizens/" + id, keys.issue("p.officier", Set.of(Role.PRIVACY), null).secret(), trace);
        ResponseEntity<String> page = http.get("/privacy/audit?citizen=" + bsn);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Inzage-logboek").contains("p.officier").contains("ingezien")
                .contains(id.toString()).contains("identification, address, household, attributes");
        assertThat(http.get("/privacy/audit?citizen=" + bsn + "&lang=en").getBody()).contains("Access log").contains("viewed");
        assertThat(http.get("/privacy/audit?from=gisteren").getBody()).contains("gisteren");
    }
}
