package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The bulk path (bench/engagement) takes the same decisions as the one-by-one run, and queues what it decides. */
@ApiTest
class JourneyBatchTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Journeys journeys;
    @Autowired
    JourneyBatch batch;

    JourneyFixture f;

    @BeforeEach
    void setUp() {
        f = new JourneyFixture(new Http(rest), jdbc);
    }

    @Test
    void batch_decidesLikeTheRun_forEveryKindOfCitizen() {
        // a capped citizen: two messages of another journey this week already
        String other = f.key("bezwaar");
        f.create("""
                {"key":"%s","name":"Bezwaar (test)","purpose":"proactive_service",
                 "trigger":{"type":"objection_deadline","offsetDays":-5},
                 "steps":[{"type":"send","templates":{"email":{"subject":"Bezwaar","body":"Tot ((objection_deadline))."}}}]}
                """.formatted(other));
        UUID capped = f.citizen("cap@example.org", null, "email");
        f.objectionCase(capped, 5);
        f.objectionCase(capped, 5);
        Instant now = f.at(22, 0);
        journeys.runDue(now.minusSeconds(3600));
        assertThat(f.sends(capped)).hasSize(2);
        journeys.setEnabled(other, false);

        String journey = f.passportJourney(null);
        journeys.setEnabled(journey, false);
        UUID byMail = f.citizen("mail@example.org", "+31690000100", "email");
        UUID bySms = f.citizen("sms@example.org", "+31690000101", "sms");
        UUID none = f.citizen(null, null, null);
        UUID dead = f.citizen("dood@example.org", null, "email");
        UUID objected = f.citizen("nee@example.org", "+31690000102", "email");
        UUID letter = f.citizen(null, null, "letter");
        for (UUID c : List.of(capped, byMail, bySms, none, dead, objected, letter)) {
            f.passport(c, 56);
        }
        jdbc.update("update citizen set status = 'deceased' where id = ?", dead);
        f.http.put("/api/v1/citizens/" + objected + "/consents/proactive_service", "{\"state\":\"objected\",\"source\":\"balie\"}");

        Map<String, Long> predicted = new HashMap<>(journeys.dryRun(journey, now, 0).counts());
        JourneyBatch.Result result = batch.run(journey, now, 3);

        Map<String, Long> done = new HashMap<>();
        jdbc.query("select kind, channel, reason from journey_decision where journey_key = ?", rs -> {
            done.merge(rs.getString(1) + (rs.getString(2) == null ? "" : ":" + rs.getString(2)) + ":" + rs.getString(3), 1L, Long::sum);
        }, journey);
        assertThat(done).isEqualTo(predicted);
        assertThat(done).containsEntry("send:email:preferred_or_first_allowed", 1L)
                .containsEntry("send:sms:preferred_or_first_allowed", 1L)
                .containsEntry("send:letter:preferred_or_first_allowed", 1L)
                .containsEntry("escalated:needs_help:no_digital_address", 1L)
                .containsEntry("skip:deceased", 1L)
                .containsEntry("skip:no_consent", 1L)
                .containsEntry("deferred:email:frequency_cap", 1L);
        assertThat(jdbc.queryForList("select distinct state || ':' || step from journey_occurrence where journey_key = ?"
                + " and citizen_id in (?, ?)", String.class, journey, byMail, bySms))
                .as("a journey that is one send is done with it").containsExactly("done:1");
        assertThat(result.sent()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where journey_key = ?", Long.class, journey))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select not_before from journey_decision where journey_key = ? and citizen_id = ?"
                + " and kind = 'send'", java.sql.Timestamp.class, journey, bySms).toInstant())
                .as("quiet hours").isEqualTo(f.at(8, 0).plusSeconds(86400));
        assertThat(jdbc.queryForObject("select count(*) from contact_task where journey_key = ?", Long.class, journey)).isOne();

        batch.run(journey, now, 3);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where journey_key = ?", Long.class, journey))
                .as("a second run acts on nothing twice").isEqualTo(3);
    }

    @Test
    void batch_capsACitizensOwnOccurrences_andItsLinksAndLaterStepsWork() throws Exception {
        String journey = f.passportJourney("""
                {"id":"wacht","type":"wait","days":14},
                {"type":"branch","if":"responded","then":"end"},
                {"id":"bellen","type":"escalate","action":"call","reason":"no_reaction_after_14_days"}
                """);
        journeys.setEnabled(journey, false);
        UUID threePassports = f.citizen("drie@example.org", null, "email");
        UUID clicks = f.citizen("klik@example.org", null, "email");
        UUID silent = f.citizen("stil@example.org", null, "email");
        for (int i = 0; i < 3; i++) {
            f.passport(threePassports, 56);
        }
        f.passport(clicks, 56);
        f.passport(silent, 56);
        Instant now = f.at(10, 0);
        Map<String, Long> predicted = new HashMap<>(journeys.dryRun(journey, now, 0).counts());

        JourneyBatch.Result result = batch.run(journey, now, 2);

        Map<String, Long> done = new HashMap<>();
        jdbc.query("select kind, channel, reason from journey_decision where journey_key = ?", rs -> {
            done.merge(rs.getString(1) + (rs.getString(2) == null ? "" : ":" + rs.getString(2)) + ":" + rs.getString(3), 1L, Long::sum);
        }, journey);
        assertThat(done).as("the send and the wait that starts right after it, as the one-by-one run takes them")
                .isEqualTo(predicted).containsEntry("wait:wait_14_days", 4L);

        assertThat(result.occurrences()).isEqualTo(5);
        assertThat(jdbc.queryForList("select kind from journey_decision where journey_key = ? and citizen_id = ? order by kind",
                String.class, journey, threePassports)).as("at most 2 messages a week, also within one chunk")
                .containsExactly("deferred", "send", "send", "wait", "wait");
        assertThat(jdbc.queryForList("select state || ':' || step || ':' || due_at from journey_occurrence where journey_key = ?"
                + " and citizen_id = ? order by step", String.class, journey, clicks)).as("waiting for 14 days")
                .containsExactly("active:2:" + jdbc.queryForObject("select ?::timestamptz", String.class,
                        java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(14)))));

        var redirect = f.http.follow("/r/" + f.trackedLink(clicks));
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://www.amsterdam.nl/paspoort");

        journeys.setEnabled(journey, true);
        journeys.runDue(now);   // the next minute: nothing of this journey is due, the waits began with the sends
        journeys.runDue(now.plus(java.time.Duration.ofDays(14)));
        assertThat(jdbc.queryForList("select citizen_id from contact_task where journey_key = ?", UUID.class, journey))
                .as("the scheduler takes the batch's occurrences on: who did not click gets a call, who did does not")
                .contains(silent).doesNotContain(clicks);
        assertThat(f.decisions(journey, clicks)).extracting(d -> d.get("kind")).containsExactly("send", "wait", "branch");

        jdbc.update("delete from citizen where id = ?", silent);
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where citizen_id = ?", Long.class, silent))
                .as("a citizen's messages go with the citizen (V17 trigger, no foreign key)").isZero();
        journeys.delete(journey);
        assertThat(jdbc.queryForObject("select count(*) from journey_occurrence where journey_key = ?", Long.class, journey))
                .as("a journey's occurrences go with it").isZero();
        assertThat(jdbc.queryForObject("select count(*) from journey_decision where journey_key = ?", Long.class, journey))
                .as("and their decisions with them").isZero();
    }

    @Test
    void dueReminders_areTakenInBulk_likeTheOneByOneRun() {
        String journey = f.passportJourney("""
                {"id":"wacht","type":"wait","days":7},
                {"id":"nogmaals","type":"send","channels":["sms","email"],"link":"https://www.amsterdam.nl/paspoort",
                 "templates":{"sms":{"text":"Vergeet niet: uw ((document_type)) verloopt op ((document_expiry_date)). ((link))"},
                              "email":{"subject":"Herinnering","body":"Uw ((document_type)) verloopt. ((link))"}}}
                """);
        journeys.setEnabled(journey, false);
        UUID bySms = f.citizen("a@example.org", "+31690000110", "sms");
        UUID mailOnly = f.citizen("b@example.org", null, "email");
        UUID dies = f.citizen("c@example.org", "+31690000111", "email");
        for (UUID c : List.of(bySms, mailOnly, dies)) {
            f.passport(c, 56);
        }
        Instant now = f.at(10, 0);
        batch.run(journey, now, 2);
        jdbc.update("update citizen set status = 'deceased' where id = ?", dies);
        journeys.setEnabled(journey, true);
        Instant week = now.plus(java.time.Duration.ofDays(7)).plusSeconds(60);
        Map<String, Long> predicted = new HashMap<>(journeys.dryRun(journey, week, 0).counts());

        assertThat(batch.runDueSends(journey, week.minusSeconds(120), 2)).as("not due before the week is over").isZero();
        assertThat(batch.runDueSends(journey, week, 2)).isEqualTo(3);

        Map<String, Long> done = new HashMap<>();
        jdbc.query("select kind, channel, reason from journey_decision where journey_key = ? and decided_at = ?", rs -> {
            done.merge(rs.getString(1) + (rs.getString(2) == null ? "" : ":" + rs.getString(2)) + ":" + rs.getString(3), 1L, Long::sum);
        }, journey, java.sql.Timestamp.from(week));
        assertThat(done).isEqualTo(predicted).containsEntry("send:sms:preferred_or_first_allowed", 1L)
                .containsEntry("send:email:preferred_or_first_allowed", 1L).containsEntry("skip:deceased", 1L);
        assertThat(jdbc.queryForList("select state || ':' || step from journey_occurrence where journey_key = ? and citizen_id = ?",
                String.class, journey, bySms)).containsExactly("done:3");
        assertThat(jdbc.queryForList("select state from journey_occurrence where journey_key = ? and citizen_id = ?",
                String.class, journey, dies)).containsExactly("stopped");
        String reminder = jdbc.queryForObject("select body from outbox_message where journey_key = ? and citizen_id = ?"
                + " and idempotency_key like '%:2:sms'", String.class, journey, bySms);
        assertThat(reminder).contains("Vergeet niet").containsPattern("/r/[0-9]+-2-[0-9a-f]{32}");
        assertThat(batch.runDueSends(journey, week.plusSeconds(60), 2)).as("each step taken once").isZero();
        long decided = jdbc.queryForObject("select count(*) from journey_decision where journey_key = ?", Long.class, journey);
        journeys.runDue(week.plusSeconds(120));
        assertThat(jdbc.queryForObject("select count(*) from journey_decision where journey_key = ?", Long.class, journey))
                .as("and nothing left for the one-by-one run").isEqualTo(decided);
    }
}
