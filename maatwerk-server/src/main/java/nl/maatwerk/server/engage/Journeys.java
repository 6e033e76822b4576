package nl.maatwerk.server.engage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public face of journeys: define them, switch them off (kill switch), run what is due, dry-run one, and read
 * their decisions and stats. {@link #runDue(Instant)} is what the minute schedule calls; tests call it with their
 * own clock.
 */
@Service
public class Journeys {

    private static final Logger log = LoggerFactory.getLogger(Journeys.class);
    private static final int BATCH = 500;
    /** New occurrences per transaction of the bulk path ({@link JourneyBatch}) that adds them and takes their first send. */
    private static final int BATCH_CHUNK = 10_000;

    private final JourneyStore store;
    private final JourneyReader reader;
    private final JourneyRunner runner;
    private final JourneyBatch batch;
    private final JourneyStats stats;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    Journeys(JourneyStore store, JourneyReader reader, JourneyRunner runner, JourneyBatch batch, JourneyStats stats,
            TransactionTemplate transaction, ObjectMapper json) {
        this.batch = batch;
        this.store = store;
        this.reader = reader;
        this.runner = runner;
        this.stats = stats;
        this.transaction = transaction;
        this.json = json;
    }

    /** A stored journey with its definition as given. */
    public record Journey(String key, String name, String purpose, boolean enabled, int version, Instant updatedAt,
            JsonNode definition) {
    }

    /** What one run did. */
    public record RunReport(int occurrencesCreated, int stepsTaken) {
    }

    /** One decision, as the API and the page show it. */
    public record DecisionView(long occurrenceId, UUID citizenId, int step, String kind, String channel, String reason,
            String detail, Instant notBefore, Instant decidedAt) {
    }

    /**
     * What a run at {@code at} would do, without doing it: counts per decision kind, channel and reason, and a few
     * example decisions with citizen ids (personal data: only for roles that may see it).
     */
    public record DryRun(String journey, Instant at, int occurrences, Map<String, Long> counts, List<DecisionView> sample) {
    }

    public List<Journey> list() {
        return store.all().stream().map(this::journey).toList();
    }

    public Journey get(String key) {
        return journey(row(key));
    }

    public Journey create(JsonNode body) {
        JourneyDefinition d = reader.read(body);
        boolean enabled = !body.has("enabled") || body.get("enabled").asBoolean(true);
        if (!store.insert(d.key(), d.name(), d.purpose(), stripped(body), enabled)) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "journey-exists", "there is already a journey \"" + d.key() + "\"",
                    List.of(FieldProblem.at("/key", "journey \"" + d.key() + "\" exists; change it with PUT /api/v1/journeys/" + d.key())));
        }
        return get(d.key());
    }

    public Journey update(String key, JsonNode body) {
        row(key);
        if (body.isObject() && !body.has("key")) {
            ((ObjectNode) body).put("key", key);
        }
        JourneyDefinition d = reader.read(body);
        if (!d.key().equals(key)) {
            throw ApiProblem.invalid(FieldProblem.at("/key", "the key in the body differs from the one in the path"));
        }
        store.update(key, d.name(), d.purpose(), stripped(body));
        if (body.has("enabled")) {
            store.setEnabled(key, body.get("enabled").asBoolean(true));
        }
        runner.forget(key);
        return get(key);
    }

    public void delete(String key) {
        row(key);
        store.delete(key);
        runner.forget(key);
    }

    /** The kill switch: off stops every further step of every occurrence at once; on resumes them. */
    public Journey setEnabled(String key, boolean enabled) {
        row(key);
        store.setEnabled(key, enabled);
        return get(key);
    }

    /** Checks a definition without storing it: the parsed journey, or an {@link ApiProblem} naming each problem. */
    public JourneyDefinition check(JsonNode body) {
        return reader.read(body);
    }

    JourneyDefinition definition(String key) {
        return runner.definition(row(key));
    }

    /** Finds new trigger occurrences of every enabled journey and takes every due step. */
    public RunReport runDue(Instant now) {
        int created = 0;
        int steps = 0;
        for (JourneyStore.Row row : store.enabled()) {
            try {
                created += batch.run(row.key(), now, BATCH_CHUNK).occurrences();
            } catch (RuntimeException e) {
                log.warn("journey {}: triggers not run: {}", row.key(), e.toString());
            }
            try {
                steps += batch.runDueSends(row.key(), now, BATCH_CHUNK);
            } catch (RuntimeException e) {
                log.warn("journey {}: due sends not taken in bulk, one by one instead: {}", row.key(), e.toString());
            }
        }
        return new RunReport(created, steps + advanceDue(now, null, false));
    }

    private int advanceDue(Instant now, String key, boolean dryRun) {
        int steps = 0;
        long after = 0;
        while (true) {
            List<Long> due = store.due(now, key, dryRun, after, BATCH);
            if (due.isEmpty()) {
                return steps;
            }
            for (long id : due) {
                try {
                    Boolean took = dryRun ? runner.advance(id, now, true) : transaction.execute(s -> runner.advance(id, now, false));
                    if (Boolean.TRUE.equals(took)) {
                        steps++;
                    }
                } catch (RuntimeException e) {
                    if (dryRun) {
                        throw e;
                    }
                    log.warn("journey occurrence {}: step not taken, retried next run: {}", id, e.toString());
                }
            }
            after = due.get(due.size() - 1);
        }
    }

    /**
     * Runs one journey at {@code at} inside a transaction that is rolled back: the same code as the real run, so the
     * dry run and the run agree, and nothing is written or queued.
     */
    public DryRun dryRun(String key, Instant at, int sampleSize) {
        JourneyStore.Row row = row(key);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            long before = store.lastDecisionId();
            runner.trigger(row, at);
            advanceDue(at, key, true);
            List<JourneyStore.Decision> decided = store.decisionsAfter(key, before);
            Map<String, Long> counts = new LinkedHashMap<>();
            java.util.Set<Long> occurrences = new java.util.HashSet<>();
            List<DecisionView> sample = new ArrayList<>();
            for (JourneyStore.Decision d : decided) {
                occurrences.add(d.occurrenceId());
                String bucket = d.kind() + (d.channel() == null ? "" : ":" + d.channel()) + ":" + d.reason();
                counts.merge(bucket, 1L, Long::sum);
                if (sample.size() < sampleSize) {
                    sample.add(view(d));
                }
            }
            return new DryRun(key, at, occurrences.size(), counts, sample);
        });
    }

    /** Every decision for one citizen in one journey, oldest first (personal data). */
    public List<DecisionView> decisions(String key, UUID citizenId) {
        row(key);
        List<DecisionView> out = new ArrayList<>();
        for (JourneyStore.Occurrence o : store.occurrencesOf(key, citizenId)) {
            store.decisions(o.id()).forEach(d -> out.add(view(d)));
        }
        return out;
    }

    public JourneyStats.Stats stats(String key) {
        row(key);
        return stats.of(key);
    }

    Optional<JourneyStore.Row> find(String key) {
        return store.find(key);
    }

    private static DecisionView view(JourneyStore.Decision d) {
        return new DecisionView(d.occurrenceId(), d.citizenId(), d.step(), d.kind(), d.channel(), d.reason(), d.detail(),
                d.notBefore(), d.decidedAt());
    }

    private JourneyStore.Row row(String key) {
        return store.find(key).orElseThrow(() -> ApiProblem.notFound("there is no journey \"" + key + "\""));
    }

    private Journey journey(JourneyStore.Row row) {
        try {
            return new Journey(row.key(), row.name(), row.purpose(), row.enabled(), row.version(), row.updatedAt(),
                    json.readTree(row.definition()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String stripped(JsonNode body) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove("enabled");
        return copy.toString();
    }
}
