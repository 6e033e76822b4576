package nl.maatwerk.server.engage;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs due journey triggers and steps every minute, and the fallbacks whose status event was lost; their state is in
 * PostgreSQL, so a restart loses nothing.
 */
@Component
@ConditionalOnProperty(name = {"maatwerk.background", "maatwerk.journeys.schedule"}, havingValue = "true", matchIfMissing = true)
class JourneySchedule {

    private static final Logger log = LoggerFactory.getLogger(JourneySchedule.class);

    private final Journeys journeys;
    private final JourneyFallback fallback;

    JourneySchedule(Journeys journeys, JourneyFallback fallback) {
        this.journeys = journeys;
        this.fallback = fallback;
    }

    @Scheduled(initialDelayString = "${maatwerk.journeys.first-run:PT20S}", fixedDelayString = "${maatwerk.journeys.every:PT1M}")
    void tick() {
        try {
            Journeys.RunReport report = journeys.runDue(Instant.now());
            if (report.occurrencesCreated() > 0 || report.stepsTaken() > 0) {
                log.info("journeys: {} new occurrences, {} steps taken", report.occurrencesCreated(), report.stepsTaken());
            }
        } catch (RuntimeException e) {
            log.warn("journeys not run, will retry: {}", e.toString());
        }
        try {
            int missed = fallback.catchUp(Instant.now());
            if (missed > 0) {
                log.info("journeys: {} failed or cancelled messages handled late", missed);
            }
        } catch (RuntimeException e) {
            log.warn("failed messages not checked, will retry: {}", e.toString());
        }
    }
}
