package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatchers: for each configured provider {@code maatwerk.delivery.threads-per-channel} threads that
 * claim and send until nothing is due, then poll every {@code maatwerk.delivery.poll-interval}. Off in one-shot
 * commands ({@code maatwerk.background=false}) and with {@code maatwerk.delivery.dispatch=false}.
 */
@Component
@ConditionalOnProperty(name = {"maatwerk.background", "maatwerk.delivery.dispatch"}, havingValue = "true", matchIfMissing = true)
class DispatchSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchSchedule.class);

    private final Dispatcher dispatcher;
    private final DeliveryProviders providers;
    private final DeliverySettings settings;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DispatchSchedule(Dispatcher dispatcher, DeliveryProviders providers, DeliverySettings settings) {
        this.dispatcher = dispatcher;
        this.providers = providers;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        running = true;
        for (DeliveryProvider provider : providers.all()) {
            if (!provider.ready()) {
                log.info("no {} provider configured: {} messages stay queued", provider.name(), provider.channel().code());
                continue;
            }
            for (int i = 0; i < Math.max(1, settings.threadsPerChannel()); i++) {
                Thread thread = new Thread(() -> loop(provider), "dispatch-" + provider.name() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    private void loop(DeliveryProvider provider) {
        long poll = settings.pollInterval().toMillis();
        long failing = 0;
        while (running) {
            int claimed = 0;
            try {
                claimed = dispatcher.dispatchDue(provider.channel(), Instant.now());
                failing = 0;
            } catch (RuntimeException e) {
                failing = Math.min(30_000, Math.max(failing * 2, poll));
                log.warn("{} dispatcher: {}; retrying in {} ms", provider.name(), e.toString(), failing);
            }
            if (claimed == 0 || failing > 0) {
                try {
                    Thread.sleep(failing > 0 ? failing : poll);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
