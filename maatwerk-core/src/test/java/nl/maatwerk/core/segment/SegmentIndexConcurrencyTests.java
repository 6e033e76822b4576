package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class SegmentIndexConcurrencyTests {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    /**
     * A writer flips citizens between two households in batches of two while readers evaluate; because a batch
     * is atomic, every reader sees exactly half of each pair in each segment, never a torn state.
     */
    @Test
    void readersDuringBatchedWrites_seeWholeBatchesOnly() throws Exception {
        SegmentIndex index = new SegmentIndex();
        int pairs = 2_000;
        for (int seq = 0; seq < 2 * pairs; seq++) {
            index.upsertCitizen(row(seq, seq % 2 == 0 ? HouseholdType.SINGLE : HouseholdType.COUPLE));
            index.putContact(new ContactRow(seq, seq, Channel.APP, Direction.INBOUND, ContactKind.QUESTION, "waste",
                    null, NOW.minusSeconds(seq), null));
        }
        SegmentCompiler compiler = new SegmentCompiler(SegmentSchema.empty(), SegmentResolver.none());
        CheckedSegment singles = compiler.compile(null, "segmentation",
                "household.type = \"single\" and count(contacts where channel.digital) >= 1");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int round = 0; running.get() && round < 200; round++) {
                    for (int pair = 0; pair < pairs; pair += 50) {
                        int a = 2 * pair;
                        boolean flip = round % 2 == 0;
                        index.batch(() -> {
                            index.upsertCitizen(row(a, flip ? HouseholdType.COUPLE : HouseholdType.SINGLE));
                            index.upsertCitizen(row(a + 1, flip ? HouseholdType.SINGLE : HouseholdType.COUPLE));
                        });
                    }
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int evaluations = 0;
                    for (; evaluations < 100; evaluations++) {
                        RoaringBitmap members = index.members(singles, NOW);
                        assertThat(members.getCardinality()).isEqualTo(pairs);
                    }
                    return evaluations;
                }));
            }
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS)).isEqualTo(100);
            }
            running.set(false);
            writer.get(30, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
    }

    private static CitizenRow row(int seq, HouseholdType type) {
        return new CitizenRow(seq, LocalDate.of(1990, 1, 1), type, 1, null, null, null, null, "nl",
                RegistrationStatus.RESIDENT, Map.of());
    }
}
