package nl.maatwerk.server.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.maatwerk.server.platform.Change;

/**
 * What the change feed said changed and the index has not yet re-read: citizens (by seq, or a range of new
 * seqs) and contacts (by id, or a range of new ids). Documents, cases and case history mark their citizens,
 * whose whole row set is then re-read. Thread-safe; {@link #drain()} hands everything over at once.
 */
final class Pending {

    private Set<Integer> citizens = new HashSet<>();
    private List<long[]> citizenRanges = new ArrayList<>();
    private Set<Long> contacts = new HashSet<>();
    private List<long[]> contactRanges = new ArrayList<>();

    record Drained(Set<Integer> citizens, List<long[]> citizenRanges, Set<Long> contacts, List<long[]> contactRanges) {

        boolean isEmpty() {
            return citizens.isEmpty() && citizenRanges.isEmpty() && contacts.isEmpty() && contactRanges.isEmpty();
        }
    }

    synchronized void add(List<Change> changes) {
        for (Change change : changes) {
            boolean insertRange = change.op() == Change.Op.INSERT && change.keys().length == 0;
            if (change.table().equals("contact")) {
                if (insertRange) {
                    contactRanges.add(new long[] {change.firstKey(), change.lastKey()});
                } else {
                    for (long id : change.keys()) {
                        contacts.add(id);
                    }
                }
            } else if (change.table().equals("citizen") && insertRange) {
                citizenRanges.add(new long[] {change.firstKey(), change.lastKey()});
            } else {
                for (long seq : change.keys()) {
                    citizens.add((int) seq);
                }
            }
        }
    }

    /** Puts back what could not be applied, to be tried again. */
    synchronized void restore(Drained drained) {
        citizens.addAll(drained.citizens());
        citizenRanges.addAll(drained.citizenRanges());
        contacts.addAll(drained.contacts());
        contactRanges.addAll(drained.contactRanges());
    }

    synchronized Drained drain() {
        Drained drained = new Drained(citizens, citizenRanges, contacts, contactRanges);
        citizens = new HashSet<>();
        citizenRanges = new ArrayList<>();
        contacts = new HashSet<>();
        contactRanges = new ArrayList<>();
        return drained;
    }
}
