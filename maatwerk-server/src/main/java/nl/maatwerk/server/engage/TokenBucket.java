package nl.maatwerk.server.engage;

/**
 * A token bucket per provider: {@code ratePerSecond} tokens a second and a bucket of one, so sends are evenly
 * spaced and no burst after a quiet spell exceeds the rate.
 * {@link #take()} blocks until a token is there, so all dispatcher threads of a provider share its rate.
 */
final class TokenBucket {

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("a rate limit must be above 0 per second, was " + ratePerSecond);
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = 1;
        this.tokens = 1;
        this.refilledAt = System.nanoTime();
    }

    double ratePerSecond() {
        return ratePerNano * 1e9;
    }

    void take() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) * ratePerNano);
            refilledAt = now;
            tokens -= 1;
            wait = tokens >= 0 ? 0 : (long) (-tokens / ratePerNano);
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
