package nl.maatwerk.server.analytics;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import nl.maatwerk.core.model.Channel;

/**
 * One pass over a snapshot: per group the contacts that pass the filter, and over those the measure
 * looks at ({@code n}), the distinct persons and the measure's sum.
 *
 * <p>Distinct persons are counted without a set: table rows are sorted by citizen, so a citizen is new
 * to a group exactly when the group's last-seen citizen differs. Recent (unsorted) rows are few; each
 * is checked against a set and against the same citizen's table rows.
 */
final class ContactScan {

    private static final boolean[] DIGITAL = digitalChannels();

    private final ContactSnapshot snapshot;
    private final Measure measure;
    private final RowFilter filter;
    private final GroupKeys keys;

    final long[] contacts, n, persons;
    final double[] sum;

    ContactScan(ContactSnapshot snapshot, Measure measure, RowFilter filter, GroupKeys keys) {
        this.snapshot = snapshot;
        this.measure = measure;
        this.filter = filter;
        this.keys = keys;
        int groups = keys.groups();
        contacts = new long[groups];
        n = new long[groups];
        persons = new long[groups];
        sum = new double[groups];
    }

    ContactScan run() {
        scanTable();
        scanRecent();
        return this;
    }

    private void scanTable() {
        ContactColumns c = snapshot.table().rows;
        BitSet deleted = snapshot.deleted();
        boolean anyDeleted = !deleted.isEmpty();
        int[] lastCitizen = new int[keys.groups()];
        Arrays.fill(lastCitizen, Integer.MIN_VALUE);
        for (int row = 0; row < c.size; row++) {
            if ((anyDeleted && deleted.get(row)) || !filter.test(c, row)) {
                continue;
            }
            int g = keys.of(c, row);
            contacts[g]++;
            if (!counts(c, row, snapshot.repeat(row), g)) {
                continue;
            }
            int citizen = c.citizen[row];
            if (citizen < 0 || lastCitizen[g] != citizen) {
                lastCitizen[g] = citizen;
                persons[g]++;
            }
        }
    }

    private void scanRecent() {
        ContactColumns c = snapshot.recent();
        Set<Long> seen = new HashSet<>();
        for (int row = 0; row < c.size; row++) {
            if (!filter.test(c, row)) {
                continue;
            }
            int g = keys.of(c, row);
            contacts[g]++;
            if (!counts(c, row, c.repeat[row], g)) {
                continue;
            }
            int citizen = c.citizen[row];
            if (citizen < 0 || (seen.add(((long) g << 32) | citizen) && !inTable(citizen, g))) {
                persons[g]++;
            }
        }
    }

    /** Whether the table already counted {@code citizen} in group {@code g}. */
    private boolean inTable(int citizen, int g) {
        ContactTable table = snapshot.table();
        ContactColumns c = table.rows;
        for (int row = table.firstRowOf(citizen), end = table.endRowOf(citizen); row < end; row++) {
            if (!snapshot.deleted().get(row) && filter.test(c, row) && keys.of(c, row) == g
                    && eligible(c, row)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the row to the measure when it is one the measure looks at; says whether it was. */
    private boolean counts(ContactColumns c, int row, boolean repeat, int g) {
        if (!eligible(c, row)) {
            return false;
        }
        n[g]++;
        switch (measure) {
            case FIRST_CONTACT_RESOLUTION -> sum[g] += c.fcr[row] == ContactColumns.FCR_YES ? 1 : 0;
            case REPEAT_CONTACT -> sum[g] += repeat ? 1 : 0;
            case SATISFACTION -> sum[g] += c.satisfaction[row];
            case TIME_TO_CLOSE -> sum[g] += c.closeSeconds[row] / 3600.0;
            case DIGITAL_SHARE -> sum[g] += DIGITAL[c.channel[row]] ? 1 : 0;
            case CONTACTS -> { }
        }
        return true;
    }

    private boolean eligible(ContactColumns c, int row) {
        return switch (measure) {
            case CONTACTS, DIGITAL_SHARE -> true;
            case FIRST_CONTACT_RESOLUTION -> c.fcr[row] != ContactColumns.FCR_UNKNOWN;
            case REPEAT_CONTACT -> c.citizen[row] >= 0 && c.direction[row] == RepeatContacts.INBOUND;
            case SATISFACTION -> c.satisfaction[row] > 0;
            case TIME_TO_CLOSE -> c.closeSeconds[row] >= 0;
        };
    }

    private static boolean[] digitalChannels() {
        Channel[] channels = Channel.values();
        boolean[] digital = new boolean[channels.length];
        for (Channel channel : channels) {
            digital[channel.ordinal()] = channel.digital();
        }
        return digital;
    }
}
