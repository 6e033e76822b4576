package nl.maatwerk.server.engage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A send step of many occurrences at once, for the bulk path ({@link JourneyBatch}): reads what the decisions need in
 * bulk, decides each occurrence as {@link JourneyRunner#send} would (status, needing help, channel order, consent
 * now, quiet hours, the cap, missing values; a citizen with any consent or objection event is asked through
 * {@link ConsentService}, everyone else gets the purpose's default), and records the decisions, the tasks and
 * {@link Outbox#enqueueAll} with COPY. Where each occurrence stands after its decision is {@link #after}; the caller
 * writes that.
 */
@Component
class SendDecisions {

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
    private final JdbcTemplate jdbc;
    private final String municipality;
    private final String publicUrl;

    SendDecisions(JourneyStore store, JourneyRunner runner, TaskStore tasks, DigitalAddresses addresses, ConsentService consent,
            PurposeRegister purposes, ObjectProvider<Outbox> outbox, ObjectProvider<ChannelChooser> chooser,
            JdbcTemplate jdbc, @Value("${maatwerk.journeys.municipality:gemeente Amsterdam}") String municipality,
            @Value("${maatwerk.public-url:http://localhost:8080}") String publicUrl) {
        this.store = store;
        this.runner = runner;
        this.tasks = tasks;
        this.addresses = addresses;
        this.consent = consent;
        this.purposes = purposes;
        this.outbox = outbox;
        this.chooser = chooser;
        this.jdbc = jdbc;
        this.municipality = municipality;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** One planned message, or the decision that stands in for it. */
    record Planned(JourneyStore.Occurrence occurrence, String kind, Channel channel, String reason, String detail,
            Instant notBefore, String state, Instant dueAt, OutgoingMessage message) {

        boolean sent() {
            return kind.equals("send");
        }
    }

    /** Where an occurrence stands after a decision of step {@code step}, and the wait the send started (or null). */
    record After(String state, int step, Instant dueAt, JourneyDefinition.Wait started) {
    }

    /** One row of {@code journey_decision}. */
    private record DecisionRow(JourneyStore.Occurrence occurrence, int step, String kind, Channel channel, String reason,
            String detail, String messageKey, Instant notBefore) {
    }

    /**
     * After a send, as the one-by-one path goes on in the same transaction: the journey ends, or a wait right after the
     * send starts now, or the next step is due now (the scheduler's); any other decision leaves the occurrence at its step.
     */
    static After after(JourneyDefinition d, int step, Planned p, Instant now) {
        if (!p.sent()) {
            return new After(p.state(), step, p.dueAt(), null);
        }
        int next = step + 1;
        if (next >= d.steps().size()) {
            return new After("done", next, now, null);
        }
        if (d.steps().get(next) instanceof JourneyDefinition.Wait w && w.days() > 0) {
            return new After("active", next + 1, now.plus(w.days(), ChronoUnit.DAYS), w);
        }
        return new After("active", next, now, null);
    }

    /** Writes the decisions (with the wait a send starts), the tasks and the messages of step {@code step}; {sent, other}. */
    int[] record(JourneyDefinition d, int step, JourneyDefinition.Send send, List<Planned> plans, Instant now) {
        List<DecisionRow> decisions = new ArrayList<>(plans.size() * 2);
        for (Planned p : plans) {
            decisions.add(new DecisionRow(p.occurrence(), step, p.kind(), p.channel(), p.reason(), p.detail(),
                    p.message() == null ? null : p.message().idempotencyKey(), p.notBefore()));
            After a = after(d, step, p, now);
            if (a.started() != null) {
                decisions.add(new DecisionRow(p.occurrence(), step + 1, "wait", null,
                        "wait_" + a.started().days() + "_days", null, null, a.dueAt()));
            }
        }
        jdbc.execute((ConnectionCallback<Long>) connection -> BinaryCopyRows.copy(connection, DECISION_COLUMNS, decisions,
                (x, row) -> {
                    JourneyStore.Occurrence o = x.occurrence();
                    row.bigint(o.id()).text(o.journeyKey()).uuid(o.citizenId()).integer(x.step()).text(x.kind())
                            .text(x.channel() == null ? null : x.channel().code()).text(x.reason()).text(x.detail())
                            .text(x.messageKey()).timestamp(x.notBefore()).timestamp(now);
                }));
        String action = send.templates().has(Channel.LETTER) ? "letter" : "call";
        // a later step's task shows what was sent before (a first step has nothing before it)
        List<TaskStore.NewTask> escalated = plans.stream().filter(p -> p.kind().equals("escalated"))
                .map(p -> new TaskStore.NewTask(p.occurrence().citizenId(), d.key(), p.occurrence().id(), step,
                        p.reason().equals("no_channel") ? "call" : action, p.reason(), runner.taskContext(d, p.occurrence(),
                                p.reason(), step == 0 ? List.of() : store.decisions(p.occurrence().id())).toString()))
                .toList();
        if (!escalated.isEmpty()) {
            tasks.addAll(escalated, now);
        }
        List<OutgoingMessage> messages = plans.stream().map(Planned::message).filter(m -> m != null).toList();
        Outbox queue = outbox.getIfAvailable();
        if (queue != null && !messages.isEmpty()) {
            queue.enqueueAll(messages);
        }
        return new int[] {messages.size(), plans.size() - messages.size()};
    }

    /** A send step for occurrences, with everything the decisions read loaded for all of them at once. */
    List<Planned> decide(JourneyDefinition d, int step, JourneyDefinition.Send send, List<JourneyStore.Occurrence> mine,
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
        store.lockCitizens(citizens);   // the frequency cap: what the one-by-one path and other chunks queue counts too
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
                continue;   // erased meanwhile (its foreign key would refuse a new occurrence; an old one goes with it)
            }
            List<Instant> before = planned.computeIfAbsent(o.citizenId(), c -> new ArrayList<>());
            Planned p = plan(d, step, send, o, register.get(o.citizenId()), address.get(o.citizenId()),
                    withEvents.contains(o.citizenId()), defaultAllowed, defaultChooser ? null : configured, before, now, today);
            if (p.message() != null) {
                before.add(p.notBefore());   // a second occurrence of the same citizen in this chunk sees this one
            }
            plans.add(p);
        }
        return plans;
    }

    private Planned plan(JourneyDefinition d, int step, JourneyDefinition.Send send, JourneyStore.Occurrence o, String[] reg,
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
                send.link() == null ? null : publicUrl + "/r/" + TrackedLinks.token(o.id(), step, o.linkSecret()));
        List<String> missing = JourneyMessages.missing(send.templates(), channel, values);
        if (!missing.isEmpty()) {
            return stop(o, "blocked", channel, "missing_values", "not sent: no value for " + String.join(", ", missing)
                    + " (a message never goes out with an empty hole)", "stopped", now);
        }
        Object body;
        try {
            body = JourneyMessages.render(send.templates(), channel, values, channel == Channel.LETTER
                    ? letterAddress(reg[1], reg[2]) : null, today);
        } catch (MissingPlaceholders e) {
            return stop(o, "blocked", channel, "missing_values", "not sent: no value for " + String.join(", ", e.names()),
                    "stopped", now);
        } catch (ChannelLimitExceeded | IllegalArgumentException | NullPointerException e) {
            return stop(o, "blocked", channel, "render_failed", String.valueOf(e.getMessage()), "stopped", now);
        }
        String key = JourneyRunner.messageKey(o, step, channel);
        OutgoingMessage message = new OutgoingMessage(key, o.citizenId(), d.key(), channel, d.purpose(),
                channel == Channel.LETTER ? null : address.addressFor(channel), body, notBefore);
        return new Planned(o, "send", channel, "preferred_or_first_allowed", JourneyRunner.describe(choice.refused()),
                notBefore, "active", now, message);
    }

    private List<String> letterAddress(String postcode, String houseNumber) {
        if (postcode == null || houseNumber == null) {
            throw new IllegalArgumentException(JourneyRunner.NO_POSTAL_ADDRESS);
        }
        return JourneyMessages.postalAddress(postcode, Integer.parseInt(houseNumber), municipality.replaceFirst("(?i)^gemeente ", ""));
    }

    private static Planned stop(JourneyStore.Occurrence o, String kind, Channel channel, String reason, String detail,
            String state, Instant now) {
        return new Planned(o, kind, channel, reason, detail, null, state, now, null);
    }
}
