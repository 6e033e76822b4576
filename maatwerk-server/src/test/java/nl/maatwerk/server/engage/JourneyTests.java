package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Journeys end to end through the API and the run with a test clock, checked on what they store. */
@ApiTest
class JourneyTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Journeys journeys;
    @Autowired
    ApplicationEventPublisher events;

    Http http;
    JourneyFixture f;

    @BeforeEach
    void setUp() {
        http = new Http(rest);
        f = new JourneyFixture(http, jdbc);
    }

    @Test
    void passportExpiry_sendsOnStatedPreference_withTrackedLink() {
        String journey = f.passportJourney(null);
        UUID citizen = f.citizen("a@example.org", "+31690000001", "sms");
        f.passport(citizen, 56);

        journeys.runDue(f.at(10, 0));

        List<Map<String, Object>> decisions = f.decisions(journey, citizen);
        assertThat(decisions).extracting(d -> d.get("kind")).containsExactly("send");
        assertThat(decisions.get(0).get("channel")).isEqualTo("sms");
        assertThat(decisions.get(0).get("message_key").toString()).startsWith("journey:" + journey + ":");
        assertThat(jdbc.queryForObject("select body::text from outbox_message where citizen_id = ?", String.class, citizen))
                .as("the link is the occurrence's tracked link")
                .containsPattern("/r/" + jdbc.queryForObject("select id from journey_occurrence where citizen_id = ?",
                        Long.class, citizen) + "-0-[0-9a-f]{32}");
    }

    @Test
    void occurrence_isActedOnOnce_acrossRetriesAndASimulatedCrash() {
        String journey = f.passportJourney(null);
        UUID citizen = f.citizen("b@example.org", null, "email");
        f.passport(citizen, 56);
        Instant now = f.at(10, 0);

        // a run that fails after deciding, at the last write of its chunk (the outbox): nothing of the chunk stays
        jdbc.execute("""
                create function fail_outbox() returns trigger language plpgsql as $$
                begin raise exception 'crash'; end $$;
                create trigger fail_outbox before insert on outbox_message for each row
                    when (new.journey_key = '%s') execute function fail_outbox();
                """.formatted(journey));
        try {
            journeys.runDue(now);
        } finally {
            jdbc.execute("drop trigger fail_outbox on outbox_message; drop function fail_outbox()");
        }
        assertThat(f.sends(citizen)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from journey_occurrence where journey_key = ?", Long.class, journey))
                .isZero();

        journeys.runDue(now);
        journeys.runDue(now.plusSeconds(60));
        journeys.runDue(f.at(23, 0));   // the same occurrence is still in the trigger window

        assertThat(jdbc.queryForObject("select count(*) from journey_occurrence where journey_key = ? and citizen_id = ?",
                Long.class, journey, citizen)).isEqualTo(1);
        assertThat(f.sends(citizen)).hasSize(1);
    }

    @Test
    void quietHours_moveSmsToEightInTheMorning_butNotEmail() {
        String journey = f.passportJourney(null);
        UUID bySms = f.citizen("c@example.org", "+31690000002", "sms");
        UUID byMail = f.citizen("d@example.org", "+31690000003", "email");
        f.passport(bySms, 56);
        f.passport(byMail, 56);
        Instant late = f.at(22, 30);

        journeys.runDue(late);

        Map<String, Object> sms = f.sends(bySms).get(0);
        assertThat(sms.get("channel")).isEqualTo("sms");
        assertThat(((Timestamp) sms.get("not_before")).toInstant()).isEqualTo(f.at(8, 0).plus(Duration.ofDays(1)));
        Map<String, Object> mail = f.sends(byMail).get(0);
        assertThat(mail.get("channel")).isEqualTo("email");
        assertThat(((Timestamp) mail.get("not_before")).toInstant()).isEqualTo(late);
        assertThat(journey).isNotNull();
    }

    @Test
    void frequencyCap_holdsAcrossJourneys_andTheThirdMessageWaitsAWeek() {
        String passport = f.passportJourney(null);
        String objection = f.key("bezwaar");
        f.create("""
                {"key":"%s","name":"Bezwaartermijn (test)","purpose":"proactive_service",
                 "trigger":{"type":"objection_deadline","offsetDays":-5},
                 "steps":[{"type":"send","templates":{"email":{"subject":"Bezwaar tot ((objection_deadline))",
                    "body":"U kunt nog ((days_left)) dagen bezwaar maken tegen besluit ((case_number))."}}}]}
                """.formatted(objection));
        String birthday = f.key("verjaardag");
        f.create("""
                {"key":"%s","name":"18 jaar (test)","purpose":"proactive_service",
                 "trigger":{"type":"birthday","age":18},
                 "steps":[{"type":"send","templates":{"email":{"subject":"Gefeliciteerd","body":"U bent ((age)) jaar."}}}]}
                """.formatted(birthday));
        UUID citizen = f.citizen("e@example.org", "+31690000004", "email");
        f.passport(citizen, 56);
        f.objectionCase(citizen, 5);
        jdbc.update("update citizen set birth_date = ? where id = ?", f.today.minusYears(18), citizen);
        Instant now = f.at(9, 0);

        journeys.runDue(now);

        List<Map<String, Object>> sends = f.sends(citizen);
        assertThat(sends).as("max 2 per week across journeys").hasSize(2);
        List<Map<String, Object>> deferred = jdbc.queryForList(
                "select * from journey_decision where citizen_id = ? and kind = 'deferred'", citizen);
        assertThat(deferred).hasSize(1);
        assertThat(deferred.get(0).get("reason")).isEqualTo("frequency_cap");
        Instant until = ((Timestamp) deferred.get(0).get("not_before")).toInstant();
        assertThat(until).isEqualTo(now.plus(Duration.ofDays(7)));

        journeys.runDue(now.plus(Duration.ofDays(3)));
        assertThat(f.sends(citizen)).as("still capped after 3 days").hasSize(2);
        journeys.runDue(until);
        assertThat(f.sends(citizen)).as("sent once the week is over").hasSize(3);
        assertThat(passport + birthday).isNotBlank();
    }

    @Test
    void withdrawnConsent_stopsTheSendDecision() {
        String journey = f.passportJourney(null);
        UUID citizen = f.citizen("f@example.org", "+31690000005", "email");
        f.passport(citizen, 56);
        ResponseEntity<String> objected = http.put("/api/v1/citizens/" + citizen + "/consents/proactive_service",
                "{\"state\":\"objected\",\"source\":\"balie\"}");
        assertThat(objected.getStatusCode().value()).as(objected.getBody()).isBetween(200, 201);

        journeys.runDue(f.at(10, 0));

        assertThat(f.sends(citizen)).isEmpty();
        List<Map<String, Object>> decisions = f.decisions(journey, citizen);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).get("kind")).isEqualTo("skip");
        assertThat(decisions.get(0).get("reason")).isEqualTo("no_consent");
        assertThat(decisions.get(0).get("detail").toString()).contains("email: no_consent", "sms: no_consent");
    }

    @Test
    void missingPlaceholderValue_blocksTheSendWithAClearError() {
        String key = f.key("stap");
        f.create("""
                {"key":"%s","name":"Volgende stap (test)","purpose":"proactive_service",
                 "trigger":{"type":"case_status_changed","status":"in_progress"},
                 "steps":[{"type":"send","templates":{"email":{"subject":"Uw aanvraag ((case_number))",
                    "body":"Wij hebben op ((decision_date)) besloten."}}}]}
                """.formatted(key));
        UUID citizen = f.citizen("g@example.org", null, "email");
        f.caseChanged(citizen, "in_progress", f.at(9, 0));

        journeys.runDue(f.at(10, 0));

        List<Map<String, Object>> decisions = f.decisions(key, citizen);
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).get("kind")).isEqualTo("blocked");
        assertThat(decisions.get(0).get("reason")).isEqualTo("missing_values");
        assertThat(decisions.get(0).get("detail").toString()).contains("no value for decision_date");
        assertThat(f.sends(citizen)).isEmpty();
    }

    @Test
    void citizenWithoutDigitalAddress_getsAContactCentreTask_andMovedOutCitizenNothing() {
        String journey = f.passportJourney(null);
        UUID noAddress = f.citizen(null, null, null);
        UUID movedOut = f.citizen("h@example.org", null, "email");
        f.passport(noAddress, 56);
        f.passport(movedOut, 56);
        jdbc.update("update citizen set status = 'moved_out' where id = ?", movedOut);

        journeys.runDue(f.at(10, 0));

        List<Map<String, Object>> tasks = jdbc.queryForList("select * from contact_task where citizen_id = ?", noAddress);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("reason")).isEqualTo("needs_help:no_digital_address");
        assertThat(tasks.get(0).get("action")).isEqualTo("letter");
        assertThat(f.decisions(journey, movedOut)).extracting(d -> d.get("reason")).containsExactly("moved_out");
        assertThat(f.sends(movedOut)).isEmpty();
    }

    @Test
    void permanentFailure_fallsBackToTheNextAllowedChannel_andAtTheEndToATask() {
        String journey = f.passportJourney(null);
        UUID citizen = f.citizen("i@example.org", "+31690000006", "email");
        f.passport(citizen, 56);
        journeys.runDue(f.at(10, 0));
        Map<String, Object> email = f.sends(citizen).get(0);
        assertThat(email.get("channel")).isEqualTo("email");

        fail(journey, citizen, email, Channel.EMAIL);
        Map<String, Object> sms = f.sends(citizen).get(1);
        assertThat(sms.get("channel")).isEqualTo("sms");
        assertThat(sms.get("reason")).isEqualTo("fallback");
        fail(journey, citizen, sms, Channel.SMS);
        fail(journey, citizen, sms, Channel.SMS);   // reported twice: handled once
        Map<String, Object> letter = f.sends(citizen).get(2);
        assertThat(letter.get("channel")).isEqualTo("letter");
        fail(journey, citizen, letter, Channel.LETTER);

        assertThat(f.sends(citizen)).hasSize(3);
        List<Map<String, Object>> tasks = jdbc.queryForList("select * from contact_task where citizen_id = ?", citizen);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("reason")).isEqualTo("all_channels_failed");
        assertThat(tasks.get(0).get("context").toString()).contains("\"failed\"", "email", "sms", "letter");
    }

    private void fail(String journey, UUID citizen, Map<String, Object> sent, Channel channel) {
        events.publishEvent(new MessageStatusChanged(1L, sent.get("message_key").toString(), citizen, journey, channel,
                MessageStatus.PERMANENT_FAILURE, "mailbox does not exist", Instant.now()));
    }

    @Test
    void responseBranch_skipsTheTask_andNoResponseEscalatesAfter14Days() throws Exception {
        String journey = f.passportJourney("""
                {"id":"wacht","type":"wait","days":14},
                {"type":"branch","if":"responded","then":"end"},
                {"id":"bellen","type":"escalate","action":"call","reason":"no_reaction_after_14_days"}
                """);
        UUID clicks = f.citizen("j@example.org", null, "email");
        UUID outcome = f.citizen("k@example.org", null, "email");
        UUID silent = f.citizen("l@example.org", null, "email");
        for (UUID c : List.of(clicks, outcome, silent)) {
            f.passport(c, 56);
        }
        journeys.runDue(f.at(10, 0));

        String token = f.trackedLink(clicks);
        assertThat(http.follow("/r/" + token.replaceFirst(".$", token.endsWith("0") ? "1" : "0")).statusCode())
                .as("another secret").isEqualTo(404);
        assertThat(http.follow("/r/" + token.replaceFirst("-0-", "-1-")).statusCode()).as("a step that is no send").isEqualTo(404);
        assertThat(http.follow("/r/unknown-token-123").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from journey_response r join journey_occurrence o"
                + " on o.id = r.occurrence_id where o.citizen_id = ?", Long.class, clicks)).as("no click recorded yet").isZero();
        HttpResponse<Void> redirect = http.follow("/r/" + token);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://www.amsterdam.nl/paspoort");
        String body = """
                {"source":"mijn-amsterdam","sourceId":"%s","citizenId":"%s","outcome":"online_application_completed"}
                """.formatted(UUID.randomUUID(), outcome);
        assertThat(http.post("/api/v1/outcomes", body).getStatusCode().value()).isEqualTo(201);
        assertThat(http.post("/api/v1/outcomes", body).getStatusCode().value()).as("retry").isEqualTo(200);

        journeys.runDue(f.at(10, 0).plus(Duration.ofDays(13)));
        assertThat(jdbc.queryForObject("select count(*) from contact_task where journey_key = ?", Long.class, journey)).isZero();
        journeys.runDue(f.at(10, 0).plus(Duration.ofDays(14)));

        List<Map<String, Object>> tasks = jdbc.queryForList("select * from contact_task where journey_key = ?", journey);
        assertThat(tasks).extracting(t -> t.get("citizen_id")).containsExactly(silent);
        assertThat(tasks.get(0).get("reason")).isEqualTo("no_reaction_after_14_days");
        assertThat(f.decisions(journey, clicks)).extracting(d -> d.get("kind")).containsExactly("send", "wait", "branch");
    }

    @Test
    void dryRun_agreesWithTheRealRun_andWritesNothing() {
        String journey = f.passportJourney(null);
        UUID sms = f.citizen("m@example.org", "+31690000007", "sms");
        UUID mail = f.citizen("n@example.org", null, "email");
        UUID none = f.citizen(null, null, null);
        UUID gone = f.citizen("o@example.org", null, null);
        for (UUID c : List.of(sms, mail, none, gone)) {
            f.passport(c, 56);
        }
        jdbc.update("update citizen set status = 'deceased' where id = ?", gone);
        Instant now = f.at(23, 15);

        ResponseEntity<String> dry = http.post("/api/v1/journeys/" + journey + "/dry-run?at=" + now + "&sample=2", "");
        assertThat(dry.getStatusCode().value()).as(dry.getBody()).isEqualTo(200);
        JsonNode result = Http.json(dry);
        assertThat(jdbc.queryForObject("select count(*) from journey_occurrence where journey_key = ?", Long.class, journey)).isZero();
        assertThat(result.path("sample")).hasSize(2);

        journeys.runDue(now);

        Map<String, Long> real = new HashMap<>();
        jdbc.query("select kind, channel, reason from journey_decision where journey_key = ?", rs -> {
            real.merge(rs.getString(1) + (rs.getString(2) == null ? "" : ":" + rs.getString(2)) + ":" + rs.getString(3), 1L, Long::sum);
        }, journey);
        Map<String, Long> predicted = new HashMap<>();
        result.path("counts").fields().forEachRemaining(e -> predicted.put(e.getKey(), e.getValue().asLong()));
        assertThat(predicted).isEqualTo(real);
        assertThat(real).containsEntry("send:sms:preferred_or_first_allowed", 1L)
                .containsEntry("send:email:preferred_or_first_allowed", 1L)
                .containsEntry("escalated:needs_help:no_digital_address", 1L)
                .containsEntry("skip:deceased", 1L);
    }
}
