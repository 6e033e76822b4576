package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journeys through the real outbox to real local peers: a scripted SMTP server (550 for an unknown mailbox) and an
 * HTTP SMS provider (400 for a bad number). The decision and the queued message are one transaction; the
 * dispatcher's permanent failure brings the journey to the next allowed channel and, at the end, to a task.
 */
@ApiTest
class JourneyDeliveryTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Journeys journeys;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    JourneyFallback fallback;

    JourneyFixture f;

    @BeforeEach
    void setUp() {
        f = new JourneyFixture(new Http(rest), jdbc);
    }

    void dispatch(Channel channel, Instant at) {
        for (int i = 0; i < 100 && dispatcher.dispatchDue(channel, at) > 0; i++) {
            // next batch
        }
    }

    @Test
    void permanentEmailFailure_fallsBackToSms_andWhenThatFailsToAContactCentreTask() throws Exception {
        String journey = f.key("val");
        f.create("""
                {"key":"%s","name":"Paspoort, e-mail en sms (test)","purpose":"proactive_service",
                 "trigger":{"type":"document_expiry","offsetDays":-56},
                 "steps":[{"id":"herinnering","type":"send","channels":["email","sms"],"templates":{
                    "email":{"subject":"Uw ((document_type)) verloopt","body":"Uw ((document_type)) is geldig tot ((document_expiry_date))."},
                    "sms":{"text":"Uw ((document_type)) is geldig tot ((document_expiry_date))."}}}]}
                """.formatted(journey));
        String mailbox = "weg-" + UUID.randomUUID() + "@example.org";
        UUID citizen = f.citizen(mailbox, "+31690000042", "email");
        f.passport(citizen, 56);
        Instant now = f.at(10, 0);
        journeys.runDue(now);

        Map<String, Object> email = f.sends(citizen).get(0);
        String emailKey = email.get("message_key").toString();
        assertThat(jdbc.queryForObject("select channel || ' ' || recipient from outbox_message where idempotency_key = ?",
                String.class, emailKey)).as("queued in the same transaction as the decision").isEqualTo("email " + mailbox);
        String smsKey = emailKey.replace(":email", ":sms");

        try (ScriptedSmtp smtp = new ScriptedSmtp(DeliveryTests.SMTP_PORT);
             ProviderPeer provider = new ProviderPeer(DeliveryTests.PROVIDER_PORT)) {
            smtp.script(mailbox, "550 5.1.1 no such user");
            provider.script(smsKey, new ProviderPeer.Reply(400, null, "{\"error\":\"number does not exist\"}"));

            dispatch(Channel.EMAIL, now.plusSeconds(1));
            assertThat(status(emailKey)).isEqualTo("PERMANENT_FAILURE");
            List<Map<String, Object>> sends = f.sends(citizen);
            assertThat(sends).hasSize(2);
            assertThat(sends.get(1).get("channel")).isEqualTo("sms");
            assertThat(sends.get(1).get("reason")).isEqualTo("fallback");
            assertThat(sends.get(1).get("message_key")).isEqualTo(smsKey);
            assertThat(jdbc.queryForObject("select body::jsonb ->> 'text' from outbox_message where idempotency_key = ?",
                    String.class, smsKey)).as("re-rendered with the SMS template").startsWith("Uw paspoort is geldig tot ");

            dispatch(Channel.SMS, now.plusSeconds(2));
            assertThat(provider.of(smsKey)).hasSize(1);
            assertThat(status(smsKey)).isEqualTo("PERMANENT_FAILURE");
        }
        List<Map<String, Object>> tasks = jdbc.queryForList("select * from contact_task where citizen_id = ?", citizen);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("reason")).isEqualTo("all_channels_failed");
        assertThat(f.decisions(journey, citizen)).extracting(d -> d.get("kind"))
                .containsExactly("send", "failed", "send", "failed", "escalated");
        assertThat(jdbc.queryForObject("select count(*) from journey_message_status where message_key in (?, ?)"
                + " and status = 'PERMANENT_FAILURE'", Long.class, emailKey, smsKey)).isEqualTo(2);
    }

    @Test
    void consentWithdrawnAfterQueuing_theOutboxCancels_andTheJourneyRecordsWhy() {
        String journey = f.passportJourney(null);
        UUID citizen = f.citizen("later-nee-" + UUID.randomUUID() + "@example.org", null, "email");
        f.passport(citizen, 56);
        journeys.runDue(f.at(10, 0));
        String key = f.sends(citizen).get(0).get("message_key").toString();
        assertThat(f.http.put("/api/v1/citizens/" + citizen + "/consents/proactive_service",
                "{\"state\":\"objected\",\"source\":\"mijn-amsterdam\"}").getStatusCode().is2xxSuccessful()).isTrue();

        dispatch(Channel.EMAIL, f.at(10, 1));

        assertThat(status(key)).isEqualTo("CANCELLED");
        assertThat(f.decisions(journey, citizen)).extracting(d -> d.get("kind")).containsExactly("send", "cancelled");
    }

    @Test
    void aFailureWhoseEventWasLost_isCaughtUpOnce() {
        String journey = f.key("verloren");
        f.create("""
                {"key":"%s","name":"Paspoort, verloren status (test)","purpose":"proactive_service",
                 "trigger":{"type":"document_expiry","offsetDays":-56},
                 "steps":[{"type":"send","channels":["email","sms"],"templates":{
                    "email":{"subject":"Uw ((document_type)) verloopt","body":"Geldig tot ((document_expiry_date))."},
                    "sms":{"text":"Uw ((document_type)) is geldig tot ((document_expiry_date))."}}}]}
                """.formatted(journey));
        UUID citizen = f.citizen("verloren-" + UUID.randomUUID() + "@example.org", "+31690000043", "email");
        f.passport(citizen, 56);
        Instant now = f.at(10, 0);
        journeys.runDue(now);
        // the dispatcher's status committed, then the server died before publishing it
        jdbc.update("update outbox_message set status = 'permanent_failure', last_error = 'SMTP 550 no such user',"
                + " next_attempt_at = null, updated_at = ? where journey_key = ? and citizen_id = ?",
                java.sql.Timestamp.from(now), journey, citizen);

        fallback.catchUp(now.plusSeconds(30));
        assertThat(f.sends(citizen)).as("a minute's grace: the event may still be on its way").hasSize(1);
        fallback.catchUp(now.plusSeconds(120));
        fallback.catchUp(now.plusSeconds(180));

        assertThat(f.decisions(journey, citizen)).extracting(d -> d.get("kind")).containsExactly("send", "failed", "send");
        assertThat(f.sends(citizen).get(1)).containsEntry("channel", "sms").containsEntry("reason", "fallback");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where journey_key = ? and citizen_id = ?"
                + " and channel = 'sms'", Long.class, journey, citizen)).as("once").isOne();
    }

    private String status(String key) {
        return jdbc.queryForObject("select status from outbox_message where idempotency_key = ?", String.class, key)
                .toUpperCase();
    }
}
