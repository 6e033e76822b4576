package nl.maatwerk.server.engage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.ChannelLimitExceeded;
import nl.maatwerk.core.template.MissingPlaceholders;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.privacy.ConsentService;
import nl.maatwerk.server.profile.DigitalAddress;
import nl.maatwerk.server.profile.DigitalAddresses;
import nl.maatwerk.server.segment.Segments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs journeys: finds trigger occurrences and walks each due occurrence through its steps. Each step of each
 * occurrence is one transaction that locks the occurrence row (skip locked), takes the decision, writes it, queues
 * the message in the {@link Outbox} and moves the occurrence on; so a crash or a retry repeats a step whole or not
 * at all, and a second worker never takes the same step.
 */
@Component
class JourneyRunner {

    private static final Logger log = LoggerFactory.getLogger(JourneyRunner.class);
    private static final int MAX_STEPS_PER_RUN = 50;

    private final JourneyStore store;
    private final TaskStore tasks;
    private final JourneyReader reader;
    private final TriggerScan scan;
    private final ChannelChooser chooser;
    private final ConsentService consent;
    private final DigitalAddresses addresses;
    private final Segments segments;
    private final ObjectProvider<Outbox> outbox;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final QuietHours quietHours = QuietHours.standard();
    private final FrequencyCap cap;
    private final String municipality;
    private final String publicUrl;
    private final Map<String, JourneyDefinition> definitions = new ConcurrentHashMap<>();

    JourneyRunner(JourneyStore store, TaskStore tasks, JourneyReader reader, TriggerScan scan, ChannelChooser chooser,
            ConsentService consent, DigitalAddresses addresses, Segments segments, ObjectProvider<Outbox> outbox,
            TransactionTemplate transaction, JdbcTemplate jdbc, ObjectMapper json,
            @Value("${maatwerk.journeys.cap.max:2}") int capMax, @Value("${maatwerk.journeys.cap.days:7}") int capDays,
            @Value("${maatwerk.journeys.municipality:gemeente Amsterdam}") String municipality,
            @Value("${maatwerk.public-url:http://localhost:8080}") String publicUrl) {
        this.store = store;
        this.tasks = tasks;
        this.reader = reader;
        this.scan = scan;
        this.chooser = chooser;
        this.consent = consent;
        this.addresses = addresses;
        this.segments = segments;
        this.outbox = outbox;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.json = json;
        this.cap = new FrequencyCap(capMax, Duration.ofDays(capDays));
        this.municipality = municipality;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    FrequencyCap cap() {
        return cap;
    }

    QuietHours quietHours() {
        return quietHours;
    }

    /** Finds new occurrences of one journey at {@code now}; returns how many were new. */
    int trigger(JourneyStore.Row row, Instant now) {
        if (store.findForShare(row.key()).isEmpty()) {
            return 0;   // deleted meanwhile; the share lock keeps it from being deleted while occurrences are added
        }
        JourneyDefinition d = definition(row);
        String segment = segmentOf(d);
        int created = 0;
        for (TriggerScan.Candidate c : candidates(d, now)) {
            if (store.insertOccurrence(row.key(), c.citizenId(), c.occurrence(), write(c.values()), segment, now)) {
                created++;
            }
        }
        return created;
    }

    /** The segment a journey's occurrences are counted under in its stats: its audience, or its trigger's segment. */
    static String segmentOf(JourneyDefinition d) {
        return d.audience().segment() != null ? d.audience().segment() : d.trigger().segment();
    }

    /** The trigger's occurrences at {@code now} that are in the journey's audience. */
    List<TriggerScan.Candidate> candidates(JourneyDefinition d, Instant now) {
        List<TriggerScan.Candidate> found;
        if (d.trigger().type() == TriggerType.CAMPAIGN) {
            Instant round = TriggerScan.campaignRound(d.trigger(), now);
            found = round == null ? List.of() : members(d.trigger().segment()).stream()
                    .map(id -> new TriggerScan.Candidate(id, "round-" + LocalDate.ofInstant(round, TriggerScan.ZONE), Map.of()))
                    .toList();
        } else {
            found = scan.find(d.trigger(), now);
        }
        if (d.audience().segment() == null) {
            return found;
        }
        Set<UUID> audience = new HashSet<>(members(d.audience().segment()));
        return found.stream().filter(c -> audience.contains(c.citizenId())).toList();
    }

    private List<UUID> members(String segment) {
        List<UUID> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Segments.MemberPage p = segments.members(segment, page, 1000);
            all.addAll(p.members());
            if ((long) (page + 1) * 1000 >= p.total()) {
                return all;
            }
        }
    }

    /** Takes the due steps of one occurrence, in the caller's transaction; false when it was not due or is taken. */
    boolean advance(long occurrenceId, Instant now, boolean dryRun) {
        JourneyStore.Occurrence o = store.lockDue(occurrenceId, now).orElse(null);
        if (o == null) {
            return false;
        }
        JourneyStore.Row row = store.findForShare(o.journeyKey()).orElse(null);
        if (row == null || !(row.enabled() || dryRun)) {
            return false;
        }
        JourneyDefinition d = definition(row);
        int step = o.step();
        int attempt = o.attempt();
        for (int i = 0; i < MAX_STEPS_PER_RUN; i++) {
            if (step >= d.steps().size() || step < 0) {
                store.moveTo(o.id(), "done", step, 0, now);   // the state says it ended: no decision row for that
                return true;
            }
            JourneyDefinition.Step s = d.steps().get(step);
            if (s instanceof JourneyDefinition.Send send) {
                Outcome r = send(d, o, step, send, Set.of(), now);
                if (r.state() != null) {
                    store.moveTo(o.id(), r.state(), step, attempt, r.dueAt());
                    return true;
                }
                step++;
                attempt = 0;
            } else if (s instanceof JourneyDefinition.Wait wait) {
                step++;
                if (wait.days() > 0) {
                    Instant due = now.plus(wait.days(), ChronoUnit.DAYS);
                    store.decide(o, step - 1, "wait", null, "wait_" + wait.days() + "_days", null, null, due, now);
                    store.moveTo(o.id(), "active", step, 0, due);
                    return true;
                }
            } else if (s instanceof JourneyDefinition.Branch branch) {
                String outcome = branch.condition().startsWith("outcome:") ? branch.condition().substring(8) : null;
                if (store.responded(o.id(), outcome)) {
                    store.decide(o, step, "branch", null, branch.condition(), "to " + branch.then(), null, null, now);
                    step = branch.then().equals("end") ? d.steps().size() : d.indexOf(branch.then());
                } else {
                    step++;
                }
            } else if (s instanceof JourneyDefinition.Escalate escalate) {
                if (escalate.onlyWithoutResponse() && store.responded(o.id(), null)) {
                    store.decide(o, step, "skip", null, "responded", "no task: the citizen responded", null, null, now);
                } else {
                    escalate(d, o, step, escalate.action(), escalate.reason(), now);
                }
                step++;
            }
        }
        store.decide(o, step, "stopped", null, "loop", "more than " + MAX_STEPS_PER_RUN + " steps in one run", null, null, now);
        store.moveTo(o.id(), "stopped", step, 0, now);
        return true;
    }

    /** What a send step did: state null means go on to the next step; else the occurrence's new state and due time. */
    record Outcome(String state, Instant dueAt) {
        static final Outcome NEXT = new Outcome(null, null);
    }

    /**
     * Decides and queues one message. {@code exclude} holds channels that failed before (fallback after a permanent
     * failure). Writes exactly one decision.
     */
    Outcome send(JourneyDefinition d, JourneyStore.Occurrence o, int step, JourneyDefinition.Send send,
            Set<Channel> exclude, Instant now) {
        store.lockCitizen(o.citizenId());
        String status = store.citizenStatus(o.citizenId());
        if (!"resident".equals(status)) {
            store.decide(o, step, "skip", null, status == null ? "unknown_citizen" : status,
                    "no messages to citizens who moved out or died", null, null, now);
            return new Outcome("stopped", now);
        }
        DigitalAddress address = addresses.find(o.citizenId()).orElse(null);
        String help = needsHelp(d, o.citizenId(), address, send);
        if (help != null && exclude.isEmpty()) {
            escalate(d, o, step, send.templates().has(Channel.LETTER) ? "letter" : "call", help, now);
            return new Outcome("done", now);
        }
        ChannelChooser.Choice choice = chooser.choose(new ChannelChooser.Request(o.citizenId(), d.purpose(),
                send.channels(), exclude, address));
        if (choice.usable().isEmpty()) {
            String refusals = describe(choice.refused());
            boolean noConsent = !choice.refused().isEmpty()
                    && choice.refused().stream().allMatch(r -> r.reason().equals("no_consent") || r.reason().equals("failed_before"))
                    && choice.refused().stream().anyMatch(r -> r.reason().equals("no_consent"));
            if (noConsent) {
                store.decide(o, step, "skip", null, "no_consent", refusals, null, null, now);
                return new Outcome("stopped", now);
            }
            escalate(d, o, step, "call", exclude.isEmpty() ? "no_channel" : "all_channels_failed", now);
            return new Outcome("done", now);
        }
        Channel channel = choice.usable().get(0);
        Instant notBefore = quietHours.notBefore(channel, now);
        // a fallback replaces a message that never arrived, so it is not held back by the cap
        Instant allowed = !exclude.isEmpty() ? notBefore
                : cap.earliest(notBefore, store.sendsSince(o.citizenId(), notBefore.minus(cap.window())));
        if (allowed.isAfter(notBefore)) {
            store.decide(o, step, "deferred", channel.code(), "frequency_cap",
                    "at most " + cap.max() + " messages per " + cap.window().toDays() + " days", null, allowed, now);
            return new Outcome("active", allowed);
        }
        String link = null;
        if (send.link() != null) {
            link = publicUrl + "/r/" + TrackedLinks.token(o.id(), step, o.linkSecret());
        }
        LocalDate today = LocalDate.ofInstant(now, TriggerScan.ZONE);
        Map<String, Object> values = JourneyValues.of(read(o.triggerValues()), today, municipality, link);
        List<String> missing = JourneyMessages.missing(send.templates(), channel, values);
        if (!missing.isEmpty()) {
            store.decide(o, step, "blocked", channel.code(), "missing_values", "not sent: no value for "
                    + String.join(", ", missing) + " (a message never goes out with an empty hole)", null, null, now);
            return new Outcome("stopped", now);
        }
        Object body;
        try {
            body = JourneyMessages.render(send.templates(), channel, values, channel == Channel.LETTER ? letterAddress(o.citizenId()) : null, today);
        } catch (MissingPlaceholders e) {
            store.decide(o, step, "blocked", channel.code(), "missing_values", "not sent: no value for "
                    + String.join(", ", e.names()), null, null, now);
            return new Outcome("stopped", now);
        } catch (ChannelLimitExceeded | IllegalArgumentException e) {
            store.decide(o, step, "blocked", channel.code(), "render_failed", e.getMessage(), null, null, now);
            return new Outcome("stopped", now);
        }
        String key = messageKey(o, step, channel);
        OutgoingMessage message = new OutgoingMessage(key, o.citizenId(), d.key(), channel, d.purpose(),
                channel == Channel.LETTER ? null : address.addressFor(channel), body, notBefore);
        store.decide(o, step, "send", channel.code(), exclude.isEmpty() ? "preferred_or_first_allowed" : "fallback",
                describe(choice.refused()), key, notBefore, now);
        Outbox queue = outbox.getIfAvailable();
        if (queue != null) {
            queue.enqueue(message);
        } else {
            log.debug("no outbox configured; decision {} recorded without queuing", key);
        }
        return Outcome.NEXT;
    }

    /** Why this citizen should hear from a person instead of a message, or null. */
    private String needsHelp(JourneyDefinition d, UUID citizenId, DigitalAddress address, JourneyDefinition.Send send) {
        if (d.audience().needsHelpAttribute() != null && store.attributeTrue(citizenId, d.audience().needsHelpAttribute())) {
            return "needs_help:" + d.audience().needsHelpAttribute();
        }
        boolean wantsLetter = address != null && address.preferredChannel() == Channel.LETTER;
        if (wantsLetter && send.channels().contains(Channel.LETTER)) {
            return null;
        }
        if (consent.isDigitalContactObjected(citizenId)) {
            return send.channels().contains(Channel.LETTER) ? null : "needs_help:objects_to_digital_contact";
        }
        boolean anyDigital = address != null && send.channels().stream()
                .anyMatch(c -> c.digital() && address.addressFor(c) != null);
        return anyDigital ? null : "needs_help:no_digital_address";
    }

    void escalate(JourneyDefinition d, JourneyStore.Occurrence o, int step, String action, String reason, Instant now) {
        escalateTaskOnly(d, o, step, action, reason, now);
        store.decide(o, step, "escalated", null, reason, "task: " + action, null, null, now);
    }

    /** The contact-centre task with the citizen's context (why, which journey, what was sent); no decision. */
    void escalateTaskOnly(JourneyDefinition d, JourneyStore.Occurrence o, int step, String action, String reason, Instant now) {
        tasks.add(o.citizenId(), d.key(), o.id(), step, action, reason,
                taskContext(d, o, reason, store.decisions(o.id())).toString(), now);
    }

    /** What a task tells the contact centre: why, which journey, what the trigger knew, what was sent before. */
    ObjectNode taskContext(JourneyDefinition d, JourneyStore.Occurrence o, String reason, List<JourneyStore.Decision> before) {
        ObjectNode context = json.createObjectNode();
        context.put("journey", d.name());
        context.put("journeyKey", d.key());
        context.put("why", reason);
        context.set("trigger", read(o.triggerValues()));
        var sent = context.putArray("sent");
        for (JourneyStore.Decision x : before) {
            if (x.kind().equals("send") || x.kind().equals("failed") || x.kind().equals("cancelled")) {
                sent.addObject().put("kind", x.kind()).put("channel", x.channel()).put("at", x.decidedAt().toString())
                        .put("reason", x.reason());
            }
        }
        return context;
    }

    /** Channels tried for this step before (sent or failed), for the fallback. */
    Set<Channel> tried(long occurrenceId, int step) {
        Set<Channel> tried = new HashSet<>();
        for (JourneyStore.Decision x : store.decisions(occurrenceId)) {
            if (x.step() == step && x.channel() != null && (x.kind().equals("send") || x.kind().equals("failed"))) {
                nl.maatwerk.core.model.Codes.find(Channel.class, x.channel()).ifPresent(tried::add);
            }
        }
        return tried;
    }

    JourneyDefinition definition(JourneyStore.Row row) {
        return definitions.computeIfAbsent(row.key() + "@" + row.version() + "@" + row.updatedAt(), k -> {
            try {
                return reader.read(json.readTree(row.definition()));
            } catch (ApiProblem e) {
                throw new IllegalStateException("journey " + row.key() + " no longer checks: " + e.getMessage()
                        + " " + e.errors(), e);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    void forget(String key) {
        definitions.keySet().removeIf(k -> k.startsWith(key + "@"));
    }

    static String messageKey(JourneyStore.Occurrence o, int step, Channel channel) {
        return "journey:" + o.journeyKey() + ":" + o.id() + ":" + step + ":" + channel.code();
    }

    static final String NO_POSTAL_ADDRESS = "no postal address on file for the letter";

    private List<String> letterAddress(UUID citizenId) {
        return jdbc.query("select postcode, house_number from citizen where id = ?", rs -> {
            if (!rs.next() || rs.getString(1) == null || rs.getObject(2) == null) {
                throw new IllegalArgumentException(NO_POSTAL_ADDRESS);
            }
            return JourneyMessages.postalAddress(rs.getString(1), rs.getInt(2), municipality.replaceFirst("(?i)^gemeente ", ""));
        }, citizenId);
    }

    static String describe(List<ChannelChooser.Refusal> refused) {
        if (refused.isEmpty()) {
            return null;
        }
        return String.join(", ", refused.stream().map(r -> r.channel().code() + ": " + r.reason()).toList());
    }

    JsonNode read(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    TransactionTemplate transaction() {
        return transaction;
    }
}
