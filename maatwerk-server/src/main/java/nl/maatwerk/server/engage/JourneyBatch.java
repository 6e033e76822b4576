package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.stream.LongStream;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.ChannelLimitExceeded;
import nl.maatwerk.core.template.MissingPlaceholders;
import nl.maatwerk.server.platform.CopyRows;
import nl.maatwerk.server.privacy.ConsentService;
import nl.maatwerk.server.privacy.Purpose;
import nl.maatwerk.server.privacy.PurposeRegister;
import nl.maatwerk.server.profile.DigitalAddress;
import nl.maatwerk.server.profile.DigitalAddresses;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk path for journeys with very many occurrences at once (a campaign to a big segment, a first run): the
 * trigger's occurrences are inserted in chunks, and the first send step is decided for a chunk of occurrences at a
 * time, one chunk per processor at once (each on its own connection and thread, a citizen's occurrences always in the
 * same chunk), with everything it reads loaded in bulk and the chunk's decisions, links, occurrence moves and
 * {@link Outbox#enqueueAll} in one transaction. It takes the same decisions as
 * {@link JourneyRunner#send} (status, needing help, channel order, consent now, quiet hours, the cap, missing values);
 * a citizen with any consent or objection event is asked through {@link ConsentService}, everyone else gets the
 * purpose's default (no consent for a consent purpose, allowed for public task). Steps after the first send are left
 * to the scheduler.
 */
@Component
public class JourneyBatch {

    private final JourneyStore store;
    private final JourneyRunner runner;
    private final TriggerScan scan;
    private final DigitalAddresses addresses;
    private final ConsentService consent;
    private final PurposeRegister purposes;
    private final ObjectProvider<Outbox> outbox;
    private final ObjectProvider<ChannelChooser> chooser;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final String municipality;
    private final String publicUrl;

    JourneyBatch(JourneyStore store, JourneyRunner runner, TriggerScan scan, DigitalAddresses addresses,
            ConsentService consent, PurposeRegister purposes, ObjectProvider<Outbox> outbox,
            ObjectProvider<ChannelChooser> chooser, TransactionTemplate transaction, JdbcTemplate jdbc,
            @Value("${maatwerk.journeys.municipality:gemeente Amsterdam}") String municipality,
            @Value("${maatwerk.public-url:http://localhost:8080}") String publicUrl) {
        this.store = store;
        this.runner = runner;
        this.scan = scan;
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

    /** What a batch run did. */
    public record Result(int occurrences, int sent, int other, long triggerMillis, long decideMillis) {
    }

    /**
     * Finds the journey's occurrences at {@code now} and takes their first step when it is a send step.
     *
     * @param chunk occurrences per transaction (and per {@code enqueueAll})
     */
    public Result run(String key, Instant now, int chunk) {
        JourneyStore.Row row = store.find(key).orElseThrow(() -> new IllegalArgumentException("no journey " + key));
        JourneyDefinition d = runner.definition(row);
        long t0 = System.nanoTime();
        List<TriggerScan.Candidate> found = scan.find(d.trigger(), now);
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            return run(d, found, now, chunk, pool, workers, t0);
        } finally {
            pool.shutdown();
        }
    }

    private Result run(JourneyDefinition d, List<TriggerScan.Candidate> found, Instant now, int chunk,
            ExecutorService pool, int workers, long t0) {
        String key = d.key();
        List<Callable<int[]>> inserts = new ArrayList<>();
        for (int from = 0; from < found.size(); from += chunk) {
            List<TriggerScan.Candidate> part = found.subList(from, Math.min(found.size(), from + chunk));
            inserts.add(() -> new int[] {transaction.execute(s -> insert(key, part, now))});
        }
        int created = 0;
        for (int[] n : all(pool, inserts)) {
            created += n[0];
        }
        long t1 = System.nanoTime();
        int sent = 0;
        int other = 0;
        if (!d.steps().isEmpty() && d.steps().get(0) instanceof JourneyDefinition.Send send) {
            // the due ids once, then pages by primary key: a page query ordered by id over a million-row journey
            // could otherwise be planned as a scan of every active occurrence, per page
            long[] dueIds = jdbc.queryForList("""
                    select id from journey_occurrence where journey_key = ? and state = 'active' and step = 0
                      and due_at <= ? order by id
                    """, Long.class, key, Timestamp.from(now)).stream().mapToLong(Long::longValue).toArray();
            int page = chunk * workers;
                for (int from = 0; from < dueIds.length; from += page) {
                    Long[] ids = LongStream.of(Arrays.copyOfRange(dueIds, from, Math.min(dueIds.length, from + page)))
                            .boxed().toArray(Long[]::new);
                    List<JourneyStore.Occurrence> due = jdbc.query("""
                            select * from journey_occurrence where id = any(?) and state = 'active' and step = 0
                            order by id
                            """, (rs, n) -> new JourneyStore.Occurrence(rs.getLong("id"), rs.getString("journey_key"),
                            rs.getObject("citizen_id", UUID.class), rs.getString("occurrence"), rs.getString("trigger_values"),
                            rs.getString("segment_key"), rs.getString("state"), rs.getInt("step"), rs.getInt("attempt"),
                            JourneyStore.instant(rs, "due_at")), (Object) ids);
                    for (int[] counts : decideInParallel(pool, workers, d, send, due, now)) {
                        sent += counts[0];
                        other += counts[1];
                    }
            }
        }
        long t2 = System.nanoTime();
        return new Result(created, sent, other, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    /**
     * Decides a page on {@code workers} connections at once, each part in its own transaction. A citizen's occurrences
     * all go to the same part, so the frequency cap sees every send planned for that citizen before (parts of earlier
     * pages are committed; within a part, as in one chunk).
     */
    private List<int[]> decideInParallel(ExecutorService pool, int workers, JourneyDefinition d,
            JourneyDefinition.Send send, List<JourneyStore.Occurrence> due, Instant now) {
        List<List<JourneyStore.Occurrence>> parts = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            parts.add(new ArrayList<>());
        }
        for (JourneyStore.Occurrence o : due) {
            parts.get(Math.floorMod(o.citizenId().hashCode(), workers)).add(o);
        }
        List<Callable<int[]>> decisions = new ArrayList<>();
        for (List<JourneyStore.Occurrence> part : parts) {
            if (!part.isEmpty()) {
                decisions.add(() -> transaction.execute(s -> decideChunk(d, send, part, now)));
            }
        }
        return all(pool, decisions);
    }

    /** Runs {@code tasks} on the pool and waits for all of them; the first failure is thrown after all have ended. */
    private static List<int[]> all(ExecutorService pool, List<Callable<int[]>> tasks) {
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

    /** COPYs a chunk of occurrences into a per-connection staging table, then adds the new ones in one statement. */
    private int insert(String key, List<TriggerScan.Candidate> part, Instant now) {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (Statement st = connection.createStatement()) {
                st.execute("create temp table if not exists journey_occurrence_stage (citizen_id uuid, occurrence text,"
                        + " trigger_values jsonb) on commit delete rows");
            }
            PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "copy journey_occurrence_stage from stdin", 1 << 16);
            try {
                CopyRows rows = new CopyRows(out);
                for (TriggerScan.Candidate c : part) {
                    rows.value(c.citizenId().toString()).value(c.occurrence()).value(runner.write(c.values()));
                    rows.endRow();
                }
                out.endCopy();
            } catch (IOException e) {
                if (out.isActive()) {
                    out.cancelCopy();
                }
                throw new SQLException("could not stage " + part.size() + " occurrences: " + e.getMessage(), e);
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into journey_occurrence (journey_key, citizen_id, occurrence, trigger_values, state, due_at, created_at)
                    select ?, citizen_id, occurrence, trigger_values, 'active', ?, ? from journey_occurrence_stage
                    on conflict (journey_key, citizen_id, occurrence) do nothing
                    """)) {
                insert.setString(1, key);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setTimestamp(3, Timestamp.from(now));
                return insert.executeUpdate();   // the staged rows go at commit (the caller's chunk transaction)
            }
        });
    }

    /** One planned message, or the decision that stands in for it. */
    private record Planned(JourneyStore.Occurrence occurrence, String kind, Channel channel, String reason, String detail,
            Instant notBefore, String state, Instant dueAt, OutgoingMessage message, String linkToken) {
    }

    private int[] decideChunk(JourneyDefinition d, JourneyDefinition.Send send, List<JourneyStore.Occurrence> due,
            Instant now) {
        List<Long> ids = due.stream().map(JourneyStore.Occurrence::id).toList();
        // lock the chunk: a scheduler run at the same moment skips these, and we skip what it holds
        Set<Long> locked = new HashSet<>(jdbc.queryForList("select id from journey_occurrence where id = any(?)"
                + " and state = 'active' and step = 0 for update skip locked", Long.class, (Object) ids.toArray(new Long[0])));
        List<JourneyStore.Occurrence> mine = due.stream().filter(o -> locked.contains(o.id())).toList();
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
        jdbc.query("select d.citizen_id, d.not_before from journey_decision d left join journey_message_status s"
                + " on s.message_key = d.message_key where d.citizen_id = any(?::uuid[]) and d.kind = 'send'"
                + " and d.not_before > ? and (s.status is null or s.status not in ('PERMANENT_FAILURE', 'CANCELLED'))",
                rs -> {
                    planned.computeIfAbsent(rs.getObject(1, UUID.class), c -> new ArrayList<>())
                            .add(JourneyStore.instant(rs, 2));
                }, citizenArray, Timestamp.from(now.minus(runner.cap().window()).minus(runner.cap().window())));
        Purpose purpose = purposes.find(d.purpose()).orElseThrow();
        boolean defaultAllowed = !purpose.legalBasis().equals("consent");
        ChannelChooser configured = chooser.getIfAvailable();
        boolean defaultChooser = configured instanceof PreferenceChannelChooser;
        LocalDate today = LocalDate.ofInstant(now, TriggerScan.ZONE);

        List<Planned> plans = mine.stream().map(o -> plan(d, send, o, register.get(o.citizenId()),
                address.get(o.citizenId()), withEvents.contains(o.citizenId()), defaultAllowed,
                defaultChooser ? null : configured, planned.getOrDefault(o.citizenId(), List.of()), now, today)).toList();

        List<Object[]> decisions = new ArrayList<>();
        List<Object[]> moves = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        List<OutgoingMessage> messages = new ArrayList<>();
        List<Object[]> tasks = new ArrayList<>();
        int sent = 0;
        for (Planned p : plans) {
            JourneyStore.Occurrence o = p.occurrence();
            decisions.add(new Object[] {o.id(), o.journeyKey(), o.citizenId(), 0, p.kind(),
                p.channel() == null ? null : p.channel().code(), p.reason(), p.detail(),
                p.message() == null ? null : p.message().idempotencyKey(),
                p.notBefore() == null ? null : Timestamp.from(p.notBefore()), Timestamp.from(now)});
            moves.add(new Object[] {p.state(), p.kind().equals("send") ? 1 : 0, Timestamp.from(p.dueAt()), o.id()});
            if (p.message() != null) {
                messages.add(p.message());
                sent++;
            }
            if (p.linkToken() != null) {
                links.add(new Object[] {p.linkToken(), o.id(), 0, send.link()});
            }
            if (p.kind().equals("escalated")) {
                tasks.add(new Object[] {o, p.reason()});
            }
        }
        // one statement per table for the whole chunk (unnest of arrays), not a statement per row
        jdbc.update("""
                insert into journey_decision (occurrence_id, journey_key, citizen_id, step, kind, channel, reason, detail,
                    message_key, not_before, decided_at)
                select o, ?, c, 0, k, ch, r, dt, m, nb, ? from unnest(?::bigint[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::timestamptz[]) as u(o, c, k, ch, r, dt, m, nb)
                """, d.key(), Timestamp.from(now), column(decisions, 0), column(decisions, 2), column(decisions, 4),
                column(decisions, 5), column(decisions, 6), column(decisions, 7), column(decisions, 8), column(decisions, 9));
        jdbc.update("""
                update journey_occurrence j set state = u.s, step = u.st, due_at = u.d
                from unnest(?::text[], ?::int[], ?::timestamptz[], ?::bigint[]) as u(s, st, d, id) where j.id = u.id
                """, column(moves, 0), column(moves, 1), column(moves, 2), column(moves, 3));
        if (!links.isEmpty()) {
            jdbc.update("insert into tracked_link (token, occurrence_id, step, target) select t, o, 0, ? from"
                    + " unnest(?::text[], ?::bigint[]) as u(t, o)", send.link(), column(links, 0), column(links, 1));
        }
        for (Object[] t : tasks) {
            JourneyStore.Occurrence o = (JourneyStore.Occurrence) t[0];
            runner.escalateTaskOnly(d, o, 0, send.templates().has(Channel.LETTER) ? "letter" : "call", (String) t[1], now);
        }
        Outbox queue = outbox.getIfAvailable();
        if (queue != null && !messages.isEmpty()) {
            queue.enqueueAll(messages);
        }
        return new int[] {sent, plans.size() - sent};
    }

    private Planned plan(JourneyDefinition d, JourneyDefinition.Send send, JourneyStore.Occurrence o, String[] reg,
            DigitalAddress address, boolean hasConsentEvents, boolean defaultAllowed, ChannelChooser custom,
            List<Instant> planned, Instant now, LocalDate today) {
        String status = reg == null ? null : reg[0];
        if (!"resident".equals(status)) {
            return stop(o, "skip", null, status == null ? "unknown_citizen" : status,
                    "no messages to citizens who moved out or died", "stopped", now);
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
                    + runner.cap().window().toDays() + " days", allowed, "active", allowed, null, null);
        }
        String token = send.link() == null ? null : JourneyRunner.token();
        Map<String, Object> values = JourneyValues.of(runner.read(o.triggerValues()), today, municipality,
                token == null ? null : publicUrl + "/r/" + token);
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
                notBefore, "active", now, message, token);
    }

    private static String[] column(List<Object[]> rows, int index) {
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = rows.get(i)[index];
            out[i] = v == null ? null : v instanceof Timestamp ts ? ts.toInstant().toString() : v.toString();
        }
        return out;
    }

    private static Planned stop(JourneyStore.Occurrence o, String kind, Channel channel, String reason, String detail,
            String state, Instant now) {
        return new Planned(o, kind, channel, reason, detail, null, state, now, null, null);
    }
}
