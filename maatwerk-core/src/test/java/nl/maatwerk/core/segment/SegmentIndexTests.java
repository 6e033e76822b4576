package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;
import nl.maatwerk.core.model.TravelDocumentType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class SegmentIndexTests {

    /** 29 March 2026, 03:30 in Amsterdam, just after the clocks went forward. */
    private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 29);

    private final SegmentCompiler compiler = new SegmentCompiler(Fixtures.SCHEMA, SegmentResolver.of(Map.of(
            "digitaal-actief", "count(contacts where channel.digital and occurredAt > now - 12m) >= 1")));
    private final SegmentIndex index = new SegmentIndex();

    private CheckedSegment segment(String text) {
        return compiler.compile(null, "segmentation", text);
    }

    private int[] members(String text) {
        return index.members(segment(text), NOW).toArray();
    }

    private static CitizenRow citizen(int seq, LocalDate birthDate) {
        return citizen(seq, birthDate, HouseholdType.SINGLE, Map.of());
    }

    private static CitizenRow citizen(int seq, LocalDate birthDate, HouseholdType type,
            Map<String, Object> attributes) {
        return new CitizenRow(seq, birthDate, type, 1, null, "1011AB", "BU03630000", "WK036300", "nl",
                RegistrationStatus.RESIDENT, attributes);
    }

    private static ContactRow contact(long id, int seq, Channel channel, Instant at) {
        return new ContactRow(id, seq, channel, Direction.INBOUND, ContactKind.QUESTION, "waste", null, at, null);
    }

    @Nested
    class NestedSegments {

        @Test
        void segmentAskedFirstForFewCandidates_isStillRightForTheOthersLaterInTheSameEvaluation() {
            index.upsertCitizen(citizen(1, LocalDate.of(1950, 1, 1)));
            index.upsertCitizen(citizen(2, LocalDate.of(2000, 1, 1)));
            index.upsertCitizen(citizen(3, LocalDate.of(2000, 1, 1), HouseholdType.COUPLE, Map.of()));
            index.putContact(contact(1, 1, Channel.EMAIL, NOW.minusSeconds(86_400)));
            index.putContact(contact(2, 2, Channel.APP, NOW.minusSeconds(86_400)));
            // the first part asks "digitaal-actief" about citizen 1 only; the second about everyone else
            assertThat(members("(age > 50 and in segment \"digitaal-actief\") or (household.type = \"single\" "
                    + "and in segment \"digitaal-actief\")")).containsExactly(1, 2);
            assertThat(members("(age > 50 and in segment \"digitaal-actief\") or not in segment \"digitaal-actief\""))
                    .containsExactly(1, 3);
        }
    }

    @Nested
    class Age {

        @Test
        void ageComparisons_agreeWithPeriodBetween_aroundBirthdaysAndLeapDays() {
            List<LocalDate> births = IntStream.rangeClosed(0, 3).boxed().flatMap(years -> IntStream.rangeClosed(-2, 2)
                    .mapToObj(d -> TODAY.minusYears(40 + years).plusDays(d))).toList();
            List<LocalDate> all = new java.util.ArrayList<>(births);
            all.add(LocalDate.of(1984, 2, 29));
            all.add(LocalDate.of(2000, 2, 29));
            for (int i = 0; i < all.size(); i++) {
                index.upsertCitizen(citizen(i, all.get(i)));
            }

            for (int years = 38; years <= 45; years++) {
                for (String op : List.of("=", "!=", "<", "<=", ">", ">=")) {
                    int n = years;
                    int[] expected = IntStream.range(0, all.size()).filter(i -> {
                        int age = Period.between(all.get(i), TODAY).getYears();
                        return switch (op) {
                            case "=" -> age == n;
                            case "!=" -> age != n;
                            case "<" -> age < n;
                            case "<=" -> age <= n;
                            case ">" -> age > n;
                            default -> age >= n;
                        };
                    }).toArray();
                    assertThat(members("age " + op + " " + n)).as("age %s %d", op, n).containsExactly(expected);
                }
            }
        }

        @Test
        void ageCount_fromTheBucketHistograms_followsMovesRemovalsAndExclusions() {
            java.util.Random random = new java.util.Random(5);
            for (int seq = 0; seq < 400; seq++) {
                index.upsertCitizen(citizen(seq, TODAY.minusDays(random.nextInt(40_000))));
            }
            for (int seq = 0; seq < 400; seq += 3) {
                index.upsertCitizen(citizen(seq, TODAY.minusDays(random.nextInt(40_000))));   // a corrected birth date
            }
            for (int seq = 1; seq < 400; seq += 7) {
                index.removeCitizen(seq);
            }
            index.exclude(2, true);
            for (int years = 0; years < 110; years += 3) {
                for (int span = 0; span < 30; span += 7) {
                    String text = "age between " + years + " and " + (years + span);
                    assertThat(index.count(segment(text), NOW)).as(text).isEqualTo(members(text).length);
                }
            }
        }

        @Test
        void leapDayBirthday_turnsOlderOnFirstMarch() {
            index.upsertCitizen(citizen(1, LocalDate.of(2000, 2, 29)));
            CheckedSegment adult = segment("age >= 26");

            assertThat(index.count(adult, Instant.parse("2026-02-28T12:00:00Z"))).isZero();
            assertThat(index.count(adult, Instant.parse("2026-03-01T12:00:00Z"))).isEqualTo(1);
        }

        @Test
        void birthdayStartsAtMidnightInAmsterdam_notUtc() {
            index.upsertCitizen(citizen(1, LocalDate.of(2008, 6, 1)));
            CheckedSegment adult = segment("age >= 18");

            assertThat(index.count(adult, Instant.parse("2026-05-31T21:59:59Z"))).isZero();
            assertThat(index.count(adult, Instant.parse("2026-05-31T22:00:00Z"))).isEqualTo(1);
        }
    }

    @Nested
    class Time {

        @Test
        void now90d_isExactly90TimesTwentyFourHours_acrossTheClockChange() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            index.upsertCitizen(citizen(2, LocalDate.of(1980, 1, 1)));
            Instant edge = NOW.minus(Duration.ofHours(90 * 24));
            index.putContact(contact(1, 1, Channel.DESK, edge));
            index.putContact(contact(2, 2, Channel.DESK, edge.plusSeconds(1)));

            assertThat(members("count(contacts where occurredAt > now - 90d) >= 1")).containsExactly(2);
            assertThat(members("count(contacts where occurredAt >= now - 90d) >= 1")).containsExactly(1, 2);
        }

        @Test
        void fractionOfASecond_countsAsThatSecond() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            index.putContact(contact(1, 1, Channel.DESK, NOW.minus(Duration.ofDays(90)).plusMillis(500)));

            assertThat(members("count(contacts where occurredAt > now - 90d) >= 1")).isEmpty();
            assertThat(members("count(contacts where occurredAt = now - 90d) >= 1")).containsExactly(1);
        }

        @Test
        void dateLiteralOnAMoment_isTheWholeDayInAmsterdam() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            index.upsertCitizen(citizen(2, LocalDate.of(1980, 1, 1)));
            index.putContact(contact(1, 1, Channel.DESK, Instant.parse("2026-01-30T23:30:00Z")));   // 31 Jan 00:30
            index.putContact(contact(2, 2, Channel.DESK, Instant.parse("2026-01-31T23:30:00Z")));   // 1 Feb 00:30

            assertThat(members("count(contacts where occurredAt = 2026-01-31) = 1")).containsExactly(1);
            assertThat(members("count(contacts where occurredAt > 2026-01-31) = 1")).containsExactly(2);
            assertThat(members("last(contacts).occurredAt <= 2026-01-31")).containsExactly(1);
        }

        @Test
        void months_areCalendarMonthsInAmsterdam() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            Instant oneMonthAgo = ZonedDateTime.ofInstant(NOW, Moments.ZONE).minusMonths(1).toInstant();
            index.putContact(contact(1, 1, Channel.EMAIL, oneMonthAgo));

            assertThat(members("last(contacts).occurredAt = now - 1m")).containsExactly(1);
            assertThat(oneMonthAgo).isEqualTo(Instant.parse("2026-02-28T02:30:00Z"));   // 03:30 CEST → 03:30 CET
        }
    }

    @Nested
    class Contacts {

        @Test
        void countZero_includesCitizensWithoutContacts() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            index.upsertCitizen(citizen(2, LocalDate.of(1980, 1, 1)));
            index.putContact(contact(1, 1, Channel.PHONE, NOW.minusSeconds(60)));

            assertThat(members("count(contacts) = 0")).containsExactly(2);
            assertThat(members("count(contacts where channel = \"phone\") < 1")).containsExactly(2);
            assertThat(members("count(contacts) != 0")).containsExactly(1);
        }

        @Test
        void digitalInLast12Months_readsAsWritten() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            index.upsertCitizen(citizen(2, LocalDate.of(1980, 1, 1)));
            index.putContact(contact(1, 1, Channel.APP, NOW.minus(Duration.ofDays(300))));
            index.putContact(contact(2, 2, Channel.LETTER, NOW.minus(Duration.ofDays(3))));

            assertThat(members("in segment \"digitaal-actief\"")).containsExactly(1);
            assertThat(members("not in segment \"digitaal-actief\"")).containsExactly(2);
        }

        @Test
        void removeContact_andMoveContact_updateCounts() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            index.upsertCitizen(citizen(2, LocalDate.of(1980, 1, 1)));
            index.putContact(contact(7, 1, Channel.PHONE, NOW.minusSeconds(60)));
            CheckedSegment any = segment("count(contacts) >= 1");
            assertThat(index.members(any, NOW).toArray()).containsExactly(1);

            index.putContact(contact(7, 2, Channel.PHONE, NOW.minusSeconds(60)));
            assertThat(index.members(any, NOW).toArray()).containsExactly(2);
            assertThat(index.contacts()).isEqualTo(1);

            index.removeContact(7);
            assertThat(index.members(any, NOW).isEmpty()).isTrue();
            assertThat(index.contacts()).isZero();
        }

        @Test
        void contactIdBeyondIntRange_refused() {
            assertThatThrownBy(() -> contact(3_000_000_000L, 1, Channel.PHONE, NOW))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contact id");
        }
    }

    @Nested
    class DocumentsAndCases {

        @Test
        void travelDocumentTests_validExpiringAndLapsed() {
            for (int seq = 1; seq <= 4; seq++) {
                index.upsertCitizen(citizen(seq, LocalDate.of(1980, 1, 1)));
            }
            index.putTravelDocument(new TravelDocumentRow("AB1234567", 1, TravelDocumentType.PASSPORT,
                    TODAY.minusYears(10).plusDays(20), TODAY.plusDays(20)));                  // expires in 20 days
            index.putTravelDocument(new TravelDocumentRow("AB1234568", 2, TravelDocumentType.IDENTITY_CARD,
                    TODAY.minusYears(5), TODAY.plusYears(5)));                                // valid for years
            index.putTravelDocument(new TravelDocumentRow("AB1234569", 3, TravelDocumentType.PASSPORT,
                    TODAY.minusYears(10).minusDays(30), TODAY.minusDays(30)));                // lapsed a month ago
            index.putTravelDocument(new TravelDocumentRow("AB1234570", 4, TravelDocumentType.PASSPORT,
                    TODAY.minusYears(10), TODAY));                                            // last valid day

            assertThat(members("document.travel.valid")).containsExactly(1, 2, 4);
            assertThat(members("document.travel.expiresWithin(8w)")).containsExactly(1, 4);
            assertThat(members("document.travel.expiredWithin(3m)")).containsExactly(3);
            assertThat(members("document.travel.expiredWithin(2w)")).isEmpty();

            index.putTravelDocument(new TravelDocumentRow("ZZ0000001", 3, TravelDocumentType.PASSPORT,
                    TODAY.minusDays(2), TODAY.plusYears(10)));                                // renewed
            assertThat(members("document.travel.expiredWithin(3m)")).isEmpty();
            index.removeTravelDocument(3, "ZZ0000001");
            assertThat(members("document.travel.expiredWithin(3m)")).containsExactly(3);
        }

        @Test
        void openObjectionWithDeadlineSoon() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            index.upsertCitizen(citizen(2, LocalDate.of(1980, 1, 1)));
            UUID open = UUID.randomUUID();
            index.putCase(new CaseRow(open, 1, CaseType.OBJECTION, CaseStatus.IN_PROGRESS, NOW.minusSeconds(86_400),
                    TODAY.plusDays(3), null, null, null));
            index.putCase(new CaseRow(UUID.randomUUID(), 2, CaseType.OBJECTION, CaseStatus.DECIDED,
                    NOW.minusSeconds(86_400), TODAY.plusDays(3), TODAY, null, null));
            String text = "count(cases where type = \"objection\" and open and decisionDeadline < now + 5d) >= 1";

            assertThat(members(text)).containsExactly(1);
            index.removeCase(1, open);
            assertThat(members(text)).isEmpty();
        }
    }

    @Nested
    class Privacy {

        @Test
        void excludedCitizen_isNeverAMember_notEvenOfANegation() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            index.upsertCitizen(citizen(2, LocalDate.of(1980, 1, 1)));
            index.exclude(2, true);

            assertThat(members("age > 18")).containsExactly(1);
            assertThat(members("not age < 18")).containsExactly(1);
            assertThat(members("count(contacts) = 0")).containsExactly(1);

            index.exclude(2, false);
            assertThat(members("age > 18")).containsExactly(1, 2);
        }

        @Test
        void ageCount_leavesOutExcludedAndWithdrawn_likeMembers() {
            for (int seq = 1; seq <= 6; seq++) {
                index.upsertCitizen(citizen(seq, LocalDate.of(1990, 1, seq)));
            }
            index.upsertCitizen(citizen(7, LocalDate.of(1950, 1, 1)));
            index.exclude(2, true);
            index.withdrawConsent(3, "segmentation", true);
            index.withdrawConsent(4, "marketing", true);
            index.removeCitizen(5);
            CheckedSegment adults = segment("age between 25 and 40");

            assertThat(members("age between 25 and 40")).containsExactly(1, 4, 6);
            assertThat(index.count(adults, NOW)).isEqualTo(3);   // counted from the birth-date buckets
        }

        @Test
        void minimumSize_suppressesSmallCounts() {
            assertThat(MinimumSize.DEFAULT.apply(49)).isEqualTo(new SegmentCount(0, true, 50));
            assertThat(MinimumSize.DEFAULT.apply(49).toString()).isEqualTo("fewer than 50");
            assertThat(MinimumSize.DEFAULT.apply(50)).isEqualTo(new SegmentCount(50, false, 50));
            assertThat(new MinimumSize(10).apply(0).suppressed()).isTrue();
            assertThatThrownBy(() -> new SegmentCount(3, false, 50)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Updates {

        @Test
        void upsert_movesCitizenBetweenSegments_andMembershipChangeSaysWho() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1), HouseholdType.SINGLE,
                    Map.of("income_band", "low")));
            index.upsertCitizen(citizen(2, LocalDate.of(1980, 1, 1), HouseholdType.FAMILY_WITH_CHILDREN,
                    Map.of("income_band", "low", "household_income", new BigDecimal("12.5"))));
            CheckedSegment families = segment(
                    "household.type = \"family_with_children\" and attribute.income_band = \"low\"");
            RoaringBitmap before = index.members(families, NOW);

            index.batch(() -> {
                index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1), HouseholdType.FAMILY_WITH_CHILDREN,
                        Map.of("income_band", "low")));
                index.upsertCitizen(citizen(2, LocalDate.of(1980, 1, 1), HouseholdType.FAMILY_WITH_CHILDREN,
                        Map.of()));
            });
            MembershipChange change = MembershipChange.between(before, index.members(families, NOW));

            assertThat(change.entered().toArray()).containsExactly(1);
            assertThat(change.left().toArray()).containsExactly(2);
            assertThat(members("attribute.household_income > 10")).isEmpty();
        }

        @Test
        void removeCitizen_dropsItFromEverySegment() {
            index.upsertCitizen(citizen(1, LocalDate.of(1980, 1, 1)));
            index.putContact(contact(1, 1, Channel.PHONE, NOW.minusSeconds(5)));
            index.removeCitizen(1);

            assertThat(members("count(contacts) >= 1 or not age > 0")).isEmpty();
            assertThat(index.citizens()).isZero();
        }
    }

    /** Prints the footprint; at 50,000 citizens with 10 contacts, a document and a third of a case each. */
    @Test
    void memory_perCitizen_isReported() {
        TestPopulation population = new TestPopulation(7, NOW, 50_000, 500_000);
        population.loadInto(index);

        long bytes = index.estimatedBytes();
        System.out.printf("segment index: %,d citizens, %,d contacts: %,d bytes, %.0f bytes per citizen"
                + " (10 contacts each)%n", index.citizens(), index.contacts(), bytes, bytes / 50_000.0);
        // incl. the contacts packed by citizen and time (~14 B each) and the per-period tallies (2 B per period)
        assertThat(bytes / 50_000).isLessThan(780);
        assertThat(index.count(segment(Fixtures.EXAMPLE.replace(" and not in segment \"digitaal-actief\"", "")), NOW))
                .isGreaterThanOrEqualTo(0);
    }
}
