package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.core.template.ReadabilityCheck;
import nl.maatwerk.core.template.ReadabilityReport;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.security.ApiKeys;
import nl.maatwerk.server.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The journeys API: validation at pointers, YAML, the kill switch, preview with audit, stats with k, examples. */
@ApiTest
class JourneyApiTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Journeys journeys;
    @Autowired
    JourneyExamples examples;
    @Autowired
    ApiKeys keys;

    Http http;
    JourneyFixture f;

    @BeforeEach
    void setUp() {
        http = new Http(rest);
        f = new JourneyFixture(http, jdbc);
    }

    @Test
    void create_unknownPlaceholderAndSyntaxError_400AtTheirPointers() {
        ResponseEntity<String> r = http.post("/api/v1/journeys", """
                {"key":"%s","name":"x","purpose":"proactive_service","trigger":{"type":"document_expiry"},
                 "steps":[{"type":"send","templates":{
                    "email":{"subject":"Hallo","body":"Beste ((first_name)),\\nuw ((document_type)) verloopt"},
                    "sms":{"text":"Uw ((document_type verloopt"}}},
                  {"type":"branch","if":"responded","then":"nergens"},
                  {"type":"jump"}]}
                """.formatted(f.key("fout")));
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(Http.pointers(r)).containsExactlyInAnyOrder("#/trigger/offsetDays", "#/steps/0/templates/email/body",
                "#/steps/0/templates/sms/text", "#/steps/1/then", "#/steps/2/type");
        JsonNode placeholder = findError(r, "#/steps/0/templates/email/body");
        assertThat(placeholder.path("token").asText()).isEqualTo("first_name");
        assertThat(placeholder.path("line").asInt()).isEqualTo(1);
        assertThat(placeholder.path("column").asInt()).isEqualTo(7);
        assertThat(placeholder.path("expected").toString()).contains("document_expiry_date", "days_left", "document_type");
        assertThat(findError(r, "#/steps/0/templates/sms/text").path("column").asInt()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from journey where name = 'x'", Long.class)).isZero();
    }

    @Test
    void createFromYaml_getUpdateKillSwitchDelete() {
        String key = f.key("yaml");
        ResponseEntity<String> created = http.send(org.springframework.http.HttpMethod.POST, "/api/v1/journeys", """
                key: %s
                name: Achttien jaar
                purpose: proactive_service
                trigger: {type: birthday, age: 18}
                steps:
                  - type: send
                    templates:
                      sms: {text: "Gefeliciteerd! U bent ((age)) jaar. U mag nu stemmen."}
                """.formatted(key), "application/yaml");
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/v1/journeys/" + key);
        assertThat(http.post("/api/v1/journeys", Http.json(created).path("definition").toString()).getStatusCode().value())
                .isEqualTo(409);
        ResponseEntity<String> off = http.put("/api/v1/journeys/" + key + "/enabled", "{\"enabled\":false}");
        assertThat(Http.json(off).path("enabled").asBoolean()).isFalse();
        JsonNode definition = Http.json(http.get("/api/v1/journeys/" + key)).path("definition");
        ((com.fasterxml.jackson.databind.node.ObjectNode) definition).put("name", "18 jaar");
        ResponseEntity<String> updated = http.put("/api/v1/journeys/" + key, definition.toString());
        assertThat(Http.json(updated).path("name").asText()).isEqualTo("18 jaar");
        assertThat(Http.json(updated).path("version").asInt()).isEqualTo(2);
        assertThat(Http.json(updated).path("enabled").asBoolean()).as("a change keeps the kill switch").isFalse();
        rest.delete("/api/v1/journeys/" + key);
        assertThat(http.get("/api/v1/journeys/" + key).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void killSwitch_stopsFurtherSteps() {
        String journey = f.passportJourney("""
                {"id":"wacht","type":"wait","days":14},
                {"type":"escalate","action":"call","reason":"no_reaction_after_14_days"}
                """);
        UUID citizen = f.citizen("p@example.org", null, "email");
        f.passport(citizen, 56);
        journeys.runDue(f.at(10, 0));
        journeys.setEnabled(journey, false);
        journeys.runDue(f.at(10, 0).plusSeconds(86400L * 20));
        assertThat(jdbc.queryForObject("select count(*) from contact_task where journey_key = ?", Long.class, journey)).isZero();
        journeys.setEnabled(journey, true);
        journeys.runDue(f.at(10, 0).plusSeconds(86400L * 20));
        assertThat(jdbc.queryForObject("select count(*) from contact_task where journey_key = ?", Long.class, journey)).isOne();
    }

    @Test
    void previewWithARealCitizen_isAuditLogged_andSyntheticIsNot() {
        String journey = f.passportJourney(null);
        UUID citizen = f.citizen("q@example.org", null, "email");
        String number = f.passport(citizen, 40);
        long before = jdbc.queryForObject("select count(*) from audit_log where (select pseudonym from audit_subject where citizen_id = ?) = any(citizen_ids)", Long.class, citizen);

        JsonNode real = Http.json(http.post("/api/v1/journeys/" + journey + "/preview?citizenId=" + citizen, ""));
        assertThat(real.path("values").path("document_number").asText()).isEqualTo(number);
        assertThat(real.path("messages").toString()).contains("Uw paspoort verloopt op");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where (select pseudonym from audit_subject where citizen_id = ?) = any(citizen_ids)", Long.class, citizen))
                .isEqualTo(before + 1);

        JsonNode synthetic = Http.json(http.post("/api/v1/journeys/" + journey + "/preview", ""));
        assertThat(synthetic.path("synthetic").asBoolean()).isTrue();
        assertThat(synthetic.path("sms").get(0).path("segments").asInt()).isBetween(1, 2);
    }

    @Test
    void campaignStaff_getCountsOnly_noCitizenIdsAndNoRealCitizenPreview() {
        String journey = f.passportJourney(null);
        UUID citizen = f.citizen("c@example.org", null, "email");
        f.passport(citizen, 56);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(keys.issue("campagne-test", Set.of(Role.CAMPAGNE), null).secret());

        JsonNode dry = Http.json(rest.exchange("/api/v1/journeys/" + journey + "/dry-run?sample=10", HttpMethod.POST,
                new HttpEntity<>(headers), String.class));
        assertThat(dry.path("occurrences").asInt()).isPositive();
        assertThat(dry.path("sample")).isEmpty();
        assertThat(Http.json(http.post("/api/v1/journeys/" + journey + "/dry-run?sample=10", "")).path("sample"))
                .as("the administrator's key sees example decisions").isNotEmpty();

        ResponseEntity<String> real = rest.exchange("/api/v1/journeys/" + journey + "/preview?citizenId=" + citizen,
                HttpMethod.POST, new HttpEntity<>(headers), String.class);
        assertThat(real.getStatusCode().value()).isEqualTo(403);
        assertThat(real.getBody()).contains("citizenId");
        assertThat(rest.exchange("/api/v1/journeys/" + journey + "/preview", HttpMethod.POST, new HttpEntity<>(headers),
                String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void stats_countSendsByChannel_andWithholdCellsUnderK() {
        String journey = f.passportJourney(null);
        for (int i = 0; i < 11; i++) {
            UUID c = f.citizen("s" + i + "@example.org", "+3169000010" + (i % 10), i == 0 ? "sms" : "email");
            f.passport(c, 56);
        }
        journeys.runDue(f.at(10, 0));
        JsonNode stats = Http.json(http.get("/api/v1/journeys/" + journey + "/stats"));
        assertThat(stats.path("total").path("sent").asLong()).isEqualTo(11);
        assertThat(stats.path("byChannel").toString()).contains("\"group\":\"email\",\"sent\":10");
        JsonNode sms = null;
        for (JsonNode row : stats.path("byChannel")) {
            if (row.path("group").asText().equals("sms")) {
                sms = row;
            }
        }
        assertThat(sms).isNotNull();
        assertThat(sms.has("sent")).as("1 sms is under k: withheld").isFalse();
    }

    @Test
    void examples_checkAndReadAtB1_withoutMissingValues() {
        examples.load();
        for (String key : JourneyExamples.FILES) {
            Journeys.Journey j = journeys.get(key);
            journeys.check(j.definition());
            JsonNode p = Http.json(http.post("/api/v1/journeys/" + key + "/preview", ""));
            for (JsonNode m : p.path("messages")) {
                assertThat(m.has("error")).as(key + " " + m).isFalse();
            }
            JourneyDefinition d = journeys.definition(key);
            d.steps().stream().filter(s -> s instanceof JourneyDefinition.Send).map(s -> (JourneyDefinition.Send) s)
                    .forEach(s -> s.templates().texts().forEach((channel, fields) -> {
                        ReadabilityReport report = ReadabilityCheck.b1().check(fields.getOrDefault("body", fields.getOrDefault("text", "")));
                        assertThat(report.verdict()).as(key + " " + channel).isEqualTo(ReadabilityReport.Verdict.B1_OR_SIMPLER);
                    }));
        }
        jdbc.update("update journey set enabled = false where key = any(?)", (Object) JourneyExamples.FILES.toArray(new String[0]));
    }

    private static JsonNode findError(ResponseEntity<String> r, String pointer) {
        for (JsonNode e : Http.json(r).path("errors")) {
            if (e.path("pointer").asText().equals(pointer)) {
                return e;
            }
        }
        throw new AssertionError("no error at " + pointer + ": " + r.getBody());
    }
}
