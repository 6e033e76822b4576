package nl.maatwerk.server.analytics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Residents per district and neighbourhood, for contacts per 1,000 residents; re-read after a minute. */
@Component
class Residents {

    private static final Duration FRESH = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Map<Dimension, Cached> cache = new EnumMap<>(Dimension.class);

    private record Cached(Map<String, Long> counts, long at) {
    }

    Residents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    synchronized Map<String, Long> per(Dimension area) {
        String column = switch (area) {
            case DISTRICT -> "district";
            case NEIGHBOURHOOD -> "neighbourhood";
            default -> throw new IllegalArgumentException("residents are counted per district or neighbourhood, not " + area.code());
        };
        Cached cached = cache.get(area);
        long now = System.currentTimeMillis();
        if (cached == null || now - cached.at() > FRESH.toMillis()) {
            Map<String, Long> counts = new HashMap<>();
            jdbc.query("select " + column + ", count(*) from citizen where status = 'resident' and " + column
                    + " is not null group by " + column, rs -> {
                        counts.put(rs.getString(1), rs.getLong(2));
                    });
            cached = new Cached(Map.copyOf(counts), now);
            cache.put(area, cached);
        }
        return cached.counts();
    }
}
