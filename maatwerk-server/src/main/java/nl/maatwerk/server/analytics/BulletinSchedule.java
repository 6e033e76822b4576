package nl.maatwerk.server.analytics;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks every minute whether a bulletin is due; the state that makes it durable is in {@link BulletinStore}. */
@Component
@ConditionalOnProperty(name = {"maatwerk.background", "maatwerk.bulletin.schedule"}, havingValue = "true", matchIfMissing = true)
class BulletinSchedule {

    private static final Logger log = LoggerFactory.getLogger(BulletinSchedule.class);

    private final Bulletins bulletins;

    BulletinSchedule(Bulletins bulletins) {
        this.bulletins = bulletins;
    }

    @Scheduled(initialDelayString = "${maatwerk.bulletin.first-check:PT30S}", fixedDelayString = "PT1M")
    void tick() {
        try {
            bulletins.runDue(Instant.now());
        } catch (RuntimeException e) {
            log.warn("weekly bulletin not done yet, will retry in a minute: {}", e.toString());
        }
    }
}
