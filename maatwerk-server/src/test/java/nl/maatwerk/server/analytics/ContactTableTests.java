package nl.maatwerk.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Building the sorted table: per citizen in time order, repeat flags, and the unlinked contacts left as they came. */
class ContactTableTests {

    private static final long HOUR = TimeUnit.HOURS.toMicros(1);

    @Test
    void aCitizenWithManyContacts_isSortedByTimeAndFlagsRepeats() {
        ContactColumns rows = new ContactColumns(100);
        int n = 80;  // above the insertion-sort cutoff
        for (int i = 0; i < n; i++) {
            int row = rows.append();
            rows.id[row] = 1000 + i;
            rows.citizen[row] = 7;
            rows.micros[row] = (long) ((i * 37) % n) * 24 * HOUR;  // one a day, shuffled
            rows.topic[row] = 1;
            rows.direction[row] = RepeatContacts.INBOUND;
        }
        ContactTable table = ContactTable.build(rows);
        for (int i = 1; i < n; i++) {
            assertThat(table.rows.micros[i]).isGreaterThan(table.rows.micros[i - 1]);
            assertThat(table.rows.repeat[i]).as("a contact a day on one topic: each one after the first is a repeat").isTrue();
        }
        assertThat(table.rows.repeat[0]).isFalse();
        assertThat(table.rowOf(1000 + 5)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void unlinkedContacts_comeLastAndAreNeverRepeats() {
        ContactColumns rows = new ContactColumns(10);
        for (int i = 0; i < 50; i++) {
            int row = rows.append();
            rows.id[row] = i;
            rows.citizen[row] = i % 5 == 0 ? 3 : -1;
            rows.micros[row] = 1_000_000L * (50 - i);
            rows.direction[row] = RepeatContacts.INBOUND;
        }
        ContactTable table = ContactTable.build(rows);
        for (int i = 0; i < 10; i++) {
            assertThat(table.rows.citizen[i]).isEqualTo(3);
        }
        for (int i = 10; i < 50; i++) {
            assertThat(table.rows.citizen[i]).isEqualTo(-1);
            assertThat(table.rows.repeat[i]).isFalse();
        }
    }
}
