package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message a provider accepted but never reported on (its callback lost, the provider broken) would stay
 * {@code sending} for ever. After {@code maatwerk.delivery.report-timeout} it becomes {@code temporary_failure} with
 * the reason, as GOV.UK Notify does after 72 hours: not known to be delivered, and not sent again (the provider may
 * well have delivered it). A journey that waits for a reaction still escalates to a person as it would otherwise.
 */
@Component
class DeliveryReportTimeout {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReportTimeout.class);
    private static final int BATCH = 1_000;

    private final OutboxStore store;
    private final DeliverySettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    DeliveryReportTimeout(OutboxStore store, DeliverySettings settings, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.settings = settings;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Gives up on every report overdue at {@code now}; returns how many. */
    int giveUpOverdue(Instant now) {
        String reason = "no delivery report within " + settings.reportTimeout().toHours() + " hours of the provider's acceptance";
        int total = 0;
        List<MessageStatusChanged> changed;
        do {
            changed = transaction.execute(s -> store.giveUpReports(now.minus(settings.reportTimeout()), reason, now, BATCH));
            changed.forEach(events::publishEvent);
            total += changed.size();
        } while (changed.size() == BATCH);
        return total;
    }

    /** The schedule; off in one-shot commands and without dispatchers. */
    @Component
    @ConditionalOnProperty(name = {"maatwerk.background", "maatwerk.delivery.dispatch"}, havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final DeliveryReportTimeout timeout;

        Schedule(DeliveryReportTimeout timeout) {
            this.timeout = timeout;
        }

        @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${maatwerk.delivery.report-check:PT10M}")
        void tick() {
            try {
                int overdue = timeout.giveUpOverdue(Instant.now());
                if (overdue > 0) {
                    log.info("{} messages had no delivery report in time: temporary_failure", overdue);
                }
            } catch (RuntimeException e) {
                log.warn("overdue delivery reports not checked, will retry: {}", e.toString());
            }
        }
    }
}
