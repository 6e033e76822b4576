package nl.maatwerk.server.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import nl.maatwerk.server.TestTown;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.segment.Segments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import nl.maatwerk.server.security.ApiKeys;
import nl.maatwerk.server.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

@ApiTest
class PrivacyRequestTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Segments segments;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeys keys;

    Http http;
    UUID id;
    String bsn;
    String postcode;
    int houseNumber;

    @BeforeEach
    void setUp() {
        http = new Http(rest);
        id = UUID.randomUUID();
        bsn = TestCitizens.newBsn();
        postcode = "9" + (100 + ThreadLocalRandom.current().nextInt(900)) + "ZX";
        houseNumber = 1000 + ThreadLocalRandom.current().nextInt(9000);
        assertThat(putCitizen("1975-02-03").getStatusCode().value()).isEqualTo(201);
    }

    ResponseEntity<String> putCitizen(String birthDate) {
        return http.put("/api/v1/citizens/" + id, """
                {"id":"%s","bsn":"%s","birthDate":"%s",
                 "household":{"type":"single","size":1},
                 "address":{"postcode":"%s","houseNumber":%d,"neighbourhood":"BU03630000","municipality":"GM0363"},
                 "language":"nl","attributes":{"income_band":"low","parking_permit_holder":true}}
                """.formatted(id, bsn, birthDate, postcode, houseNumber));
    }

    ResponseEntity<String> getAs(String path, String actor, Role role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(keys.issue(actor, Set.of(role), null).secret());
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    JsonNode file(String type, String who) {
        ResponseEntity<String> response = http.post("/api/v1/privacy/requests", """
                {"type":"%s",%s,"reason":"verzoek per brief"}""".formatted(type, who));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders().getLocation()).isNotNull();
        return Http.json(response);
    }

    void contact(String sourceId, UUID citizen, String topic, String text) {
        String body = """
                {"source":"privacy-test","sourceId":"%s","citizenId":"%s","channel":"phone","direction":"inbound",
                 "kind":"question","topic":"%s","occurredAt":"2026-05-04T10:00:00+02:00"%s}
                """.formatted(sourceId, citizen, topic, text == null ? "" : ",\"text\":\"" + text + "\"");
        assertThat(http.post("/api/v1/contacts", body).getStatusCode().value()).isEqualTo(201);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    JsonNode topicCounts(String topic) {
        JsonNode rows = Http.json(http.get("/api/v1/analytics/contacts/counts?topic=" + topic)).path("rows");
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Test
    void erasure_removesTheCitizenFromEveryTable_catalogueScanFindsNothing() throws Exception {
        TestTown.load(context);
        // data in every table that can hold citizen data
        String topic = "erasure-" + UUID.randomUUID();
        for (int i = 0; i < 11; i++) {
            UUID other = UUID.randomUUID();
            http.put("/api/v1/citizens/" + other, TestCitizens.json(other, TestCitizens.newBsn()));
            contact(topic + "-other-" + i, other, topic, null);
        }
        String address = postcode + " " + houseNumber;
        contact(topic + "-1", id, topic, "Inwoner met BSN " + bsn + " woont op " + address + " en belt over parkeren");
        contact(topic + "-2", id, topic, null);
        String document = ("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 9).toUpperCase();
        jdbc.update("insert into travel_document (number, citizen_id, type, issue_date, expiry_date) "
                + "values (?, ?, 'PN', date '2020-01-01', date '2030-01-01')", document, id);
        UUID caseId = UUID.randomUUID();
        jdbc.update("insert into municipal_case (id, citizen_id, type, status, submitted_at) "
                + "values (?, ?, 'parking_permit', 'in_progress', now() - interval '3 days')", caseId, id);
        jdbc.update("insert into case_status_change (case_id, status, at) values (?, 'received', now() - interval '3 days'),"
                + " (?, 'in_progress', now() - interval '2 days')", caseId, caseId);
        jdbc.update("insert into truth.planted_preference (citizen_id, preferred_channel, preferred_hour_block, responsiveness)"
                + " values (?, 'email', 'evening', 0.4)", id);
        assertThat(http.put("/api/v1/citizens/" + id + "/consents/participation",
                "{\"state\":\"given\",\"channel\":\"email\",\"source\":\"mijn-gemeente\"}").getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(http.put("/api/v1/citizens/" + id + "/objections/digital-contact",
                "{\"objected\":true,\"source\":\"balie\"}").getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(getAs("/api/v1/citizens/" + id, "j.jansen", Role.KCC).getStatusCode().value()).isEqualTo(200);
        assertThat(getAs("/api/v1/citizens/" + id + "/cases", "j.jansen", Role.KCC).getStatusCode().value()).isEqualTo(200);
        JsonNode access = file("access", "\"citizenId\":\"" + id + "\"");
        String key = "t" + UUID.randomUUID().toString().substring(0, 8) + "-erasure";
        assertThat(http.post("/api/v1/segments", """
                {"key":"%s","name":"Erasure test","purpose":"segmentation","expression":"age >= 18"}""".formatted(key))
                .getStatusCode().value()).isEqualTo(201);
        try {
            // membership events record changes after a segment's first evaluation: the citizen comes of age later
            assertThat(putCitizen("2016-02-03").getStatusCode().is2xxSuccessful()).isTrue();
            await("the citizen is not in the new segment", () -> {
                try {
                    return segments.get(key).count() != null && !segments.segmentsOf(id).contains(key);
                } catch (RuntimeException loading) {
                    return false;
                }
            });
            Thread.sleep(500);
            assertThat(putCitizen("1975-02-03").getStatusCode().is2xxSuccessful()).isTrue();
            await("the citizen is in the new segment", () -> segments.segmentsOf(id).contains(key));
            await("the membership event is stored", () -> jdbc.queryForObject(
                    "select count(*) from segment_membership_event where citizen_id = ? and segment_key = ?", Long.class,
                    id, key) >= 1);
            long events = jdbc.queryForObject("select count(*) from segment_membership_event where citizen_id = ?",
                    Long.class, id);
            await("analytics sees 12 persons", () -> topicCounts(topic) != null
                    && topicCounts(topic).path("citizens").asLong() == 12);
            long members = segments.get(key).count().count();
            CatalogueScan scan = new CatalogueScan(jdbc);
            List<String> needles = List.of(id.toString(), bsn, address);
            assertThat(scan.find(needles)).as("the scan finds the citizen before erasure")
                    .anyMatch(f -> f.contains("contact.text")).anyMatch(f -> f.contains("citizen.bsn"))
                    .anyMatch(f -> f.contains("consent_event.citizen_id"));
            List<Long> auditIds = jdbc.queryForList("select id from audit_log where citizen_ids @> array["
                    + "(select pseudonym from audit_subject where citizen_id = ?)]", Long.class, id);
            assertThat(auditIds).hasSizeGreaterThanOrEqualTo(2);

            JsonNode erased = file("erasure", "\"bsn\":\"" + bsn + "\"");

            assertThat(erased.path("status").asText()).isEqualTo("completed");
            assertThat(erased.path("citizenId").isMissingNode() || erased.path("citizenId").isNull()).isTrue();
            JsonNode outcome = erased.path("outcome");
            assertThat(outcome.path("citizen").asInt()).isEqualTo(1);
            assertThat(outcome.path("contact").asInt()).isEqualTo(2);
            assertThat(outcome.path("travel_document").asInt()).isEqualTo(1);
            assertThat(outcome.path("municipal_case").asInt()).isEqualTo(1);
            assertThat(outcome.path("case_status_change").asInt()).isEqualTo(2);
            assertThat(outcome.path("consent_event").asInt()).isEqualTo(1);
            assertThat(outcome.path("objection_event").asInt()).isEqualTo(1);
            assertThat(outcome.path("segment_membership_event").asLong()).isEqualTo(events);
            assertThat(outcome.path("audit_subject").asInt()).isEqualTo(1);
            assertThat(outcome.path("truth.planted_preference").asInt()).isEqualTo(1);

            assertThat(scan.find(needles)).as("nothing of the citizen is left in any column of any table").isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from citizen where postcode = ? and house_number = ?",
                    Long.class, postcode, houseNumber)).isZero();
            // the audit log keeps its entries and still verifies; they point at nobody
            assertThat(jdbc.queryForList("select id from audit_log where id = any(?::bigint[])", Long.class,
                    (Object) auditIds.toArray(Long[]::new))).hasSameSizeAs(auditIds);
            assertThat(audit.verify().ok()).isTrue();
            assertThat(Http.json(http.get("/api/v1/audit?citizenId=" + id)).path("entries")).isEmpty();
            assertThat(Http.json(http.get("/api/v1/audit?size=5")).path("entries").findValuesAsText("action")).contains("erase");
            // the in-memory indexes follow through the change log
            await("the segment lost its member", () -> segments.get(key).count().count() == members - 1);
            await("analytics counts 11 persons", () -> topicCounts(topic).path("citizens").asLong() == 11
                    && topicCounts(topic).path("contacts").asLong() == 11);
            // the earlier access request is kept, without the citizen; its export is gone
            JsonNode kept = Http.json(http.get("/api/v1/privacy/requests/" + access.path("id").asText()));
            assertThat(kept.path("citizenId").isMissingNode() || kept.path("citizenId").isNull()).isTrue();
            assertThat(http.get("/api/v1/privacy/requests/" + access.path("id").asText() + "/export").getStatusCode().value())
                    .isEqualTo(410);
        } finally {
            http.send(HttpMethod.DELETE, "/api/v1/segments/" + key, null, null);
        }
    }

    @Test
    void erasure_ofACitizenWithAnOpenSocialSupportCase_isRefusedWithTheReason() {
        UUID caseId = UUID.randomUUID();
        jdbc.update("insert into municipal_case (id, citizen_id, type, status, submitted_at) "
                + "values (?, ?, 'social_support', 'in_progress', now() - interval '30 days')", caseId, id);
        JsonNode refused = file("erasure", "\"citizenId\":\"" + id + "\"");
        assertThat(refused.path("status").asText()).isEqualTo("refused");
        assertThat(refused.path("refusal").asText()).contains(caseId.toString()).contains("social_support")
                .contains("legal obligation");
        assertThat(http.get("/api/v1/citizens/" + id).getStatusCode().value()).isEqualTo(200);
        JsonNode stored = Http.json(http.get("/api/v1/privacy/requests/" + refused.path("id").asText()));
        assertThat(stored.path("refusal").asText()).isEqualTo(refused.path("refusal").asText());
        assertThat(Http.json(http.get("/api/v1/privacy/requests")).findValuesAsText("id")).contains(refused.path("id").asText());
    }

    @Test
    void erasure_ofACaseClosedLongerAgoThanItsRetention_goesAhead() {
        jdbc.update("insert into municipal_case (id, citizen_id, type, status, submitted_at, closed_at) values "
                + "(?, ?, 'social_assistance', 'closed', now() - interval '9 years', now() - interval '8 years')",
                UUID.randomUUID(), id);
        assertThat(file("erasure", "\"citizenId\":\"" + id + "\"").path("status").asText()).isEqualTo("completed");
        assertThat(http.get("/api/v1/citizens/" + id).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void accessExport_holdsProfileRegisterEntriesContactsAndTheAuditEntries_asJsonAndPdf() throws Exception {
        contact("access-" + UUID.randomUUID(), id, "afval", "Container niet geleegd");
        assertThat(getAs("/api/v1/citizens/" + id, "m.de.boer", Role.KCC).getStatusCode().value()).isEqualTo(200);
        JsonNode request = file("access", "\"bsn\":\"" + bsn + "\"");
        assertThat(request.path("status").asText()).isEqualTo("completed");
        ResponseEntity<String> response = getAs("/api/v1/privacy/requests/" + request.path("id").asText() + "/export", "p.officier", Role.PRIVACY);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        JsonNode export = Http.json(response);
        assertThat(export.path("profile").path("bsn").asText()).isEqualTo(bsn);
        assertThat(export.path("attributes").findValuesAsText("name")).contains("income_band", "parking_permit_holder");
        assertThat(export.path("attributes").get(0).path("description").asText()).isNotBlank();
        assertThat(export.path("tables").path("contact").findValuesAsText("text")).contains("Container niet geleegd");
        assertThat(export.path("tables").has("consent_event")).isTrue();
        assertThat(export.path("tables").has("audit_subject")).isFalse();
        assertThat(export.path("auditEntries").findValuesAsText("actor")).contains("m.de.boer");
        // the export itself is an audited export
        JsonNode log = Http.json(http.get("/api/v1/audit?citizenId=" + id + "&actor=p.officier"));
        assertThat(log.path("entries").get(0).path("action").asText()).isEqualTo("export");
        assertThat(log.path("entries").get(0).path("purpose").asText()).isEqualTo("data_subject_rights");

        ResponseEntity<byte[]> pdf = rest.getForEntity("/api/v1/privacy/requests/" + request.path("id").asText()
                + "/export.pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (var document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Inzage in uw persoonsgegevens").contains("Wie heeft uw gegevens ingezien")
                    .contains("m.de.boer").contains(bsn).contains("Container niet geleegd").contains("Household income band");
        }
        try (var document = Loader.loadPDF(rest.getForEntity("/api/v1/privacy/requests/" + request.path("id").asText()
                + "/export.pdf?lang=en", byte[].class).getBody())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Who viewed your data");
        }
    }

    @Test
    void fileRequest_badFields_400NamingEach_unknownCitizen404() {
        ResponseEntity<String> bad = http.post("/api/v1/privacy/requests", "{\"type\":\"delete\",\"bsn\":\"123456789\",\"x\":1}");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(Http.pointers(bad)).containsExactlyInAnyOrder("#/type", "#/bsn", "#/x");
        assertThat(Http.pointers(http.post("/api/v1/privacy/requests", "{\"type\":\"access\"}"))).containsExactly("#/citizenId");
        assertThat(http.post("/api/v1/privacy/requests", "{\"type\":\"access\",\"citizenId\":\"" + UUID.randomUUID() + "\"}")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.get("/api/v1/privacy/requests/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void requestsPage_filesAnAccessRequestByBsn_andOffersTheExports_inDutchAndEnglish() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("type", "access");
        form.add("citizen", bsn);
        form.add("reason", "brief van 1 december");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> page = rest.postForEntity("/privacy/requests", new HttpEntity<>(form, headers), String.class);
        assertThat(page.getStatusCode().value()).as("redirected to the page with the filed request").isEqualTo(200);
        assertThat(page.getBody()).contains("Verzoeken van inwoners").contains("Inzageverzoek vastgelegd")
                .contains("/export.pdf").contains("brief van 1 december").contains("Bewaartermijnen")
                .contains("contact_free_text").doesNotContain(bsn);
        assertThat(http.get("/privacy/requests?lang=en").getBody()).contains("Requests from citizens").contains("Retention periods");
        form.set("citizen", "niemand");
        ResponseEntity<String> wrong = rest.postForEntity("/privacy/requests", new HttpEntity<>(form, headers), String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(200);
        assertThat(wrong.getBody()).contains("notice problems");
    }

    static List<String> list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
