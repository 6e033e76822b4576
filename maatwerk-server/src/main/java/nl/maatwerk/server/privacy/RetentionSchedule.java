package nl.maatwerk.server.privacy;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link Retention} every night at 03:15 Dutch time; a missed night is caught up by the next. */
@Component
@ConditionalOnProperty(name = {"maatwerk.background", "maatwerk.retention.schedule"}, havingValue = "true", matchIfMissing = true)
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final Retention retention;

    RetentionSchedule(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${maatwerk.retention.cron:0 15 3 * * *}", zone = "Europe/Amsterdam")
    void nightly() {
        try {
            retention.run(Instant.now(), false);
        } catch (RuntimeException e) {
            log.warn("retention run failed, will try again tomorrow: {}", e.toString());
        }
    }
}
