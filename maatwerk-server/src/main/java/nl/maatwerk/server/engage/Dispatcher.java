package nl.maatwerk.server.engage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.server.privacy.ConsentService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due messages of one channel: claim a batch (committed as {@code sending} before any peer is called), then per
 * message check consent and the citizen's status right before sending, wait for the provider's token bucket, send
 * with the idempotency key, and record the answer. Temporary failures are retried with exponential backoff and
 * jitter, or after the peer's Retry-After; after {@code maxAttempts} they are permanent. Each status change commits
 * on its own and is then published as {@link MessageStatusChanged}.
 */
@Component
class Dispatcher {

    private final OutboxStore store;
    private final DeliveryProviders providers;
    private final ConsentService consent;
    private final DeliveryContacts contacts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final DeliverySettings settings;

    Dispatcher(OutboxStore store, DeliveryProviders providers, ConsentService consent, DeliveryContacts contacts,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, DeliverySettings settings) {
        this.store = store;
        this.providers = providers;
        this.consent = consent;
        this.contacts = contacts;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
    }

    /** Claims and sends one batch of the channel's messages due at {@code now}; returns how many were claimed. */
    int dispatchDue(Channel channel, Instant now) {
        DeliveryProvider provider = providers.forChannel(channel).filter(DeliveryProvider::ready).orElse(null);
        if (provider == null) {
            return 0;
        }
        List<QueuedMessage> claimed = transaction.execute(s -> store.claim(channel, provider.name(), now,
                settings.batchSize(), settings.lease()));
        for (QueuedMessage m : claimed) {
            publish(m, MessageStatus.SENDING, m.attempt() > 1 ? "attempt " + m.attempt() : null, now);
        }
        if (provider instanceof LetterProvider letters) {
            List<QueuedMessage> allowed = new ArrayList<>();
            for (QueuedMessage m : claimed) {
                if (!cancelIfNotAllowed(m, now)) {
                    allowed.add(m);
                }
            }
            if (!allowed.isEmpty()) {
                List<DeliveryOutcome> outcomes = letters.sendBatch(allowed, now);
                for (int i = 0; i < allowed.size(); i++) {
                    record(allowed.get(i), outcomes.get(i), now);
                }
            }
            return claimed.size();
        }
        TokenBucket bucket = providers.bucket(channel);
        for (QueuedMessage m : claimed) {
            if (cancelIfNotAllowed(m, now)) {
                continue;
            }
            bucket.take();
            DeliveryOutcome outcome;
            try {
                outcome = provider.send(m);
            } catch (RuntimeException e) {
                outcome = new DeliveryOutcome.Temporary(provider.name() + ": " + e, null);
            }
            record(m, outcome, now);
        }
        return claimed.size();
    }

    /** Cancels a message the citizen may no longer receive: moved out, deceased, or consent withdrawn / objected. */
    private boolean cancelIfNotAllowed(QueuedMessage m, Instant now) {
        String reason = null;
        if (!"resident".equals(m.citizenStatus())) {
            reason = "citizen " + m.citizenStatus().replace('_', ' ');
        } else if (!consent.mayContact(m.citizenId(), m.purpose(), m.channel())) {
            reason = "no consent for purpose " + m.purpose() + " on " + m.channel().code() + " (withdrawn or objected)";
        }
        if (reason == null) {
            return false;
        }
        String why = reason;
        if (Boolean.TRUE.equals(transaction.execute(s -> store.settle(m.id(), MessageStatus.CANCELLED, why, null, now)))) {
            publish(m, MessageStatus.CANCELLED, why, now);
        }
        return true;
    }

    private void record(QueuedMessage m, DeliveryOutcome outcome, Instant now) {
        if (outcome instanceof DeliveryOutcome.Accepted accepted) {
            boolean changed = Boolean.TRUE.equals(transaction.execute(s -> {
                boolean applied = store.accepted(m.id(), accepted.providerMessageId(), accepted.delivered(), now);
                if (applied) {
                    contacts.record(m, now);
                }
                return applied;
            }));
            if (changed && accepted.delivered()) {
                publish(m, MessageStatus.DELIVERED, null, now);
            }
        } else if (outcome instanceof DeliveryOutcome.Temporary temporary) {
            if (m.attempt() >= settings.maxAttempts()) {
                settle(m, MessageStatus.PERMANENT_FAILURE, "gave up after " + m.attempt() + " attempts: " + temporary.reason(),
                        null, now);
            } else {
                Duration wait = temporary.retryAfter() != null ? temporary.retryAfter() : backoff(m.attempt());
                settle(m, MessageStatus.TEMPORARY_FAILURE, temporary.reason(), now.plus(wait), now);
            }
        } else if (outcome instanceof DeliveryOutcome.Permanent permanent) {
            settle(m, MessageStatus.PERMANENT_FAILURE, permanent.reason(), null, now);
        }
    }

    private void settle(QueuedMessage m, MessageStatus status, String reason, Instant next, Instant now) {
        if (Boolean.TRUE.equals(transaction.execute(s -> store.settle(m.id(), status, reason, next, now)))) {
            publish(m, status, reason, now);
        }
    }

    /** base × 2^(attempt−1), at most the maximum, then "equal jitter": half fixed, half random. */
    Duration backoff(int attempt) {
        long base = settings.backoffBase().toMillis();
        long max = settings.backoffMax().toMillis();
        long exp = attempt >= 31 ? max : Math.min(max, base << Math.max(0, attempt - 1));
        return Duration.ofMillis(exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1));
    }

    void publish(QueuedMessage m, MessageStatus status, String reason, Instant at) {
        events.publishEvent(new MessageStatusChanged(m.id(), m.idempotencyKey(), m.citizenId(), m.journeyKey(), m.channel(),
                status, reason, at));
    }
}
