package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.Set;
import nl.maatwerk.core.model.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to the outbox: every status is kept for the stats; a permanent failure of a journey's message sends the
 * same step again on the next allowed channel (rendered with that channel's template), and when none is left the
 * contact centre gets a task; a cancellation (consent withdrawn before sending) is recorded with its reason.
 */
@Component
class JourneyFallback {

    private static final Logger log = LoggerFactory.getLogger(JourneyFallback.class);

    private final JourneyStore store;
    private final JourneyRunner runner;

    JourneyFallback(JourneyStore store, JourneyRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    @EventListener
    void on(MessageStatusChanged event) {
        if (event.journeyKey() == null) {
            return;
        }
        try {
            runner.transaction().executeWithoutResult(s -> handle(event, Instant.now()));
        } catch (RuntimeException e) {
            // the dispatcher publishes this after its own commit; a journey problem must not stop delivery
            log.warn("journey {}: status {} of {} not handled: {}", event.journeyKey(), event.status(),
                    event.idempotencyKey(), e.toString());
        }
    }

    /**
     * Handles the failures and cancellations whose event never reached {@link #on} (published after the status
     * committed, so a crash in between loses it) or whose handling failed: settled over a minute before {@code now}
     * and not recorded for the journey. Returns how many it handled.
     */
    int catchUp(Instant now) {
        int handled = 0;
        for (MessageStatusChanged missed : store.unhandledEnds(now.minusSeconds(60), 1_000)) {
            on(missed);
            handled++;
        }
        return handled;
    }

    void handle(MessageStatusChanged event, Instant now) {
        store.messageStatus(event.idempotencyKey(), event.status().name(), event.reason(), event.at());
        if (event.status() != MessageStatus.PERMANENT_FAILURE && event.status() != MessageStatus.CANCELLED) {
            return;
        }
        JourneyStore.Decision sent = store.decisionByMessage(event.idempotencyKey()).orElse(null);
        if (sent == null) {
            return;
        }
        JourneyStore.Occurrence o = store.lock(sent.occurrenceId()).orElse(null);
        if (o == null) {
            return;
        }
        String channel = event.channel() == null ? sent.channel() : event.channel().code();
        String kind = event.status() == MessageStatus.CANCELLED ? "cancelled" : "failed";
        boolean handled = store.decisions(o.id()).stream().anyMatch(d -> d.kind().equals(kind)
                && d.step() == sent.step() && channel.equals(d.channel()));
        if (handled) {
            return;   // the same end reported twice (the event and the catch-up, two servers)
        }
        if (event.status() == MessageStatus.CANCELLED) {
            store.decide(o, sent.step(), "cancelled", channel, "cancelled_before_sending", event.reason(), null, null, now);
            return;
        }
        store.decide(o, sent.step(), "failed", channel, "permanent_failure", event.reason(), null, null, now);
        JourneyStore.Row row = store.find(o.journeyKey()).orElse(null);
        if (row == null) {
            return;
        }
        JourneyDefinition d = runner.definition(row);
        if (sent.step() >= d.steps().size() || !(d.steps().get(sent.step()) instanceof JourneyDefinition.Send send)) {
            return;   // the journey was changed since: no step to fall back in
        }
        Set<Channel> tried = runner.tried(o.id(), sent.step());
        if (!row.enabled()) {
            store.decide(o, sent.step(), "stopped", null, "kill_switch", "no fallback: the journey is switched off", null, null, now);
            return;
        }
        runner.send(d, o, sent.step(), send, tried, now);
    }
}
