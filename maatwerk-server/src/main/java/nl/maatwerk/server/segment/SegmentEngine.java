package nl.maatwerk.server.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.maatwerk.core.segment.AttributeDefinition;
import nl.maatwerk.core.segment.CaseRow;
import nl.maatwerk.core.segment.CheckedSegment;
import nl.maatwerk.core.segment.ContactRow;
import nl.maatwerk.core.segment.MembershipChange;
import nl.maatwerk.core.segment.SegmentException;
import nl.maatwerk.core.segment.SegmentIndex;
import nl.maatwerk.core.segment.TravelDocumentRow;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.Change;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The live side of segments: one {@link SegmentIndex} loaded from PostgreSQL at start and kept fresh from the
 * change feed, and each stored segment's current members.
 *
 * <p>The feed only marks what changed ({@link Pending}); a single refresher thread, every {@link #TICK}, re-reads
 * those rows, applies them to the index in one batch (readers see all or none), evaluates every segment again and
 * records who entered or left ({@link MembershipEvents}). Segments are also evaluated at least every
 * {@link #TIME_RELATIVE}, because {@code now} moves on its own (a contact ages out of "the last 90 days").
 * Re-reading whole rows by key makes a change delivered twice harmless.
 *
 * <p>A new segment starts from its members at creation, without events; a changed definition keeps its last
 * members, so the next evaluation publishes the difference.
 */
@Component
class SegmentEngine {

    static final Duration TICK = Duration.ofMillis(100);
    static final Duration TIME_RELATIVE = Duration.ofSeconds(30);
    private static final Duration WAIT_FOR_LOAD = Duration.ofSeconds(120);
    private static final Logger log = LoggerFactory.getLogger(SegmentEngine.class);

    /** A stored segment as the engine holds it: checked, or broken with the reason. */
    record Live(String purpose, CheckedSegment checked, String problem, RoaringBitmap members) {
    }

    private final SegmentIndex index = new SegmentIndex();
    private final IndexLoader loader;
    private final RegisterSchema schema;
    private final SegmentStore store;
    private final Compilation compilation;
    private final MembershipEvents events;
    private final boolean background;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Pending pending = new Pending();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final Object evaluating = new Object();
    private volatile boolean indexLoaded;
    private volatile boolean dirty;
    private volatile long lastEvaluation;
    private ScheduledExecutorService refresher;

    SegmentEngine(IndexLoader loader, RegisterSchema schema, SegmentStore store, Compilation compilation,
            MembershipEvents events, @Value("${maatwerk.background:true}") boolean background) {
        this.loader = loader;
        this.schema = schema;
        this.store = store;
        this.compilation = compilation;
        this.events = events;
        this.background = background;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadInBackground() {
        if (!background) {
            return;
        }
        Thread loading = new Thread(this::load, "segment-load");
        loading.setDaemon(true);
        loading.start();
    }

    private void load() {
        try {
            long started = System.nanoTime();
            Map<String, AttributeDefinition.Type> types = schema.types();
            Object[] none = new Object[0];
            index.batch(() -> {
                loader.citizens("true", none, types, c -> {
                    index.upsertCitizen(c.row());
                    index.exclude(c.row().seq(), c.objected());
                });
                loader.withdrawals("true", none, w -> index.withdrawConsent(w.seq(), w.purpose(), w.withdrawn()));
                loader.contacts("true", none, index::putContact);
                loader.travelDocuments("true", none, index::putTravelDocument);
                loader.cases("true", none, index::putCase);
            });
            indexLoaded = true;
            synchronized (evaluating) {
                for (SegmentStore.Row row : store.all()) {
                    define(row.segment().key(), row.segment().purpose(), row.segment().expression());
                }
                evaluate(Instant.now());
            }
            ready.complete(null);
            log.info("segments: {} citizens, {} contacts, {} segments in memory after {} ms (~{} MB)", index.citizens(),
                    index.contacts(), live.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    index.estimatedBytes() >> 20);
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "segment-refresh");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(this::refreshSafely, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
            log.error("segments could not load the index", e);
        }
    }

    /** From the change feed: remember what to re-read. */
    void changed(List<Change> changes) {
        pending.add(changes);
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("segment refresh failed, will retry: {}", e.toString());
        }
    }

    /** One round: apply what changed, then evaluate when anything did or time-relative segments are due. */
    void refresh() {
        Pending.Drained changed = pending.drain();
        if (!changed.isEmpty()) {
            try {
                apply(changed);
            } catch (RuntimeException e) {
                pending.restore(changed);
                throw e;
            }
            dirty = true;
        }
        if (dirty || System.currentTimeMillis() - lastEvaluation >= TIME_RELATIVE.toMillis()) {
            synchronized (evaluating) {
                dirty = false;
                evaluate(Instant.now());
            }
        }
    }

    private void apply(Pending.Drained changed) {
        List<Object> citizenArgs = new ArrayList<>();
        String citizenCondition = condition("c.seq", changed.citizens().stream().map(Integer::longValue).toList(),
                changed.citizenRanges(), citizenArgs);
        List<Object> contactArgs = new ArrayList<>();
        String contactCondition = condition("k.id", List.copyOf(changed.contacts()), changed.contactRanges(), contactArgs);
        List<IndexLoader.Citizen> citizens = new ArrayList<>();
        List<TravelDocumentRow> documents = new ArrayList<>();
        List<CaseRow> cases = new ArrayList<>();
        List<ContactRow> contacts = new ArrayList<>();
        List<IndexLoader.Withdrawal> withdrawals = new ArrayList<>();
        if (citizenCondition != null) {
            Object[] args = citizenArgs.toArray();
            loader.citizens(citizenCondition, args, schema.types(), citizens::add);
            loader.withdrawals(citizenCondition, args, withdrawals::add);
            loader.travelDocuments(citizenCondition, args, documents::add);
            loader.cases(citizenCondition, args, cases::add);
        }
        if (contactCondition != null) {
            loader.contacts(contactCondition, contactArgs.toArray(), contacts::add);
        }
        Set<Integer> found = new HashSet<>();
        Set<Long> foundContacts = new HashSet<>();
        index.batch(() -> {
            for (IndexLoader.Citizen c : citizens) {
                int seq = c.row().seq();
                found.add(seq);
                index.removeCitizen(seq);  // drops its documents and cases, re-added below
                index.upsertCitizen(c.row());
                index.exclude(seq, c.objected());
            }
            changed.citizens().stream().filter(seq -> !found.contains(seq)).forEach(index::removeCitizen);
            withdrawals.forEach(w -> index.withdrawConsent(w.seq(), w.purpose(), w.withdrawn()));
            documents.forEach(index::putTravelDocument);
            cases.forEach(index::putCase);
            for (ContactRow contact : contacts) {
                foundContacts.add(contact.id());
                index.putContact(contact);
            }
            changed.contacts().stream().filter(id -> !foundContacts.contains(id)).forEach(index::removeContact);
        });
    }

    /** {@code column = any(?) or column between ? and ? …}, or null when there is nothing. */
    private static String condition(String column, List<Long> keys, List<long[]> ranges, List<Object> args) {
        List<String> parts = new ArrayList<>();
        if (!keys.isEmpty()) {
            parts.add(column + " = any(?)");
            args.add(keys.toArray(Long[]::new));
        }
        for (long[] range : ranges) {
            parts.add(column + " between ? and ?");
            args.add(range[0]);
            args.add(range[1]);
        }
        return parts.isEmpty() ? null : "(" + String.join(" or ", parts) + ")";
    }

    private void evaluate(Instant now) {
        lastEvaluation = System.currentTimeMillis();
        for (Map.Entry<String, Live> entry : live.entrySet()) {
            Live segment = entry.getValue();
            if (segment.checked() == null) {
                continue;
            }
            RoaringBitmap members = index.members(segment.checked(), now);
            if (segment.members() != null) {
                MembershipChange change = MembershipChange.between(segment.members(), members);
                if (!change.isEmpty()) {
                    events.record(entry.getKey(), change, now);
                }
            }
            live.put(entry.getKey(), new Live(segment.purpose(), segment.checked(), null, members));
        }
    }

    /**
     * Compiles a stored segment and holds it: a new one with its current members (no events), a changed one
     * with its last members (the next evaluation publishes the difference). A segment that no longer compiles
     * (the registers changed) is held as broken and not evaluated.
     */
    void define(String key, String purpose, String text) {
        synchronized (evaluating) {
            Live before = live.get(key);
            try {
                CheckedSegment checked = compilation.compile(key, purpose, text);
                RoaringBitmap members = before != null && before.members() != null ? before.members()
                        : indexLoaded ? index.members(checked, Instant.now()) : null;
                live.put(key, new Live(purpose, checked, null, members));
                dirty = true;
            } catch (SegmentException e) {
                log.warn("segment {} cannot be evaluated: {}", key, e.getMessage());
                live.put(key, new Live(purpose, null, e.getMessage(), null));
            }
        }
    }

    void forget(String key) {
        synchronized (evaluating) {
            live.remove(key);
        }
    }

    Optional<Live> live(String key) {
        awaitReady();
        return Optional.ofNullable(live.get(key));
    }

    Map<String, Live> all() {
        awaitReady();
        return Map.copyOf(live);
    }

    /** Evaluates an expression now, for a preview or a cross-check. */
    RoaringBitmap members(CheckedSegment segment, Instant now) {
        awaitReady();
        return index.members(segment, now);
    }

    SegmentIndex index() {
        awaitReady();
        return index;
    }

    boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    private void awaitReady() {
        try {
            ready.get(WAIT_FOR_LOAD.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "segments-loading",
                    "the segment index is still loading; try again in a minute", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the segment index could not load", e.getCause());
        }
    }
}
