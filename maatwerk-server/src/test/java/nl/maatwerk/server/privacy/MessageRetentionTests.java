package nl.maatwerk.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention of what journeys keep: sent messages after a year, occurrences (with their decisions, responses and
 * tasks) and tasks after two. The clock stands in mid-2007 and the test's rows lie in 2004–2007, so the rest of the
 * shared database is too young for the rules.
 */
@ApiTest
class MessageRetentionTests {

    private static final Instant NOW = Instant.parse("2007-06-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Retention retention;

    @Test
    void run_deletesOldMessagesOccurrencesAndTasks_withWhatHangsOnThem_andKeepsYoungerOnes() {
        UUID citizen = UUID.randomUUID();
        jdbc.update("insert into citizen (id, birth_date, household_type) values (?, date '1970-01-01', 'single')", citizen);
        String journey = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into journey (key, name, purpose, definition) values (?, 'Bewaartermijn', 'proactive_service', '{}')",
                journey);
        long oldMessage = message(citizen, journey, "2006-03-01");
        long newMessage = message(citizen, journey, "2007-03-01");
        jdbc.update("insert into outbox_status_history (message_id, status, at) values (?, 'sending', '2006-03-01'),"
                + " (?, 'sending', '2007-03-01')", oldMessage, newMessage);
        long oldOccurrence = occurrence(citizen, journey, "2004-03-01");
        long newOccurrence = occurrence(citizen, journey, "2006-03-01");
        for (long o : new long[] {oldOccurrence, newOccurrence}) {
            jdbc.update("insert into journey_decision (occurrence_id, journey_key, citizen_id, step, kind, reason, decided_at)"
                    + " values (?, ?, ?, 0, 'escalated', 'needs_help:no_digital_address', '2006-03-01')", o, journey, citizen);
            jdbc.update("insert into journey_response (occurrence_id, kind, name, at) values (?, 'click', 'link', '2006-03-02')", o);
        }
        jdbc.update("insert into contact_task (citizen_id, journey_key, occurrence_id, step, action, reason, created_at)"
                + " values (?, ?, ?, 0, 'call', 'no_digital_address', '2006-03-01')", citizen, journey, newOccurrence);
        jdbc.update("insert into contact_task (citizen_id, action, reason, note, created_at)"
                + " values (?, 'call', 'manual', 'belde over paspoort', '2005-01-01')", citizen);

        RetentionRun run = retention.run(NOW, false);

        assertThat(run.results()).extracting(RetentionRun.Result::category)
                .contains("sent_message", "journey_occurrence", "contact_task");
        assertThat(ids("outbox_message", citizen)).containsExactly(newMessage);
        assertThat(jdbc.queryForList("select message_id from outbox_status_history where message_id in (?, ?)", Long.class,
                oldMessage, newMessage)).containsExactly(newMessage);
        assertThat(ids("journey_occurrence", citizen)).containsExactly(newOccurrence);
        assertThat(jdbc.queryForList("select occurrence_id from journey_decision where citizen_id = ?", Long.class, citizen))
                .as("the old occurrence's decisions went with it").containsExactly(newOccurrence);
        assertThat(jdbc.queryForList("select occurrence_id from journey_response where occurrence_id in (?, ?)", Long.class,
                oldOccurrence, newOccurrence)).containsExactly(newOccurrence);
        assertThat(jdbc.queryForList("select reason from contact_task where citizen_id = ?", String.class, citizen))
                .as("the 2005 task is older than two years").containsExactly("no_digital_address");
    }

    private long message(UUID citizen, String journey, String at) {
        return jdbc.queryForObject("""
                insert into outbox_message (idempotency_key, citizen_id, journey_key, channel, purpose, recipient, body,
                    not_before, status, created_at)
                values (?, ?, ?, 'email', 'proactive_service', 'jan@example.org',
                    '{"subject":"Uw paspoort","html":"<p>Uw paspoort verloopt.</p>","plainText":"Uw paspoort verloopt."}', ?::timestamptz,
                    'delivered', ?::timestamptz) returning id""", Long.class, journey + "-" + at, citizen, journey, at, at);
    }

    private long occurrence(UUID citizen, String journey, String at) {
        return jdbc.queryForObject("""
                insert into journey_occurrence (journey_key, citizen_id, occurrence, state, due_at, created_at)
                values (?, ?, ?, 'done', ?::timestamptz, ?::timestamptz) returning id""", Long.class, journey, citizen,
                "test/" + at, at, at);
    }

    private java.util.List<Long> ids(String table, UUID citizen) {
        return jdbc.queryForList("select id from " + table + " where citizen_id = ? order by id", Long.class, citizen);
    }
}
