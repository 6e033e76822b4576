package nl.maatwerk.server.engage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the trigger occurrences of a journey at a moment: each with the citizen, a key that names the occurrence
 * (a document number with its expiry date, a case status change, a campaign round) and the values the trigger knew.
 * Dates and events are looked for in the last {@code windowDays}, so a run after downtime catches up and a repeated
 * run finds the same keys again (the occurrence table's unique key makes that harmless).
 */
@Component
class TriggerScan {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** One occurrence found; {@code values} hold raw values (ISO dates, codes), formatted at send time. */
    record Candidate(UUID citizenId, String occurrence, Map<String, Object> values) {
    }

    private final JdbcTemplate jdbc;

    TriggerScan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Candidate> find(JourneyDefinition.Trigger t, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        LocalDate first = today.minusDays(t.windowDays() - 1L);
        Timestamp until = Timestamp.from(now);
        Timestamp since = Timestamp.from(now.minus(t.windowDays(), ChronoUnit.DAYS));
        List<Candidate> found = new ArrayList<>();
        switch (t.type()) {
            case DOCUMENT_EXPIRY -> jdbc.query("""
                    select d.citizen_id, d.number, d.type, d.expiry_date from travel_document d
                    where d.expiry_date between ? and ? and (?::text is null or d.type = ?)
                      and not exists (select 1 from travel_document n where n.citizen_id = d.citizen_id
                                      and n.type = d.type and n.expiry_date > d.expiry_date)
                    order by d.citizen_id, d.number
                    """, rs -> {
                        found.add(new Candidate(rs.getObject(1, UUID.class), rs.getString(2) + "/" + rs.getString(4),
                                values("document_number", rs.getString(2), "document_type", rs.getString(3),
                                        "document_expiry", rs.getString(4))));
                    }, first.minusDays(t.offsetDays()), today.minusDays(t.offsetDays()), t.documentType(), t.documentType());
            case OBJECTION_DEADLINE -> jdbc.query("""
                    select k.citizen_id, k.id, k.type, k.objection_deadline from municipal_case k
                    where k.objection_deadline between ? and ? and (?::text is null or k.type = ?)
                    order by k.citizen_id, k.id
                    """, rs -> {
                        found.add(new Candidate(rs.getObject(1, UUID.class), rs.getString(2) + "/" + rs.getString(4),
                                values("case_id", rs.getString(2), "case_type", rs.getString(3),
                                        "objection_deadline", rs.getString(4))));
                    }, first.minusDays(t.offsetDays()), today.minusDays(t.offsetDays()), t.caseType(), t.caseType());
            case BIRTHDAY -> jdbc.query("""
                    select id from citizen where birth_date between ? and ? order by id
                    """, rs -> {
                        found.add(new Candidate(rs.getObject(1, UUID.class), "age-" + t.age(), values("age", t.age())));
                    }, first.minusYears(t.age()), today.minusYears(t.age()));
            case CASE_STATUS_CHANGED -> jdbc.query("""
                    select k.citizen_id, k.id, k.type, h.status, h.at, k.decision_date, k.decision_deadline
                    from case_status_change h join municipal_case k on k.id = h.case_id
                    where h.at > ? and h.at <= ? and (?::text is null or h.status = ?) and (?::text is null or k.type = ?)
                    order by h.at, k.id
                    """, rs -> {
                        found.add(new Candidate(rs.getObject(1, UUID.class),
                                rs.getString(2) + "/" + rs.getString(4) + "/" + JourneyStore.instant(rs, 5),
                                values("case_id", rs.getString(2), "case_type", rs.getString(3), "case_status",
                                        rs.getString(4), "decision_date", rs.getString(6), "decision_deadline",
                                        rs.getString(7))));
                    }, since, until, t.status(), t.status(), t.caseType(), t.caseType());
            case CONTACT_TOPIC -> jdbc.query("""
                    select citizen_id, id, topic from contact
                    where topic = ? and citizen_id is not null and occurred_at > ? and occurred_at <= ? order by id
                    """, rs -> {
                        found.add(new Candidate(rs.getObject(1, UUID.class), "contact/" + rs.getLong(2),
                                values("topic", rs.getString(3))));
                    }, t.topic(), since, until);
            case SEGMENT_ENTERED, SEGMENT_LEFT -> jdbc.query("""
                    select citizen_id, id from segment_membership_event
                    where segment_key = ? and change = ? and at > ? and at <= ? order by id
                    """, rs -> {
                        found.add(new Candidate(rs.getObject(1, UUID.class), "segment-event/" + rs.getLong(2), values()));
                    }, t.segment(), t.type() == TriggerType.SEGMENT_ENTERED ? "entered" : "left", since, until);
            case MOVED_IN -> jdbc.query("""
                    select citizen_id, id, submitted_at from municipal_case
                    where type = 'registration_move' and submitted_at > ? and submitted_at <= ? order by id
                    """, rs -> {
                        Instant at = JourneyStore.instant(rs, 3);
                        found.add(new Candidate(rs.getObject(1, UUID.class), "moved-in/" + rs.getString(2),
                                values("moved_in_date", LocalDate.ofInstant(at, ZONE).toString())));
                    }, since, until);
            case CAMPAIGN -> {
                // the campaign's members come from the segment; see JourneyRunner
            }
        }
        return found;
    }

    /** The start of the campaign round running at {@code now}, or null when none is (not started, or past the window). */
    static Instant campaignRound(JourneyDefinition.Trigger t, Instant now) {
        Instant start = t.startAt() == null ? Instant.EPOCH : t.startAt();
        if (now.isBefore(start)) {
            return null;
        }
        Instant round = start;
        if (t.everyDays() != null) {
            long periods = ChronoUnit.DAYS.between(start, now) / t.everyDays();
            round = start.plus(periods * t.everyDays(), ChronoUnit.DAYS);
        } else if (t.startAt() == null) {
            return Instant.EPOCH;
        }
        return now.isBefore(round.plus(t.windowDays(), ChronoUnit.DAYS)) ? round : null;
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
