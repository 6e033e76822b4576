package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * Contact aggregates stay right while contacts change: the index answers changed citizens from their own lists
 * until enough changed to pack the contacts again (ContactStore). Random rounds of puts, moves and removes, each
 * checked against counts done by hand over a plain map of the contacts, through several packings; the presence
 * bitmaps (ContactPresence: at least one / at least two per period) answer the one-column checks up to two, the
 * per-period tallies (ContactTally) the time-only counts; both must follow moves and removes exactly.
 */
class SegmentIndexChangeTests {

    private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");
    private static final int CITIZENS = 300;
    private static final Channel[] CHANNELS = Channel.values();
    private static final ContactKind[] KINDS = ContactKind.values();
    private static final String[] TOPICS = {"waste", "parking", "passport"};

    private final SegmentCompiler compiler = new SegmentCompiler(Fixtures.SCHEMA, SegmentResolver.of(Map.of()));
    private final SegmentIndex index = new SegmentIndex();
    private final Map<Long, ContactRow> contacts = new HashMap<>();
    private final Random random = new Random(20261207L);

    private record Check(String text, Predicate<List<ContactRow>> member) {
    }

    private final List<Check> checks = List.of(
            new Check("count(contacts where channel in (\"desk\", \"phone\") and occurredAt > now - 90d) >= 2",
                    rows -> rows.stream().filter(k -> (k.channel() == Channel.DESK || k.channel() == Channel.PHONE)
                            && k.occurredAt().isAfter(NOW.minus(Duration.ofDays(90)))).count() >= 2),
            new Check("count(contacts) = 0", List::isEmpty),
            new Check("count(contacts where occurredAt > now - 12m) >= 3 and count(contacts where occurredAt > now - 12m) <= 5",
                    rows -> {
                        // "now - 12m" is twelve calendar months in the municipality's zone (NOW is just after a DST change)
                        Instant edge = NOW.atZone(Moments.ZONE).minusMonths(12).toInstant();
                        long n = rows.stream().filter(k -> k.occurredAt().isAfter(edge)).count();
                        return n >= 3 && n <= 5;
                    }),
            new Check("last(contacts where channel.digital).occurredAt > now - 30d",
                    rows -> rows.stream().anyMatch(k -> k.channel().digital()
                            && k.occurredAt().isAfter(NOW.minus(Duration.ofDays(30))))),
            new Check("first(contacts).occurredAt < now - 200d",
                    rows -> rows.stream().anyMatch(k -> k.occurredAt().isBefore(NOW.minus(Duration.ofDays(200))))),
            new Check("count(contacts where kind = \"complaint\" and occurredAt > now - 60d) >= 1",
                    rows -> rows.stream().anyMatch(k -> k.kind() == ContactKind.COMPLAINT
                            && k.occurredAt().isAfter(NOW.minus(Duration.ofDays(60))))),
            new Check("count(contacts where topic = \"parking\" and occurredAt > now - 100d) = 0",
                    rows -> rows.stream().noneMatch(k -> k.topic().equals("parking")
                            && k.occurredAt().isAfter(NOW.minus(Duration.ofDays(100))))),
            new Check("count(contacts where channel = \"desk\" and occurredAt > now - 45d) = 0",
                    rows -> rows.stream().noneMatch(k -> k.channel() == Channel.DESK
                            && k.occurredAt().isAfter(NOW.minus(Duration.ofDays(45))))),
            new Check("last(contacts where kind = \"complaint\").occurredAt < now - 20d",
                    rows -> rows.stream().filter(k -> k.kind() == ContactKind.COMPLAINT).map(ContactRow::occurredAt)
                            .max(Instant::compareTo).map(t -> t.isBefore(NOW.minus(Duration.ofDays(20)))).orElse(false)),
            new Check("count(contacts where kind = \"complaint\" and occurredAt > now - 200d) >= 2",
                    rows -> rows.stream().filter(k -> k.kind() == ContactKind.COMPLAINT
                            && k.occurredAt().isAfter(NOW.minus(Duration.ofDays(200)))).count() >= 2),
            new Check("count(contacts where channel in (\"desk\", \"phone\") and occurredAt > now - 90d) = 1",
                    rows -> rows.stream().filter(k -> (k.channel() == Channel.DESK || k.channel() == Channel.PHONE)
                            && k.occurredAt().isAfter(NOW.minus(Duration.ofDays(90)))).count() == 1),
            new Check("count(contacts where topic = \"parking\" and occurredAt > now - 300d) < 2",
                    rows -> rows.stream().filter(k -> k.topic().equals("parking")
                            && k.occurredAt().isAfter(NOW.minus(Duration.ofDays(300)))).count() < 2),
            new Check("count(contacts where occurredAt > now - 100d and occurredAt < now - 20d) >= 2",
                    rows -> rows.stream().filter(k -> k.occurredAt().isAfter(NOW.minus(Duration.ofDays(100)))
                            && k.occurredAt().isBefore(NOW.minus(Duration.ofDays(20)))).count() >= 2),
            new Check("last(contacts).occurredAt < now - 30d",
                    rows -> rows.stream().map(ContactRow::occurredAt).max(Instant::compareTo)
                            .map(t -> t.isBefore(NOW.minus(Duration.ofDays(30)))).orElse(false)),
            new Check("count(contacts where not (channel = \"desk\" or occurredAt > now - 30d)) >= 1",
                    rows -> rows.stream().anyMatch(k -> !(k.channel() == Channel.DESK
                            || k.occurredAt().isAfter(NOW.minus(Duration.ofDays(30)))))));

    @org.junit.jupiter.api.BeforeEach
    void throughTheBitmaps() {
        BitmapEvaluator.readDirectlyUpTo = 0;   // even the few citizens here go through presence bitmaps and tallies
    }

    @org.junit.jupiter.api.AfterEach
    void restore() {
        BitmapEvaluator.parallelFrom = 50_000;
        BitmapEvaluator.readDirectlyUpTo = 16_384;
    }

    @Test
    void aggregatesFollowEveryChange_throughSeveralPackings_splitScans() {
        BitmapEvaluator.parallelFrom = 64;   // wide scans run in two halves on two threads
        aggregatesFollowEveryChange_throughSeveralPackings();
    }

    @Test
    void aggregatesFollowEveryChange_throughSeveralPackings() {
        index.batch(() -> {
            for (int seq = 0; seq < CITIZENS; seq++) {
                index.upsertCitizen(new CitizenRow(seq, LocalDate.of(1980, 1, 1), HouseholdType.SINGLE, 1, null,
                        "1011AB", "BU03630000", "WK036300", "nl", RegistrationStatus.RESIDENT, Map.of()));
            }
            for (long id = 1; id <= 3_000; id++) {
                put(id);
            }
        });
        assertAgree("after the load (packed)");
        for (int round = 0; round < 40; round++) {
            int changes = round % 10 == 9 ? 4_000 : 1 + random.nextInt(40);   // now and then enough to pack again
            index.batch(() -> {
                for (int i = 0; i < changes; i++) {
                    long id = 1 + random.nextInt(4_000);
                    if (random.nextInt(4) == 0) {
                        index.removeContact(id);
                        contacts.remove(id);
                    } else {
                        put(id);   // new, or moved to another citizen and time
                    }
                }
            });
            assertAgree("after round " + round + " (" + changes + " changes)");
        }
    }

    private void put(long id) {
        ContactRow row = new ContactRow(id, random.nextInt(CITIZENS), CHANNELS[random.nextInt(CHANNELS.length)],
                Direction.INBOUND, KINDS[random.nextInt(KINDS.length)], TOPICS[random.nextInt(TOPICS.length)], null,
                NOW.minus(Duration.ofHours(random.nextInt(24 * 400))), null);
        index.putContact(row);
        contacts.put(id, row);
    }

    private void assertAgree(String when) {
        Map<Integer, List<ContactRow>> bySeq = new HashMap<>();
        contacts.values().forEach(k -> bySeq.computeIfAbsent(k.citizenSeq(), s -> new ArrayList<>()).add(k));
        for (Check check : checks) {
            RoaringBitmap expected = new RoaringBitmap();
            for (int seq = 0; seq < CITIZENS; seq++) {
                if (check.member().test(bySeq.getOrDefault(seq, List.of()))) {
                    expected.add(seq);
                }
            }
            RoaringBitmap engine = index.members(compiler.compile(null, "segmentation", check.text()), NOW);
            assertThat(engine.toArray()).as("%s: %s", when, check.text()).containsExactly(expected.toArray());
        }
    }
}
