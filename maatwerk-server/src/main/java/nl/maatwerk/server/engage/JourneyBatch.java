package nl.maatwerk.server.engage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.ChannelLimitExceeded;
import nl.maatwerk.core.template.MissingPlaceholders;
import nl.maatwerk.server.platform.BinaryCopyRows;
import nl.maatwerk.server.privacy.ConsentService;
import nl.maatwerk.server.privacy.Purpose;
import nl.maatwerk.server.privacy.PurposeRegister;
import nl.maatwerk.server.profile.DigitalAddress;
import nl.maatwerk.server.profile.DigitalAddresses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path for journeys with very many occurrences at once (a campaign to a big segment, a first run). The
 * trigger's new occurrences are split into chunks by citizen (a citizen's occurrences always in the same chunk, so the
 * frequency cap sees all of them), and each chunk is one transaction on its own connection, one per processor at once:
 * it reads what the decisions need in bulk, decides the first send step for every new occurrence, and writes the
 * occurrences already in the state that decision leaves them in, the decisions, the tasks and
 * {@link Outbox#enqueueAll} with COPY; a tracked link needs no row of its own ({@link TrackedLinks}). It takes the same
 * decisions as {@link JourneyRunner#send} (status, needing help, channel order, consent now, quiet hours, the cap,
 * missing values); a citizen with any consent or objection event is asked through {@link ConsentService}, everyone
 * else gets the purpose's default (no consent for a consent purpose, allowed for public task). Occurrences that were
 * already there, and every step after the first send, are left to the scheduler ({@link JourneyRunner}).
 */
@Component
public class JourneyBatch implements AutoCloseable {

    private static final String OCCURRENCE_COLUMNS = "journey_occurrence (id, journey_key, citizen_id, occurrence,"
            + " trigger_values, segment_key, state, step, due_at, created_at, link_secret)";
    private static final String DECISION_COLUMNS = "journey_decision (occurrence_id, journey_key, citizen_id, step, kind,"
            + " channel, reason, detail, message_key, not_before, decided_at)";

    private final JourneyStore store;
    private final JourneyRunner runner;
    private final TaskStore tasks;
    private final DigitalAddresses addresses;
    private final ConsentService consent;
    private final PurposeRegister purposes;
    private final ObjectProvider<Outbox> outbox;
    private final ObjectProvider<ChannelChooser> chooser;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final String municipality;
    private final String publicUrl;
    private final ExecutorService pool = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "journey-batch");
                t.setDaemon(true);
                return t;
            });

    JourneyBatch(JourneyStore store, JourneyRunner runner, TaskStore tasks, DigitalAddresses addresses,
            ConsentService consent, PurposeRegister purposes, ObjectProvider<Outbox> outbox,
            ObjectProvider<ChannelChooser> chooser, TransactionTemplate transaction, JdbcTemplate jdbc,
            @Value("${maatwerk.journeys.municipality:gemeente Amsterdam}") String municipality,
            @Value("${maatwerk.public-url:http://localhost:8080}") String publicUrl) {
        this.store = store;
        this.runner = runner;
        this.tasks = tasks;
        this.addresses = addresses;
        this.consent = consent;
        this.purposes = purposes;
        this.outbox = outbox;
        this.chooser = chooser;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.municipality = municipality;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
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
        for (List<TriggerScan.Candidate> part : byCitizen(found, chunk)) {
            work.add(() -> chunkRetried(d, row.enabled(), send, part, now));
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
     * Chunks of about {@code size} candidates, each a range of citizen ids in the database's order (a citizen's
     * candidates all in one chunk): the chunk's reads and index writes then touch a narrow band of each index.
     */
    private static List<List<TriggerScan.Candidate>> byCitizen(List<TriggerScan.Candidate> found, int size) {
        List<TriggerScan.Candidate> sorted = new ArrayList<>(found);
        sorted.sort(BY_CITIZEN);
        List<List<TriggerScan.Candidate>> chunks = new ArrayList<>();
        List<TriggerScan.Candidate> current = new ArrayList<>(size);
        for (TriggerScan.Candidate c : sorted) {
            if (current.size() >= size && !c.citizenId().equals(current.get(current.size() - 1).citizenId())) {
                chunks.add(current);
                current = new ArrayList<>(size);
            }
            current.add(c);
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** PostgreSQL's order of uuids (unsigned, byte by byte); {@link UUID#compareTo} compares signed halves. */
    private static final Comparator<TriggerScan.Candidate> BY_CITIZEN = (a, b) -> {
        int high = Long.compareUnsigned(a.citizenId().getMostSignificantBits(), b.citizenId().getMostSignificantBits());
        return high != 0 ? high
                : Long.compareUnsigned(a.citizenId().getLeastSignificantBits(), b.citizenId().getLeastSignificantBits());
    };

    /** One chunk in one transaction; once more when the scheduler added one of its occurrences at the same moment. */
    private int[] chunkRetried(JourneyDefinition d, boolean enabled, JourneyDefinition.Send send,
            List<TriggerScan.Candidate> part, Instant now) {
        try {
            return transaction.execute(s -> chunk(d, enabled, send, part, now));
        } catch (DuplicateKeyException e) {
            return transaction.execute(s -> chunk(d, enabled, send, part, now));
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

    /** One row of {@code journey_decision}. */
    private record Decision(JourneyStore.Occurrence occurrence, int step, String kind, Channel channel, String reason,
            String detail, String messageKey, Instant notBefore) {
    }

    /** One planned message, or the decision that stands in for it. */
    private record Planned(JourneyStore.Occurrence occurrence, String kind, Channel channel, String reason, String detail,
            Instant notBefore, String state, Instant dueAt, OutgoingMessage message) {
    }

    /**
     * Adds a chunk's new occurrences and, when the first step sends, decides it: {new, sent, other decisions}. A run
     * started on an enabled journey stops at its kill switch; the share lock keeps the journey while the chunk writes.
     */
    private int[] chunk(JourneyDefinition d, boolean enabled, JourneyDefinition.Send send, List<TriggerScan.Candidate> part,
            Instant now) {
        JourneyStore.Row journey = store.findForShare(d.key()).orElse(null);
        if (journey == null || (enabled && !journey.enabled())) {
            return new int[3];
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
        List<Planned> plans = decide(d, send, occurrences, now);
        // after the send, as the one-by-one path would in the same transaction: a journey that is one send is done, and
        // a wait right after it starts now (instead of a step per occurrence for the scheduler a minute later)
        boolean ends = d.steps().size() == 1;
        JourneyDefinition.Wait wait = d.steps().size() > 1 && d.steps().get(1) instanceof JourneyDefinition.Wait w
                && w.days() > 0 ? w : null;
        Instant waitedUntil = wait == null ? null : now.plus(wait.days(), ChronoUnit.DAYS);
        copy(OCCURRENCE_COLUMNS, plans, (p, row) -> {
            if (!p.kind().equals("send")) {
                occurrenceRow(p.occurrence(), p.state(), 0, p.dueAt(), now, row);
            } else if (ends) {
                occurrenceRow(p.occurrence(), "done", 1, now, now, row);
            } else if (wait != null) {
                occurrenceRow(p.occurrence(), "active", 2, waitedUntil, now, row);
            } else {
                occurrenceRow(p.occurrence(), "active", 1, now, now, row);
            }
        });
        List<Decision> decisions = new ArrayList<>(plans.size() * (wait == null ? 1 : 2));
        for (Planned p : plans) {
            decisions.add(new Decision(p.occurrence(), 0, p.kind(), p.channel(), p.reason(), p.detail(),
                    p.message() == null ? null : p.message().idempotencyKey(), p.notBefore()));
            if (wait != null && p.kind().equals("send")) {
                decisions.add(new Decision(p.occurrence(), 1, "wait", null, "wait_" + wait.days() + "_days", null, null,
                        waitedUntil));
            }
        }
        copy(DECISION_COLUMNS, decisions, (x, row) -> {
            JourneyStore.Occurrence o = x.occurrence();
            row.bigint(o.id()).text(o.journeyKey()).uuid(o.citizenId()).integer(x.step()).text(x.kind())
                    .text(x.channel() == null ? null : x.channel().code()).text(x.reason()).text(x.detail())
                    .text(x.messageKey()).timestamp(x.notBefore()).timestamp(now);
        });
        String action = send.templates().has(Channel.LETTER) ? "letter" : "call";
        List<TaskStore.NewTask> escalated = plans.stream().filter(p -> p.kind().equals("escalated"))
                .map(p -> new TaskStore.NewTask(p.occurrence().citizenId(), d.key(), p.occurrence().id(), 0, action,
                        p.reason(), runner.taskContext(d, p.occurrence(), p.reason(), List.of()).toString()))
                .toList();
        if (!escalated.isEmpty()) {
            tasks.addAll(escalated, now);
        }
        List<OutgoingMessage> messages = plans.stream().map(Planned::message).filter(m -> m != null).toList();
        Outbox queue = outbox.getIfAvailable();
        if (queue != null && !messages.isEmpty()) {
            queue.enqueueAll(messages);
        }
        return new int[] {plans.size(), messages.size(), plans.size() - messages.size()};
    }

    private static void occurrenceRow(JourneyStore.Occurrence o, String state, int step, Instant dueAt, Instant now,
            BinaryCopyRows row) {
        row.bigint(o.id()).text(o.journeyKey()).uuid(o.citizenId()).text(o.occurrence()).jsonb(o.triggerValues())
                .text(o.segmentKey()).text(state).integer(step).timestamp(dueAt).timestamp(now).text(o.linkSecret());
    }

    private <T> void copy(String target, List<T> items, BinaryCopyRows.RowWriter<T> writer) {
        jdbc.execute((ConnectionCallback<Long>) connection -> BinaryCopyRows.copy(connection, target, items, writer));
    }

    /** The first send step for new occurrences, with everything the decisions read loaded for all of them at once. */
    private List<Planned> decide(JourneyDefinition d, JourneyDefinition.Send send, List<JourneyStore.Occurrence> mine,
            Instant now) {
        List<UUID> citizens = mine.stream().map(JourneyStore.Occurrence::citizenId).distinct().toList();
        String[] citizenArray = citizens.stream().map(UUID::toString).toArray(String[]::new);
        Map<UUID, String[]> register = new HashMap<>();
        String helpAttribute = d.audience().needsHelpAttribute();
        jdbc.query("select id, status, postcode, house_number, coalesce((attributes ->> ?)::boolean, false)"
                + " from citizen where id = any(?::uuid[])", rs -> {
                    register.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)});
                }, helpAttribute == null ? "-" : helpAttribute, citizenArray);
        Map<UUID, DigitalAddress> address = addresses.findAll(citizens);
        Set<UUID> withEvents = new HashSet<>(jdbc.queryForList("""
                select citizen_id from consent_event where citizen_id = any(?::uuid[]) and purpose = ?
                union select citizen_id from objection_event where citizen_id = any(?::uuid[])
                """, UUID.class, citizenArray, d.purpose(), citizenArray));
        Map<UUID, List<Instant>> planned = new HashMap<>();
        jdbc.query(JourneyStore.SENDS_SINCE + " = any(?::uuid[])", rs -> {
            planned.computeIfAbsent(rs.getObject(1, UUID.class), c -> new ArrayList<>()).add(JourneyStore.instant(rs, 2));
        }, Timestamp.from(now.minus(runner.cap().window()).minus(runner.cap().window())), citizenArray);
        Purpose purpose = purposes.find(d.purpose()).orElseThrow();
        boolean defaultAllowed = !purpose.legalBasis().equals("consent");
        ChannelChooser configured = chooser.getIfAvailable();
        boolean defaultChooser = configured instanceof PreferenceChannelChooser;
        LocalDate today = LocalDate.ofInstant(now, TriggerScan.ZONE);
        List<Planned> plans = new ArrayList<>(mine.size());
        for (JourneyStore.Occurrence o : mine) {
            if (!register.containsKey(o.citizenId())) {
                continue;   // erased since the trigger found it (its foreign key would refuse the occurrence)
            }
            List<Instant> before = planned.computeIfAbsent(o.citizenId(), c -> new ArrayList<>());
            Planned p = plan(d, send, o, register.get(o.citizenId()), address.get(o.citizenId()),
                    withEvents.contains(o.citizenId()), defaultAllowed, defaultChooser ? null : configured, before, now, today);
            if (p.message() != null) {
                before.add(p.notBefore());   // a second occurrence of the same citizen in this chunk sees this one
            }
            plans.add(p);
        }
        return plans;
    }

    private Planned plan(JourneyDefinition d, JourneyDefinition.Send send, JourneyStore.Occurrence o, String[] reg,
            DigitalAddress address, boolean hasConsentEvents, boolean defaultAllowed, ChannelChooser custom,
            List<Instant> planned, Instant now, LocalDate today) {
        if (!"resident".equals(reg[0])) {
            return stop(o, "skip", null, reg[0], "no messages to citizens who moved out or died", "stopped", now);
        }
        boolean objectsDigital = hasConsentEvents && consent.isDigitalContactObjected(o.citizenId());
        String help = null;
        if (d.audience().needsHelpAttribute() != null && "t".equals(reg[3])) {
            help = "needs_help:" + d.audience().needsHelpAttribute();
        } else if (!(address != null && address.preferredChannel() == Channel.LETTER && send.channels().contains(Channel.LETTER))) {
            if (objectsDigital) {
                help = send.channels().contains(Channel.LETTER) ? null : "needs_help:objects_to_digital_contact";
            } else if (address == null || send.channels().stream().noneMatch(c -> c.digital() && address.addressFor(c) != null)) {
                help = "needs_help:no_digital_address";
            }
        }
        if (help != null) {
            return stop(o, "escalated", null, help, "task: " + (send.templates().has(Channel.LETTER) ? "letter" : "call"),
                    "done", now);
        }
        ChannelChooser.Request request = new ChannelChooser.Request(o.citizenId(), d.purpose(), send.channels(), Set.of(), address);
        ChannelChooser.Choice choice = custom != null ? custom.choose(request)
                : PreferenceChannelChooser.choose(request, c -> hasConsentEvents
                        ? consent.mayContact(o.citizenId(), d.purpose(), c) : defaultAllowed);
        if (choice.usable().isEmpty()) {
            String refusals = JourneyRunner.describe(choice.refused());
            boolean noConsent = choice.refused().stream().anyMatch(r -> r.reason().equals("no_consent"))
                    && choice.refused().stream().allMatch(r -> r.reason().equals("no_consent") || r.reason().equals("failed_before"));
            return noConsent ? stop(o, "skip", null, "no_consent", refusals, "stopped", now)
                    : stop(o, "escalated", null, "no_channel", "task: call", "done", now);
        }
        Channel channel = choice.usable().get(0);
        Instant notBefore = runner.quietHours().notBefore(channel, now);
        Instant allowed = runner.cap().earliest(notBefore, planned);
        if (allowed.isAfter(notBefore)) {
            return new Planned(o, "deferred", channel, "frequency_cap", "at most " + runner.cap().max() + " messages per "
                    + runner.cap().window().toDays() + " days", allowed, "active", allowed, null);
        }
        Map<String, Object> values = JourneyValues.of(runner.read(o.triggerValues()), today, municipality,
                send.link() == null ? null : publicUrl + "/r/" + TrackedLinks.token(o.id(), 0, o.linkSecret()));
        List<String> missing = JourneyMessages.missing(send.templates(), channel, values);
        if (!missing.isEmpty()) {
            return stop(o, "blocked", channel, "missing_values", "not sent: no value for " + String.join(", ", missing)
                    + " (a message never goes out with an empty hole)", "stopped", now);
        }
        Object body;
        try {
            body = JourneyMessages.render(send.templates(), channel, values, channel == Channel.LETTER
                    ? JourneyMessages.postalAddress(reg[1], Integer.valueOf(reg[2]), municipality.replaceFirst("(?i)^gemeente ", ""))
                    : null, today);
        } catch (MissingPlaceholders e) {
            return stop(o, "blocked", channel, "missing_values", "not sent: no value for " + String.join(", ", e.names()),
                    "stopped", now);
        } catch (ChannelLimitExceeded | IllegalArgumentException | NullPointerException e) {
            return stop(o, "blocked", channel, "render_failed", String.valueOf(e.getMessage()), "stopped", now);
        }
        String key = JourneyRunner.messageKey(o, 0, channel);
        OutgoingMessage message = new OutgoingMessage(key, o.citizenId(), d.key(), channel, d.purpose(),
                channel == Channel.LETTER ? null : address.addressFor(channel), body, notBefore);
        return new Planned(o, "send", channel, "preferred_or_first_allowed", JourneyRunner.describe(choice.refused()),
                notBefore, "active", now, message);
    }

    private static Planned stop(JourneyStore.Occurrence o, String kind, Channel channel, String reason, String detail,
            String state, Instant now) {
        return new Planned(o, kind, channel, reason, detail, null, state, now, null);
    }
}
