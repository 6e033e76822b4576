package nl.maatwerk.server.privacy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read audit log: every read or export of personal data, append-only and hash-chained (see {@link AuditChain}).
 * Controllers call {@link #record} after they have the data and before they answer.
 */
@Service
public class AuditLog {

    private final AuditStore store;
    private final TransactionTemplate own;
    private final TransactionTemplate joined;

    AuditLog(AuditStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
        this.joined.setReadOnly(true);
    }

    /**
     * Appends one entry in a transaction of its own: the read happened even if the caller's work rolls back.
     *
     * @param fields the groups of data shown, in the purpose register's categories
     */
    public AuditEntry record(Requester who, AuditAction action, String purpose, Collection<UUID> citizenIds,
            List<String> fields) {
        List<UUID> citizens = List.copyOf(citizenIds);
        List<String> shown = List.copyOf(fields);
        return own.execute(status -> {
            store.lockChain();
            Map<UUID, UUID> pseudonyms = store.pseudonyms(citizens);
            // a citizen without a row (not committed yet, or just erased) gets a pseudonym that belongs to nobody
            List<UUID> subjects = citizens.stream().map(c -> pseudonyms.getOrDefault(c, UUID.randomUUID())).toList();
            String path = AuditSubjects.pseudonymise(who.path(), citizens, subjects);
            String previous = store.headHash();
            long id = store.nextId();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            int format = AuditChain.FORMAT_PSEUDONYMS;
            String hash = AuditChain.hash(format, previous, id, at, who.actor(), who.role(), action, purpose, subjects,
                    shown, who.traceId(), path);
            AuditEntry entry = new AuditEntry(id, at, who.actor(), who.role(), action, purpose, subjects, shown,
                    who.traceId(), path, previous, hash, format);
            store.insert(entry);
            return entry;
        });
    }

    /**
     * Records an erasure. The citizen is gone when this is called, so the entry names a pseudonym that belongs to
     * nobody; {@code fields} are the tables rows were removed from.
     */
    public AuditEntry erased(Requester who, List<String> tables) {
        return record(who, AuditAction.ERASE, "service_delivery", List.of(UUID.randomUUID()), tables);
    }

    /** A read by one citizen's data. */
    public AuditEntry read(Requester who, String purpose, UUID citizenId, List<String> fields) {
        return record(who, AuditAction.READ, purpose, List.of(citizenId), fields);
    }

    /**
     * Walks the whole chain in id order and names the first entry that does not link to the one before it or whose
     * content no longer matches its hash. Joins the caller's transaction when there is one.
     */
    public ChainVerification verify() {
        return joined.execute(status -> {
            long[] count = {0};
            String[] previous = {AuditChain.GENESIS};
            AuditEntry[] broken = {null};
            String[] reason = {null};
            store.each(e -> {
                if (broken[0] != null) {
                    return;
                }
                count[0]++;
                if (!e.previousHash().equals(previous[0])) {
                    broken[0] = e;
                    reason[0] = "its previous hash does not match the entry before it (an entry was removed, inserted "
                            + "or changed before it)";
                } else if (!AuditChain.hash(e).equals(e.hash())) {
                    broken[0] = e;
                    reason[0] = "its content does not match its hash (the entry was changed)";
                }
                previous[0] = e.hash();
            });
            return broken[0] == null ? new ChainVerification(count[0], null, null, null)
                    : new ChainVerification(count[0], broken[0].id(), broken[0].at(), reason[0]);
        });
    }

    /**
     * Entries matching the query, newest first, with citizen ids where the stored pseudonym still belongs to a
     * citizen (an erased citizen's pseudonym stays as it is: it points at nobody).
     */
    public AuditPage search(AuditQuery query) {
        List<AuditEntry> found = new ArrayList<>(store.withCitizenIds(store.search(query)));
        boolean more = found.size() > query.size();
        return new AuditPage(query.page(), query.size(), more, more ? found.subList(0, query.size()) : found);
    }

    /** The citizen with this BSN, for searching by BSN. */
    public Optional<UUID> citizenByBsn(String bsn) {
        return store.citizenByBsn(bsn);
    }
}
