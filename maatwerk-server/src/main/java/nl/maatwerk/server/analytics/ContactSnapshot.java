package nl.maatwerk.server.analytics;

import java.util.BitSet;
import java.util.Map;

/**
 * Everything the scans read, frozen: the sorted table, the rows deleted from it since it was built, the
 * contacts that arrived since (unsorted), and repeat flags of table rows that later arrivals changed.
 * A new snapshot replaces this one whole; nothing in it is modified after publication.
 */
record ContactSnapshot(ContactTable table, BitSet deleted, ContactColumns recent, Map<Integer, Boolean> repeatChanged,
        int firstDay, int lastDay) {

    static final ContactSnapshot EMPTY = new ContactSnapshot(ContactTable.EMPTY, new BitSet(), new ContactColumns(0),
            Map.of(), Integer.MAX_VALUE, Integer.MIN_VALUE);

    int size() {
        return table.size() - deleted.cardinality() + recent.size;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    boolean repeat(int tableRow) {
        Boolean changed = repeatChanged.get(tableRow);
        return changed != null ? changed : table.rows.repeat[tableRow];
    }
}
