package nl.maatwerk.core.segment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.roaringbitmap.RoaringBitmap;

/**
 * An in-memory index of citizens (by their dense {@code seq}), their contacts, travel documents and cases,
 * that evaluates {@link CheckedSegment}s into bitmaps of member seqs.
 *
 * <p><b>Structures.</b> Code and text fields are equality bitmaps (RoaringBitmap per value); numbers and dates
 * (birth date as epoch day, so {@code age} is a birth-date range relative to today) are dense arrays scanned per
 * query; contacts are columns indexed by contact id, packed per citizen and time for aggregates; documents and cases are small lists per
 * citizen. See {@code docs/segment-language.md} for costs. {@link #estimatedBytes()} reports the footprint.
 *
 * <p><b>Privacy.</b> Citizens who objected to profiling are {@linkplain #exclude(int, boolean) excluded}: they
 * are subtracted from every result, including from {@code not …}; those who withdrew consent for a purpose
 * ({@link #withdrawConsent}) from every segment of that purpose.
 *
 * <p><b>Threads.</b> Any number of concurrent readers and one writer, through a fair {@link ReentrantReadWriteLock}:
 * evaluations share the read lock, every change takes the write lock for its few array and bitmap stores (micro-
 * seconds), and a writer waits at most for the evaluations already running. {@link #batch(Runnable)} applies a
 * group of changes (one committed transaction) atomically. Results are fresh bitmaps owned by the caller.
 */
public final class SegmentIndex {

    private final IndexData data = new IndexData();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** Adds or replaces a citizen. */
    public void upsertCitizen(CitizenRow row) {
        Objects.requireNonNull(row, "row");
        write(() -> data.upsert(row));
    }

    /** Removes a citizen with its documents and cases; its contacts no longer count. */
    public void removeCitizen(int seq) {
        write(() -> data.remove(seq));
    }

    /** Marks a citizen as objecting to profiling (GDPR Art. 21): never a member of any segment. */
    public void exclude(int seq, boolean excluded) {
        write(() -> {
            if (excluded) {
                data.excluded.add(seq);
            } else {
                data.excluded.remove(seq);
            }
        });
    }

    /**
     * Marks a citizen as having withdrawn (or given again) consent for {@code purpose}: never a member of a
     * segment with that purpose while withdrawn.
     */
    public void withdrawConsent(int seq, String purpose, boolean withdrawn) {
        Objects.requireNonNull(purpose, "purpose");
        write(() -> {
            if (withdrawn) {
                data.withdrawn.computeIfAbsent(purpose, p -> new RoaringBitmap()).add(seq);
            } else if (data.withdrawn.containsKey(purpose)) {
                data.withdrawn.get(purpose).remove(seq);
            }
        });
    }

    /** Adds or replaces (by id) a contact. */
    public void putContact(ContactRow row) {
        Objects.requireNonNull(row, "row");
        write(() -> data.contacts.put(row));
    }

    public void removeContact(long id) {
        write(() -> data.contacts.remove(id));
    }

    /** Adds or replaces (by number, within the citizen) a travel document. */
    public void putTravelDocument(TravelDocumentRow row) {
        Objects.requireNonNull(row, "row");
        write(() -> data.putDocument(row));
    }

    public void removeTravelDocument(int citizenSeq, String number) {
        write(() -> data.removeDocument(citizenSeq, number));
    }

    /** Adds or replaces (by id, within the citizen) a case. */
    public void putCase(CaseRow row) {
        Objects.requireNonNull(row, "row");
        write(() -> data.putCase(row));
    }

    public void removeCase(int citizenSeq, UUID id) {
        write(() -> data.removeCase(citizenSeq, id));
    }

    /** Runs {@code changes} (calls to the methods above) under one write lock, so readers see all or none. */
    public void batch(Runnable changes) {
        write(changes);
    }

    /** The seqs of the segment's members at {@code now}. */
    public RoaringBitmap members(CheckedSegment segment, Instant now) {
        Plan plan = Planner.plan(Objects.requireNonNull(segment, "segment"), Objects.requireNonNull(now, "now"));
        return read(() -> new BitmapEvaluator(data, segment.purpose(), now).members(plan));
    }

    /** The number of members at {@code now}; apply a {@link MinimumSize} before showing it. */
    public long count(CheckedSegment segment, Instant now) {
        Plan plan = Planner.plan(Objects.requireNonNull(segment, "segment"), Objects.requireNonNull(now, "now"));
        return read(() -> new BitmapEvaluator(data, segment.purpose(), now).count(plan));
    }

    public int citizens() {
        return read(data.citizens::getCardinality);
    }

    public int contacts() {
        return read(data.contacts::size);
    }

    /** An estimate of the heap the index holds, in bytes (arrays, bitmaps, per-row objects). */
    public long estimatedBytes() {
        return read(data::bytes);
    }

    private void write(Runnable change) {
        Lock w = lock.writeLock();
        w.lock();
        try {
            change.run();
        } finally {
            if (lock.getWriteHoldCount() == 1) {   // the outermost change of a batch
                data.contacts.settle();
            }
            w.unlock();
        }
    }

    private <T> T read(java.util.function.Supplier<T> query) {
        Lock r = lock.readLock();
        r.lock();
        try {
            return query.get();
        } finally {
            r.unlock();
        }
    }
}
