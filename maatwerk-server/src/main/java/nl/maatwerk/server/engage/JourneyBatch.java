package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import nl.maatwerk.server.platform.BinaryCopyRows;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path for journeys with very many occurrences at once (a campaign to a big segment, a first run, the
 * reminder a week after it). The trigger's new occurrences, and the active occurrences due at a send step, are split
 * into chunks by citizen (a citizen's occurrences always in the same chunk, so the frequency cap sees all of them), and
 * each chunk is one transaction on its own connection, one per processor at once: {@link SendDecisions} decides the
 * send for the whole chunk and records decisions, tasks and messages with COPY, and the chunk writes each occurrence in
 * the state that leaves it in (a new one COPYed already in that state, a due one moved by one UPDATE for the chunk).
 * A tracked link needs no row of its own ({@link TrackedLinks}). Everything else (a branch, an escalation, a fallback
 * to the next channel, the dry run) is the one-by-one path's ({@link JourneyRunner}).
 */
@Component
public class JourneyBatch implements AutoCloseable {

    private static final String OCCURRENCE_COLUMNS = "journey_occurrence (id, journey_key, citizen_id, occurrence,"
            + " trigger_values, segment_key, state, step, due_at, created_at, link_secret)";

    private final JourneyStore store;
    private final JourneyRunner runner;
    private final SendDecisions decisions;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ExecutorService pool = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "journey-batch");
                t.setDaemon(true);
                return t;
            });

    JourneyBatch(JourneyStore store, JourneyRunner runner, SendDecisions decisions, TransactionTemplate transaction,
            JdbcTemplate jdbc) {
        this.store = store;
        this.runner = runner;
        this.decisions = decisions;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** Stops the chunk threads when the application context closes. */
    public void close() {
        pool.shutdown();
    }

    /** What a batch run did: new occurrences, messages queued, other first decisions, and the time of each phase. */
    public record Result(int occurrences, int sent, int other, long triggerMillis, long decideMillis) {
    }

    /**
     * Finds the journey's occurrences at {@code now}, adds the new ones and takes their first step when it is a send.
     *
     * @param chunk occurrences per transaction (and per {@code enqueueAll})
     */
    public Result run(String key, Instant now, int chunk) {
        JourneyStore.Row row = store.find(key).orElseThrow(() -> new IllegalArgumentException("no journey " + key));
        JourneyDefinition d = runner.definition(row);
        JourneyDefinition.Send send = !d.steps().isEmpty() && d.steps().get(0) instanceof JourneyDefinition.Send s ? s : null;
        long t0 = System.nanoTime();
        List<TriggerScan.Candidate> found = runner.candidates(d, now);
        long t1 = System.nanoTime();
        List<Callable<int[]>> work = new ArrayList<>();
        for (List<TriggerScan.Candidate> part : byCitizen(found, TriggerScan.Candidate::citizenId, chunk)) {
            work.add(() -> chunkRetried(d, row, send, part, now));
        }
        int[] total = new int[3];
        for (int[] counts : all(work)) {
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
        }
        long t2 = System.nanoTime();
        return new Result(total[0], total[1], total[2], (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    /**
     * Takes the send steps due at {@code now} of the journey's active occurrences in bulk (not a fallback's next
     * channel: that is the one-by-one path's); returns how many were taken. Off while the journey is switched off.
     */
    public int runDueSends(String key, Instant now, int chunk) {
        JourneyStore.Row row = store.find(key).orElse(null);
        if (row == null || !row.enabled()) {
            return 0;
        }
        JourneyDefinition d = runner.definition(row);
        int taken = 0;
        for (int i = 0; i < d.steps().size(); i++) {
            if (!(d.steps().get(i) instanceof JourneyDefinition.Send send)) {
                continue;
            }
            int step = i;
            List<Callable<int[]>> work = new ArrayList<>();
            for (List<JourneyStore.Due> part : byCitizen(store.dueAtStep(key, step, now), JourneyStore.Due::citizenId, chunk)) {
                work.add(() -> transaction.execute(s -> dueChunk(d, row.version(), step, send, part, now)));
            }
            for (int[] counts : all(work)) {
                taken += counts[0];
            }
        }
        return taken;
    }

    /** One chunk of occurrences due at a send step: {taken}. Stops at the kill switch. */
    private int[] dueChunk(JourneyDefinition d, int version, int step, JourneyDefinition.Send send,
            List<JourneyStore.Due> part, Instant now) {
        JourneyStore.Row journey = store.findForShare(d.key()).orElse(null);
        if (journey == null || !journey.enabled() || journey.version() != version) {
            return new int[1];   // switched off or changed since the run began: the next run takes it on
        }
        List<JourneyStore.Occurrence> locked = store.lockDueAtStep(part.stream().mapToLong(JourneyStore.Due::id).toArray(),
                step, now);
        if (locked.isEmpty()) {
            return new int[1];
        }
        List<SendDecisions.Planned> plans = decisions.decide(d, step, send, locked, now);
        store.moveAll(plans.stream().map(p -> {
            SendDecisions.After a = SendDecisions.after(d, step, p, now);
            return new JourneyStore.Move(p.occurrence().id(), a.state(), a.step(), a.dueAt());
        }).toList());
        decisions.record(d, step, send, plans, now);
        return new int[] {plans.size()};
    }

    /**
     * Chunks of about {@code size} items, each a range of citizen ids in the database's order, cut where the citizens'
     * lock bucket changes ({@link JourneyStore#bucket}: a citizen's items all in one chunk, and chunks never share a
     * bucket lock): the chunk's reads and index writes then touch a narrow band of each index.
     */
    private static <T> List<List<T>> byCitizen(List<T> items, Function<T, UUID> citizen, int size) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort((a, b) -> compare(citizen.apply(a), citizen.apply(b)));
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>(size);
        for (T item : sorted) {
            if (current.size() >= size && JourneyStore.bucket(citizen.apply(item))
                    != JourneyStore.bucket(citizen.apply(current.get(current.size() - 1)))) {
                chunks.add(current);
                current = new ArrayList<>(size);
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** PostgreSQL's order of uuids (unsigned, byte by byte); {@link UUID#compareTo} compares signed halves. */
    private static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** One chunk in one transaction; once more when the scheduler added one of its occurrences at the same moment. */
    private int[] chunkRetried(JourneyDefinition d, JourneyStore.Row started, JourneyDefinition.Send send,
            List<TriggerScan.Candidate> part, Instant now) {
        try {
            return transaction.execute(s -> chunk(d, started, send, part, now));
        } catch (DuplicateKeyException e) {
            return transaction.execute(s -> chunk(d, started, send, part, now));
        }
    }

    /** Runs {@code tasks} on the pool and waits for all of them; the first failure is thrown after all have ended. */
    private List<int[]> all(List<Callable<int[]>> tasks) {
        List<Future<int[]>> running = tasks.stream().map(pool::submit).toList();
        List<int[]> counts = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<int[]> f : running) {
            try {
                counts.add(f.get());
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while running a chunk", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return counts;
    }

    private record OccurrenceKey(UUID citizenId, String occurrence) {
    }

    /**
     * Adds a chunk's new occurrences and, when the first step sends, decides it: {new, sent, other decisions}. A run
     * started on an enabled journey stops at its kill switch; the share lock keeps the journey while the chunk writes.
     */
    private int[] chunk(JourneyDefinition d, JourneyStore.Row started, JourneyDefinition.Send send,
            List<TriggerScan.Candidate> part, Instant now) {
        JourneyStore.Row journey = store.findForShare(d.key()).orElse(null);
        if (journey == null || (started.enabled() && !journey.enabled()) || journey.version() != started.version()) {
            return new int[3];   // deleted, switched off or changed since the run began: the next run takes it on
        }
        String[] citizenArray = part.stream().map(c -> c.citizenId().toString()).distinct().toArray(String[]::new);
        Set<OccurrenceKey> known = new HashSet<>();
        jdbc.query("select citizen_id, occurrence from journey_occurrence where journey_key = ? and citizen_id = any(?::uuid[])",
                rs -> {
                    known.add(new OccurrenceKey(rs.getObject(1, UUID.class), rs.getString(2)));
                }, d.key(), citizenArray);
        List<TriggerScan.Candidate> fresh = part.stream()
                .filter(c -> known.add(new OccurrenceKey(c.citizenId(), c.occurrence()))).toList();
        if (fresh.isEmpty()) {
            return new int[3];
        }
        List<Long> ids = jdbc.queryForList("with s as materialized (select pg_get_serial_sequence('journey_occurrence', 'id') name)"
                + " select nextval(s.name) from s, generate_series(1, ?)", Long.class, fresh.size());
        String segment = JourneyRunner.segmentOf(d);
        List<JourneyStore.Occurrence> occurrences = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            TriggerScan.Candidate c = fresh.get(i);
            occurrences.add(new JourneyStore.Occurrence(ids.get(i), d.key(), c.citizenId(), c.occurrence(),
                    runner.write(c.values()), segment, "active", 0, 0, now, TrackedLinks.newSecret()));
        }
        if (send == null) {
            copy(OCCURRENCE_COLUMNS, occurrences, (o, row) -> occurrenceRow(o, "active", 0, now, now, row));
            return new int[] {occurrences.size(), 0, 0};
        }
        List<SendDecisions.Planned> plans = decisions.decide(d, 0, send, occurrences, now);
        copy(OCCURRENCE_COLUMNS, plans, (p, row) -> {
            SendDecisions.After a = SendDecisions.after(d, 0, p, now);
            occurrenceRow(p.occurrence(), a.state(), a.step(), a.dueAt(), now, row);
        });
        int[] counts = decisions.record(d, 0, send, plans, now);
        return new int[] {plans.size(), counts[0], counts[1]};
    }

    private static void occurrenceRow(JourneyStore.Occurrence o, String state, int step, Instant dueAt, Instant now,
            BinaryCopyRows row) {
        row.bigint(o.id()).text(o.journeyKey()).uuid(o.citizenId()).text(o.occurrence()).jsonb(o.triggerValues())
                .text(o.segmentKey()).text(state).integer(step).timestamp(dueAt).timestamp(now).text(o.linkSecret());
    }

    private <T> void copy(String target, List<T> items, BinaryCopyRows.RowWriter<T> writer) {
        jdbc.execute((ConnectionCallback<Long>) connection -> BinaryCopyRows.copy(connection, target, items, writer));
    }
}
