package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.FieldReader;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's responses to journeys: outcomes an integrator posts ("online_application_completed") and clicks on
 * tracked links. Each is recorded as the response of the citizen's journey occurrences it belongs to (the named
 * journey, or every active or recently messaged one), which branch and escalate steps read.
 */
@Service
public class Outcomes {

    private final JdbcTemplate jdbc;
    private final JourneyStore store;
    private final TrackedLinks links;

    Outcomes(JdbcTemplate jdbc, JourneyStore store, TrackedLinks links) {
        this.jdbc = jdbc;
        this.store = store;
        this.links = links;
    }

    /** A stored outcome; {@code created} is false for a retry of the same source + sourceId. */
    public record Recorded(boolean created, long id, UUID citizenId, String outcome, String journey, Instant at,
            int occurrences) {
    }

    /**
     * Records {@code {"source","sourceId","citizenId","outcome","journey"?,"at"?}}. The same source + sourceId again
     * with the same content is a retry (nothing new); with other content 409.
     */
    @Transactional
    public Recorded record(JsonNode body, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader in = new FieldReader(body, "", problems);
        in.rejectUnknown(Set.of("source", "sourceId", "citizenId", "outcome", "journey", "at"));
        String source = in.text("source", true, 100);
        String sourceId = in.text("sourceId", true, 200);
        UUID citizen = in.uuid("citizenId", true);
        String outcome = in.text("outcome", true, 63);
        if (outcome != null && !outcome.matches("[a-z][a-z0-9_]{0,62}")) {
            in.problem("outcome", "an outcome is lower case with _, such as online_application_completed");
        }
        String journey = in.text("journey", false, 63);
        Instant at = in.instant("at", false);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        if (journey != null && store.find(journey).isEmpty()) {
            throw ApiProblem.unknownReference(List.of(FieldProblem.at("/journey", "there is no journey \"" + journey + "\"")));
        }
        if (store.citizenStatus(citizen) == null) {
            throw ApiProblem.unknownReference(List.of(FieldProblem.at("/citizenId", "no citizen with id " + citizen)));
        }
        Instant when = at == null ? now : at;
        Long id = jdbc.query("""
                insert into outcome_event (source, source_id, citizen_id, outcome, journey_key, at) values (?, ?, ?, ?, ?, ?)
                on conflict (source, source_id) do nothing returning id
                """, rs -> rs.next() ? rs.getLong(1) : null, source, sourceId, citizen, outcome, journey,
                JourneyStore.ts(when));
        if (id == null) {
            return retry(source, sourceId, citizen, outcome, journey);
        }
        List<Long> occurrences = jdbc.queryForList("""
                select o.id from journey_occurrence o
                where o.citizen_id = ? and (?::text is null or o.journey_key = ?)
                  and (o.state = 'active' or exists (select 1 from journey_decision d where d.occurrence_id = o.id
                       and d.kind = 'send' and d.decided_at > ?::timestamptz - interval '30 days'))
                """, Long.class, citizen, journey, journey, JourneyStore.ts(when));
        occurrences.forEach(o -> store.respond(o, "outcome", outcome, when));
        return new Recorded(true, id, citizen, outcome, journey, when, occurrences.size());
    }

    private Recorded retry(String source, String sourceId, UUID citizen, String outcome, String journey) {
        Recorded stored = jdbc.queryForObject("select * from outcome_event where source = ? and source_id = ?",
                (rs, n) -> new Recorded(false, rs.getLong("id"), rs.getObject("citizen_id", UUID.class),
                        rs.getString("outcome"), rs.getString("journey_key"), JourneyStore.instant(rs, "at"), 0),
                source, sourceId);
        if (!stored.citizenId().equals(citizen) || !stored.outcome().equals(outcome)
                || !java.util.Objects.equals(stored.journey(), journey)) {
            throw ApiProblem.conflict("source " + source + " sourceId " + sourceId + " was recorded with other content",
                    List.of(FieldProblem.at("/sourceId", "already used for another outcome")));
        }
        return stored;
    }

    /** Records a click on a tracked link and returns where it leads; empty for an unknown token. */
    @Transactional
    public Optional<String> click(String token, Instant now) {
        Optional<TrackedLinks.Target> link = links.resolve(token);
        link.ifPresent(l -> store.respond(l.occurrenceId(), "click", "link", now));
        return link.map(TrackedLinks.Target::url);
    }

    /** Whether a status code signals a conflict; used by the API. */
    static boolean isConflict(ApiProblem e) {
        return e.status() == HttpStatus.CONFLICT;
    }
}
