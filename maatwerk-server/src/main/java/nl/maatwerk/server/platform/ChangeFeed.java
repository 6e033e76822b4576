package nl.maatwerk.server.platform;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Polls {@code change_log} and hands each committed change to the listeners of its table.
 *
 * <p>Change ids are taken when a statement ends, but become visible when its transaction commits, so a
 * lower id can appear after a higher one. The feed therefore remembers which ids above its low-water
 * mark it has delivered, and only moves the mark over a missing id once it has been missing for
 * {@link #GAP_TIMEOUT} (a rolled-back statement leaves a permanent gap). It starts a little in the past,
 * so a listener that loads its snapshot at start sees every change committed while it loaded.
 */
@Component
public class ChangeFeed implements SmartLifecycle {

    static final Duration GAP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration KEEP = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final JdbcTemplate jdbc;
    private final Map<String, List<ChangeListener>> listeners = new HashMap<>();
    private final TreeSet<Long> deliveredAboveMark = new TreeSet<>();
    private final Map<Long, Long> missingSince = new HashMap<>();
    private ScheduledExecutorService poller;
    private long mark;
    private long lastCleanup;

    private final boolean enabled;

    ChangeFeed(JdbcTemplate jdbc, List<ChangeListener> all, @Value("${maatwerk.background:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.enabled = enabled;
        all.forEach(l -> listeners.computeIfAbsent(l.table(), t -> new ArrayList<>()).add(l));
    }

    @Override
    public void start() {
        Long recent = jdbc.queryForObject(
                "select coalesce(min(id) - 1, (select coalesce(max(id), 0) from change_log)) from change_log"
                        + " where changed_at > clock_timestamp() - make_interval(secs => ?)",
                Long.class, (double) GAP_TIMEOUT.toSeconds());
        mark = recent == null ? 0 : recent;
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "change-feed");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Off for one-shot commands (import), which keep nothing in memory. */
    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("change feed poll failed, will retry: {}", e.toString());
        }
    }

    /** One round: deliver what is new, then move the mark. Package-private for tests. */
    synchronized void poll() {
        List<Change> fresh = jdbc.query("select id, table_name, op, first_key, last_key, keys from change_log"
                + " where id > ? order by id limit 5000", (rs, n) -> change(rs), mark);
        Map<String, List<Change>> byTable = new HashMap<>();
        for (Change change : fresh) {
            if (deliveredAboveMark.add(change.id())) {
                byTable.computeIfAbsent(change.table(), t -> new ArrayList<>()).add(change);
            }
        }
        byTable.forEach((table, changes) -> listeners.getOrDefault(table, List.of()).forEach(l -> l.apply(changes)));
        advanceMark(System.currentTimeMillis());
        cleanUp();
    }

    private void advanceMark(long now) {
        if (deliveredAboveMark.isEmpty()) {
            return;
        }
        long highest = deliveredAboveMark.last();
        while (mark < highest) {
            long next = mark + 1;
            if (deliveredAboveMark.remove(next)) {
                missingSince.remove(next);
                mark = next;
            } else if (now - missingSince.computeIfAbsent(next, id -> now) >= GAP_TIMEOUT.toMillis()) {
                missingSince.remove(next);
                mark = next;
            } else {
                break;
            }
        }
    }

    private void cleanUp() {
        long now = System.currentTimeMillis();
        if (now - lastCleanup > Duration.ofHours(1).toMillis()) {
            lastCleanup = now;
            jdbc.update("delete from change_log where changed_at < clock_timestamp() - make_interval(secs => ?)",
                    (double) KEEP.toSeconds());
        }
    }

    private static Change change(ResultSet rs) throws SQLException {
        Change.Op op = switch (rs.getString("op")) {
            case "I" -> Change.Op.INSERT;
            case "U" -> Change.Op.UPDATE;
            default -> Change.Op.DELETE;
        };
        Array keys = rs.getArray("keys");
        long[] keyValues = new long[0];
        if (keys != null) {
            Long[] boxed = (Long[]) keys.getArray();
            keyValues = new long[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                keyValues[i] = boxed[i];
            }
        }
        return new Change(rs.getLong("id"), rs.getString("table_name"), op,
                rs.getLong("first_key"), rs.getLong("last_key"), keyValues);
    }
}
