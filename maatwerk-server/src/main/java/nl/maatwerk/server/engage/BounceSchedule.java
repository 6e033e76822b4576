package nl.maatwerk.server.engage;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the bounce mailbox every {@code maatwerk.delivery.email.bounces.poll-interval} on one thread; with no bounce
 * host configured it says so once and reads nothing. Off where the dispatchers are off.
 */
@Component
@ConditionalOnProperty(name = {"maatwerk.background", "maatwerk.delivery.dispatch"}, havingValue = "true", matchIfMissing = true)
class BounceSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BounceSchedule.class);

    private final BounceMailbox mailbox;
    private final DeliverySettings.Bounces settings;
    private Thread thread;
    private volatile boolean running;

    BounceSchedule(BounceMailbox mailbox, DeliverySettings settings) {
        this.mailbox = mailbox;
        this.settings = settings.email().bounces();
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!mailbox.configured()) {
            log.info("no bounce mailbox configured (maatwerk.delivery.email.bounces.host): SMTP bounces are not read,"
                    + " an e-mail the relay accepted stays delivered");
            return;
        }
        thread = new Thread(this::loop, "bounce-mailbox");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long poll = settings.pollInterval().toMillis();
        long failing = 0;
        while (running) {
            try {
                BounceMailbox.Round round = mailbox.readOnce(Instant.now());
                if (round.read() > 0) {
                    log.info("bounce mailbox: {} read, {} bounced, {} for no message of ours, {} left for a person",
                            round.read(), round.bounced(), round.unmatched(), round.left());
                }
                failing = 0;
                if (round.read() == BounceMailbox.MAX_PER_ROUND) {
                    continue;   // more waiting
                }
            } catch (Exception e) {
                failing = Math.min(30 * poll, Math.max(failing * 2, poll));
                log.warn("bounce mailbox {}:{}: {}; retrying in {} ms", settings.host(), settings.port(), e.toString(),
                        failing);
            }
            try {
                Thread.sleep(failing > 0 ? failing : poll);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
