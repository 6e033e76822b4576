package nl.maatwerk.server.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The contacts as the scans see them: an immutable {@link ContactSnapshot}, replaced whole on every
 * change by a single writer. Arrivals go to a small unsorted part; once that is large, everything is
 * sorted into a new table. Readers never wait for the writer.
 */
final class ContactIndex {

    private static final int MIN_MERGE = 50_000;

    private volatile ContactSnapshot snapshot = ContactSnapshot.EMPTY;

    ContactSnapshot snapshot() {
        return snapshot;
    }

    synchronized void replaceAll(ContactColumns all) {
        snapshot = withRange(ContactTable.build(all), new BitSet(), new ContactColumns(0), Map.of());
    }

    /** Adds contacts not yet held (a repeated range is harmless), and removes then re-adds updated ones. */
    synchronized void apply(ContactColumns arrived, long[] removedIds) {
        ContactSnapshot s = snapshot;
        ContactTable table = s.table();
        BitSet deleted = (BitSet) s.deleted().clone();
        Set<Long> removed = new HashSet<>();
        Arrays.stream(removedIds).forEach(removed::add);
        Set<Integer> touched = new HashSet<>();
        for (long id : removedIds) {
            int row = table.rowOf(id);
            if (row >= 0 && !deleted.get(row)) {
                deleted.set(row);
                touched.add(table.rows.citizen[row]);
            }
        }
        ContactColumns recent = new ContactColumns(s.recent().size + arrived.size);
        Set<Long> held = new HashSet<>();
        for (int row = 0; row < s.recent().size; row++) {
            if (removed.contains(s.recent().id[row])) {
                touched.add(s.recent().citizen[row]);
            } else {
                recent.copyRow(s.recent(), row, recent.append());
                held.add(s.recent().id[row]);
            }
        }
        for (int row = 0; row < arrived.size; row++) {
            long id = arrived.id[row];
            int tableRow = table.rowOf(id);
            if ((tableRow >= 0 && !deleted.get(tableRow)) || !held.add(id)) {
                continue;
            }
            recent.copyRow(arrived, row, recent.append());
            touched.add(arrived.citizen[row]);
        }
        touched.remove(-1);
        if (recent.size > Math.max(MIN_MERGE, table.size() / 10) || deleted.cardinality() > table.size() / 10) {
            snapshot = withRange(ContactTable.build(merge(table, deleted, recent)), new BitSet(), new ContactColumns(0), Map.of());
            return;
        }
        Map<Integer, Boolean> repeatChanged = new HashMap<>(s.repeatChanged());
        for (int citizen : touched) {
            remarkRepeats(citizen, table, deleted, recent, repeatChanged);
        }
        snapshot = withRange(table, deleted, recent, repeatChanged);
    }

    private static ContactColumns merge(ContactTable table, BitSet deleted, ContactColumns recent) {
        ContactColumns all = new ContactColumns(table.size() - deleted.cardinality() + recent.size);
        for (int row = 0; row < table.size(); row++) {
            if (!deleted.get(row)) {
                all.copyRow(table.rows, row, all.append());
            }
        }
        for (int row = 0; row < recent.size; row++) {
            all.copyRow(recent, row, all.append());
        }
        return all;
    }

    /** Recomputes the repeat flags of one citizen's contacts, held in both parts. */
    private static void remarkRepeats(int citizen, ContactTable table, BitSet deleted, ContactColumns recent,
            Map<Integer, Boolean> repeatChanged) {
        ContactColumns own = new ContactColumns(16);
        List<Integer> origin = new ArrayList<>();  // >= 0: table row; < 0: -(recent row) - 1
        for (int row = table.firstRowOf(citizen); row < table.endRowOf(citizen); row++) {
            if (!deleted.get(row)) {
                own.copyRow(table.rows, row, own.append());
                origin.add(row);
            }
        }
        for (int row = 0; row < recent.size; row++) {
            if (recent.citizen[row] == citizen) {
                own.copyRow(recent, row, own.append());
                origin.add(-row - 1);
            }
        }
        int[] order = IntStream.range(0, own.size).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> own.micros[i]).thenComparingLong(i -> own.id[i]))
                .mapToInt(Integer::intValue).toArray();
        boolean[] repeat = new boolean[own.size];
        RepeatContacts.mark(own, order, 0, own.size, repeat);
        for (int i = 0; i < own.size; i++) {
            int source = origin.get(i);
            if (source < 0) {
                recent.repeat[-source - 1] = repeat[i];
            } else if (table.rows.repeat[source] == repeat[i]) {
                repeatChanged.remove(source);
            } else {
                repeatChanged.put(source, repeat[i]);
            }
        }
    }

    private static ContactSnapshot withRange(ContactTable table, BitSet deleted, ContactColumns recent,
            Map<Integer, Boolean> repeatChanged) {
        int first = table.firstDay, last = table.lastDay;
        for (int row = 0; row < recent.size; row++) {
            first = Math.min(first, recent.day[row]);
            last = Math.max(last, recent.day[row]);
        }
        return new ContactSnapshot(table, deleted, recent, Map.copyOf(repeatChanged), first, last);
    }
}
