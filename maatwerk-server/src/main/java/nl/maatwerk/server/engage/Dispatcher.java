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
 * message check consent and the citizen's status right before sending, wait for the provider's token bucket and send
 * with the idempotency key; the batch's answers are recorded together. Temporary failures are retried with exponential backoff and
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
        TokenBucket bucket = providers.bucket(channel);
        // a batch must be sent well within its lease, or another dispatcher would take it over
        int limit = (int) Math.max(1, Math.min(settings.batchSize(), bucket.ratePerSecond() * settings.lease().toSeconds() / 2));
        List<QueuedMessage> claimed = transaction.execute(s -> store.claim(channel, provider.name(), now, limit,
                settings.lease()));
        for (QueuedMessage m : claimed) {
            publish(m, MessageStatus.SENDING, m.attempt() > 1 ? "attempt " + m.attempt() : null, now);
        }
        List<QueuedMessage> sent = new ArrayList<>(claimed.size());
        List<Object> outcomes = new ArrayList<>(claimed.size());
        if (provider instanceof LetterProvider letters) {
            List<QueuedMessage> allowed = new ArrayList<>();
            for (QueuedMessage m : claimed) {
                String refusal = refusal(m);
                if (refusal == null) {
                    allowed.add(m);
                } else {
                    sent.add(m);
                    outcomes.add(new Cancelled(refusal));
                }
            }
            if (!allowed.isEmpty()) {
                sent.addAll(allowed);
                outcomes.addAll(letters.sendBatch(allowed, now));
            }
        } else {
            for (QueuedMessage m : claimed) {
                String refusal = refusal(m);
                sent.add(m);
                if (refusal != null) {
                    outcomes.add(new Cancelled(refusal));
                    continue;
                }
                bucket.take();
                try {
                    outcomes.add(provider.send(m));
                } catch (RuntimeException e) {
                    outcomes.add(new DeliveryOutcome.Temporary(provider.name() + ": " + e, null));
                }
            }
        }
        record(sent, outcomes, now);
        return claimed.size();
    }

    /** Why the citizen may no longer receive this message (moved out, deceased, no consent), or null. */
    private String refusal(QueuedMessage m) {
        if (m.citizenStatus() == null) {
            return "citizen no longer registered";
        }
        if (!"resident".equals(m.citizenStatus())) {
            return "citizen " + m.citizenStatus().replace('_', ' ');
        }
        if (!consent.mayContact(m.citizenId(), m.purpose(), m.channel())) {
            return "no consent for purpose " + m.purpose() + " on " + m.channel().code() + " (withdrawn or objected)";
        }
        return null;
    }

    /** Not sent: the citizen may not receive it (any more). */
    private record Cancelled(String reason) {
    }

    /**
     * Records a batch's answers in one transaction (one commit per batch, not per message), with the outbound contacts
     * of the accepted ones; then publishes the changes. A crash before this commit leaves the batch in {@code sending}:
     * it is sent again after the lease, and the peers recognise the idempotency keys.
     */
    private void record(List<QueuedMessage> messages, List<?> outcomes, Instant now) {
        List<MessageStatusChanged> changes = transaction.execute(s -> {
            List<MessageStatusChanged> changed = new ArrayList<>();
            List<QueuedMessage> accepted = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                QueuedMessage m = messages.get(i);
                Object outcome = outcomes.get(i);
                if (outcome instanceof DeliveryOutcome.Accepted a) {
                    if (store.accepted(m.id(), a.providerMessageId(), a.delivered(), now)) {
                        accepted.add(m);
                        if (a.delivered()) {
                            changed.add(event(m, MessageStatus.DELIVERED, null, now));
                        }
                    } else if (store.acceptedAfterCallback(m.id(), a.providerMessageId(), now)) {
                        accepted.add(m);
                    }
                } else if (outcome instanceof Cancelled c) {
                    settle(m, MessageStatus.CANCELLED, c.reason(), null, now, changed);
                } else if (outcome instanceof DeliveryOutcome.Temporary t) {
                    if (m.attempt() >= settings.maxAttempts()) {
                        settle(m, MessageStatus.PERMANENT_FAILURE, "gave up after " + m.attempt() + " attempts: " + t.reason(),
                                null, now, changed);
                    } else {
                        Duration wait = t.retryAfter() != null ? t.retryAfter() : backoff(m.attempt());
                        settle(m, MessageStatus.TEMPORARY_FAILURE, t.reason(), now.plus(wait), now, changed);
                    }
                } else if (outcome instanceof DeliveryOutcome.Permanent p) {
                    settle(m, MessageStatus.PERMANENT_FAILURE, p.reason(), null, now, changed);
                }
            }
            contacts.record(accepted, now);
            return changed;
        });
        changes.forEach(events::publishEvent);
    }

    private void settle(QueuedMessage m, MessageStatus status, String reason, Instant next, Instant now,
            List<MessageStatusChanged> changed) {
        if (store.settle(m.id(), status, reason, next, now)) {
            changed.add(event(m, status, reason, now));
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
        events.publishEvent(event(m, status, reason, at));
    }

    private static MessageStatusChanged event(QueuedMessage m, MessageStatus status, String reason, Instant at) {
        return new MessageStatusChanged(m.id(), m.idempotencyKey(), m.citizenId(), m.journeyKey(), m.channel(), status,
                reason, at);
    }
}
