package nl.maatwerk.server.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.maatwerk.server.platform.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The public face of analytics: counts and measures over all contacts, grouped and filtered, with no
 * group small enough to single out a person. Answers come from an in-memory column copy of the contact
 * table ({@link ContactIndex}), loaded at start and kept fresh from committed changes; PostgreSQL stays
 * the system of record, and tests hold every answer against a plain SQL GROUP BY.
 */
@Service
public class ContactAnalytics {

    /** The smallest k anyone may configure: below it, groups come too close to single persons. */
    public static final int MIN_K = 5;
    public static final ZoneId ZONE = ZoneId.of(ContactLoader.ZONE);
    private static final Logger log = LoggerFactory.getLogger(ContactAnalytics.class);

    private final ContactLoader loader;
    private final Residents residents;
    private final ContactDictionaries dictionaries = ContactDictionaries.create();
    private final ContactIndex index = new ContactIndex();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final List<Change> pending = new ArrayList<>();
    private final int k;
    private final boolean preload;

    ContactAnalytics(ContactLoader loader, Residents residents, @Value("${maatwerk.analytics.k:10}") int k,
            @Value("${maatwerk.background:true}") boolean preload) {
        if (k < MIN_K) {
            throw new IllegalArgumentException("maatwerk.analytics.k is " + k + "; it may not be below " + MIN_K);
        }
        this.loader = loader;
        this.residents = residents;
        this.k = k;
        this.preload = preload;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        if (preload) {
            Thread loading = new Thread(this::load, "analytics-load");
            loading.setDaemon(true);
            loading.start();
        }
    }

    private void load() {
        try {
            long started = System.nanoTime();
            ContactColumns all = loader.all(dictionaries);
            synchronized (pending) {
                index.replaceAll(all);
                applyLoaded(List.copyOf(pending));
                pending.clear();
                ready.complete(null);
            }
            log.info("analytics: {} contacts in memory after {} ms", all.size,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
            log.error("analytics could not load the contacts", e);
        }
    }

    /** Changes from the feed; held back until the first load is done, then applied (idempotently). */
    void apply(List<Change> changes) {
        synchronized (pending) {
            if (!ready.isDone()) {
                pending.addAll(changes);
                return;
            }
        }
        applyLoaded(changes);
    }

    private void applyLoaded(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ContactColumns arrived = new ContactColumns(16);
        List<Long> removed = new ArrayList<>();
        for (Change change : changes) {
            ContactColumns rows = switch (change.op()) {
                case INSERT -> loader.range(change.firstKey(), change.lastKey(), dictionaries);
                case UPDATE -> loader.ids(change.keys(), dictionaries);
                case DELETE -> new ContactColumns(0);
            };
            if (change.op() != Change.Op.INSERT) {
                for (long id : change.keys()) {
                    removed.add(id);
                }
            }
            for (int row = 0; row < rows.size; row++) {
                arrived.copyRow(rows, row, arrived.append());
            }
        }
        index.apply(arrived, removed.stream().mapToLong(Long::longValue).toArray());
    }

    /** Whether the contacts are in memory (the first load after start can take a while on a big municipality). */
    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** The smallest number of distinct persons a published group may stand for. */
    public int k() {
        return k;
    }

    /** Local dates of the first and last contact held, if any. */
    public Optional<LocalDate[]> period() {
        awaitReady();
        ContactSnapshot s = index.snapshot();
        return s.isEmpty() ? Optional.empty()
                : Optional.of(new LocalDate[] {LocalDate.ofEpochDay(s.firstDay()), LocalDate.ofEpochDay(s.lastDay())});
    }

    /** The values seen so far in a text dimension (topic, subtopic, district, neighbourhood), sorted. */
    public List<String> values(Dimension dimension) {
        Dictionary dictionary = switch (dimension) {
            case TOPIC -> dictionaries.topics();
            case SUBTOPIC -> dictionaries.subtopics();
            case DISTRICT -> dictionaries.districts();
            case NEIGHBOURHOOD -> dictionaries.neighbourhoods();
            case SOURCE -> dictionaries.sources();
            default -> throw new IllegalArgumentException(dimension.code() + " is not a text dimension");
        };
        List<String> values = new ArrayList<>();
        for (int code = 1; code < dictionary.size(); code++) {
            values.add(dictionary.value(code));
        }
        values.sort(Comparator.naturalOrder());
        return values;
    }

    /** Residents per district or neighbourhood code, from the citizen register (a minute old at most). */
    public Map<String, Long> residents(Dimension area) {
        return residents.per(area);
    }

    public AnalyticsResult query(AnalyticsQuery query) {
        return query(query, k);
    }

    /** The same answer with nothing withheld: for checks against SQL and for statistics that publish no counts. */
    AnalyticsResult queryWithoutSuppression(AnalyticsQuery query) {
        return query(query, 0);
    }

    private AnalyticsResult query(AnalyticsQuery query, int k) {
        awaitReady();
        ContactSnapshot snapshot = index.snapshot();
        LocalDate today = LocalDate.now(ZONE);
        LocalDate from = query.filter().from() != null ? query.filter().from()
                : snapshot.isEmpty() ? today : LocalDate.ofEpochDay(snapshot.firstDay());
        LocalDate to = query.filter().to() != null ? query.filter().to()
                : snapshot.isEmpty() ? today : LocalDate.ofEpochDay(snapshot.lastDay());
        if (to.isBefore(from)) {
            to = from.minusDays(1);  // an open end before the data starts: nothing to count
        }
        GroupKeys keys = new GroupKeys(query.by(), (int) from.toEpochDay(), (int) to.toEpochDay(), dictionaries);
        RowFilter filter = new RowFilter(query.filter(), (int) from.toEpochDay(), (int) to.toEpochDay(), dictionaries);
        ContactScan scan = new ContactScan(snapshot, query.measure(), filter, keys).run();
        return new AnalyticsResult(query, rows(query, keys, scan, k), k, from, to);
    }

    /**
     * Digital share per group now and in the same period a year earlier. Groups by non-time dimensions
     * only: a week of this year and one of last year are not the same group.
     */
    public List<ChannelShift> channelShift(ContactFilter filter, List<Dimension> by) {
        if (by.stream().anyMatch(Dimension::isTime)) {
            throw new IllegalArgumentException("channel shift compares with last year, so it groups by non-time dimensions only");
        }
        AnalyticsResult now = query(new AnalyticsQuery(Measure.DIGITAL_SHARE, filter, by));
        AnalyticsResult before = query(new AnalyticsQuery(Measure.DIGITAL_SHARE,
                filter.withPeriod(now.from().minusYears(1), now.to().minusYears(1)), by));
        Map<List<String>, AnalyticsRow> earlier = new java.util.HashMap<>();
        before.rows().forEach(r -> earlier.put(r.keys(), r));
        List<ChannelShift> shifts = new ArrayList<>();
        for (AnalyticsRow row : now.rows()) {
            AnalyticsRow last = earlier.get(row.keys());
            Double share = row.suppressed() ? null : row.value();
            Double lastShare = last == null || last.suppressed() ? null : last.value();
            Double change = share == null || lastShare == null ? null : 100 * (share - lastShare);
            shifts.add(new ChannelShift(row.keys(), share, lastShare, change, row.suppressed()));
        }
        return shifts;
    }

    /** Per topic and age band the channel most used; groups too small to publish are suppressed. */
    public List<PreferredChannel> preferredChannels(ContactFilter filter) {
        AnalyticsResult groups = query(AnalyticsQuery.of(Measure.CONTACTS, filter, Dimension.TOPIC, Dimension.AGE_BAND));
        AnalyticsQuery detail = AnalyticsQuery.of(Measure.CONTACTS, filter, Dimension.TOPIC, Dimension.AGE_BAND, Dimension.CHANNEL);
        ContactSnapshot snapshot = index.snapshot();
        GroupKeys keys = new GroupKeys(detail.by(), (int) groups.from().toEpochDay(), (int) groups.to().toEpochDay(), dictionaries);
        ContactScan scan = new ContactScan(snapshot, Measure.CONTACTS,
                new RowFilter(filter, (int) groups.from().toEpochDay(), (int) groups.to().toEpochDay(), dictionaries), keys).run();
        Map<List<String>, long[]> best = new java.util.HashMap<>();  // {channel group, contacts of it}
        for (int g = 0; g < keys.groups(); g++) {
            if (scan.contacts[g] > 0) {
                List<String> k3 = keys.keys(g);
                long[] current = best.computeIfAbsent(k3.subList(0, 2), x -> new long[] {-1, 0});
                if (scan.contacts[g] > current[1]) {
                    current[0] = g;
                    current[1] = scan.contacts[g];
                }
            }
        }
        List<PreferredChannel> preferred = new ArrayList<>();
        for (AnalyticsRow group : groups.rows()) {
            long[] top = best.get(group.keys());
            if (group.suppressed() || top == null) {
                preferred.add(new PreferredChannel(group.key(0), group.key(1), null, null, true));
            } else {
                preferred.add(new PreferredChannel(group.key(0), group.key(1), keys.keys((int) top[0]).get(2),
                        (double) top[1] / group.contacts(), false));
            }
        }
        return preferred;
    }

    private static List<AnalyticsRow> rows(AnalyticsQuery query, GroupKeys keys, ContactScan scan, int k) {
        List<Integer> groups = new ArrayList<>();
        for (int g = 0; g < keys.groups(); g++) {
            if (scan.n[g] > 0) {
                groups.add(g);
            }
        }
        List<List<String>> labels = groups.stream().map(keys::keys).toList();
        long[] persons = groups.stream().mapToLong(g -> scan.persons[g]).toArray();
        boolean[] hidden = Suppression.hidden(labels, persons, k);
        List<AnalyticsRow> rows = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            int g = groups.get(i);
            Double value = query.measure() == Measure.CONTACTS ? null : scan.sum[g] / scan.n[g];
            rows.add(hidden[i] ? new AnalyticsRow(labels.get(i), null, null, null, null, true)
                    : new AnalyticsRow(labels.get(i), scan.contacts[g], scan.persons[g], scan.n[g], value, false));
        }
        rows.sort(order(query.by()));
        return rows;
    }

    private static Comparator<AnalyticsRow> order(List<Dimension> by) {
        Comparator<AnalyticsRow> order = (a, b) -> 0;
        for (int i = 0; i < by.size(); i++) {
            int index = i;
            Comparator<String> values = by.get(i) == Dimension.HOUR || by.get(i) == Dimension.WEEKDAY
                    ? Comparator.comparingInt(Integer::parseInt) : Comparator.naturalOrder();
            order = order.thenComparing(r -> r.key(index), Comparator.nullsLast(values));
        }
        return order;
    }

    private void awaitReady() {
        try {
            if (!preload) {
                synchronized (this) {
                    if (!ready.isDone()) {
                        load();
                    }
                }
            }
            ready.get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for analytics to load", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("analytics is not available: " + e.getMessage(), e);
        }
    }
}
