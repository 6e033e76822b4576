package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contact history of a 20,000-citizen town over 12 months, 3 contacts per citizen-year. */
class ContactHistoryTests {

    private static final LocalDate END = LocalDate.of(2026, 3, 31);

    private static SyntheticMunicipality spec;
    private static RecordingSink town;
    private static Map<UUID, GeneratedCitizen> citizens;
    private static Map<UUID, PlantedPreference> preferences;

    @BeforeAll
    static void generate() {
        spec = SyntheticMunicipality.builder().citizens(20_000).months(12).endDate(END).seed(11)
                .contactsPerCitizenYear(3.0).build();
        town = RecordingSink.of(spec);
        citizens = new HashMap<>();
        town.citizens.forEach(c -> citizens.put(c.id(), c));
        preferences = new HashMap<>();
        town.preferences.forEach(p -> preferences.put(p.citizenId(), p));
    }

    private static ZonedDateTime local(GeneratedContact c) {
        return c.occurredAt().atZone(SyntheticMunicipality.ZONE);
    }

    private static boolean ownInbound(GeneratedContact c) {
        return c.citizenId() != null && c.direction() == Direction.INBOUND;
    }

    @Test
    void contacts_allInsideThePeriod() {
        assertThat(town.contacts).isNotEmpty().allSatisfy(c -> {
            assertThat(c.occurredAt()).isAfterOrEqualTo(spec.periodStart()).isBefore(spec.periodEnd());
            if (c.closedAt() != null) {
                assertThat(c.closedAt()).isAfterOrEqualTo(c.occurredAt()).isBefore(spec.periodEnd());
            }
        });
    }

    @Test
    void volume_nearTheRequestedContactsPerCitizenYear() {
        assertThat(town.contacts.size() / 20_000.0).isBetween(2.6, 3.4);
    }

    @Test
    void sourceIds_uniqueAndSynthetic() {
        Set<String> ids = new HashSet<>();
        for (GeneratedContact c : town.contacts) {
            assertThat(c.source()).isEqualTo("synthetic");
            assertThat(c.bsn()).isNull();
            assertThat(ids.add(c.sourceId())).isTrue();
        }
    }

    @Test
    void contacts_referToGeneratedCitizensInTheirNeighbourhood() {
        for (GeneratedContact c : town.contacts) {
            if (c.citizenId() != null) {
                GeneratedCitizen citizen = citizens.get(c.citizenId());
                assertThat(citizen).isNotNull();
                assertThat(c.neighbourhood()).isEqualTo(citizen.neighbourhood());
            }
        }
    }

    @Test
    void shares_anonymousOutboundComplaintsComplimentsAndRatings() {
        double n = town.contacts.size();
        double anonymous = town.contacts.stream().filter(c -> c.citizenId() == null).count() / n;
        double outbound = town.contacts.stream().filter(c -> c.direction() == Direction.OUTBOUND).count() / n;
        double complaints = town.contacts.stream().filter(c -> c.kind() == ContactKind.COMPLAINT).count() / n;
        double compliments = town.contacts.stream().filter(c -> c.kind() == ContactKind.COMPLIMENT).count() / n;
        double unrated = town.contacts.stream().filter(c -> c.satisfaction() == null).count() / n;
        double withText = town.contacts.stream().filter(c -> c.text() != null).count() / n;

        assertThat(anonymous).isBetween(0.11, 0.19);
        assertThat(outbound).isBetween(0.06, 0.14);
        assertThat(complaints).isBetween(0.025, 0.06);
        assertThat(compliments).isBetween(0.01, 0.03);
        assertThat(unrated).isBetween(0.58, 0.72);
        assertThat(withText).isBetween(0.01, 0.15);
    }

    @Test
    void channelMix_olderResidents_morePhoneDeskAndLetter_youngerMoreDigital() {
        double[] young = new double[2];    // [digital, all] for 18-34
        double[] old = new double[2];      // for 65+
        for (GeneratedContact c : town.contacts) {
            if (!ownInbound(c)) {
                continue;
            }
            int age = Period.between(citizens.get(c.citizenId()).birthDate(), END).getYears();
            double[] group = age >= 18 && age < 35 ? young : age >= 65 ? old : null;
            if (group != null) {
                group[0] += c.channel().digital() ? 1 : 0;
                group[1]++;
            }
        }
        double youngDigital = young[0] / young[1];
        double oldDigital = old[0] / old[1];

        assertThat(youngDigital).isGreaterThan(oldDigital + 0.2);
        assertThat(1 - oldDigital).as("phone, desk and letter among 65+").isGreaterThan(0.6);
    }

    @Test
    void plantedPreferredChannel_overRepresentedInThatResidentsContacts() {
        Map<Channel, long[]> preferring = new EnumMap<>(Channel.class);   // [on that channel, all]
        Map<Channel, long[]> others = new EnumMap<>(Channel.class);
        for (Channel ch : Channel.values()) {
            preferring.put(ch, new long[2]);
            others.put(ch, new long[2]);
        }
        for (GeneratedContact c : town.contacts) {
            if (!ownInbound(c)) {
                continue;
            }
            Channel preferred = preferences.get(c.citizenId()).preferredChannel();
            for (Channel ch : Channel.values()) {
                long[] counts = (ch == preferred ? preferring : others).get(ch);
                counts[0] += c.channel() == ch ? 1 : 0;
                counts[1]++;
            }
        }
        int checked = 0;
        for (Channel ch : Channel.values()) {
            long[] p = preferring.get(ch);
            long[] o = others.get(ch);
            if (p[1] < 500) {
                continue;
            }
            assertThat((double) p[0] / p[1]).as("share of %s among residents preferring it", ch)
                    .isGreaterThan(2.0 * o[0] / o[1]);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void plantedHourBlock_overRepresentedInThatResidentsContacts() {
        Map<String, long[]> inBlock = new HashMap<>();
        for (GeneratedContact c : town.contacts) {
            if (!ownInbound(c)) {
                continue;
            }
            String block = preferences.get(c.citizenId()).preferredHourBlock();
            int hour = local(c).getHour();
            boolean hit = switch (block) {
                case "morning" -> hour >= 8 && hour < 12;
                case "afternoon" -> hour >= 12 && hour < 17;
                default -> hour >= 17 && hour < 22;
            };
            long[] counts = inBlock.computeIfAbsent(block, b -> new long[2]);
            counts[0] += hit ? 1 : 0;
            counts[1]++;
        }
        assertThat((double) inBlock.get("morning")[0] / inBlock.get("morning")[1]).isGreaterThan(0.6);
        assertThat((double) inBlock.get("afternoon")[0] / inBlock.get("afternoon")[1]).isGreaterThan(0.6);
        assertThat((double) inBlock.get("evening")[0] / inBlock.get("evening")[1]).isGreaterThan(0.3);
    }

    @Test
    void responsiveness_scalesContactFrequency() {
        Map<UUID, Integer> perCitizen = new HashMap<>();
        town.contacts.stream().filter(ContactHistoryTests::ownInbound).forEach(c -> perCitizen.merge(c.citizenId(), 1, Integer::sum));
        double[] low = new double[2];
        double[] high = new double[2];
        for (PlantedPreference p : town.preferences) {
            if (Period.between(citizens.get(p.citizenId()).birthDate(), END).getYears() < 18) {
                continue;
            }
            double[] group = p.responsiveness() < 0.35 ? low : p.responsiveness() > 0.65 ? high : null;
            if (group != null) {
                group[0] += perCitizen.getOrDefault(p.citizenId(), 0);
                group[1]++;
            }
        }
        assertThat(high[0] / high[1]).isGreaterThan(1.4 * low[0] / low[1]);
    }

    @Test
    void weekdays_busierThanSunday_mondayBusiest() {
        Map<DayOfWeek, Integer> perDay = new EnumMap<>(DayOfWeek.class);
        town.contacts.forEach(c -> perDay.merge(local(c).getDayOfWeek(), 1, Integer::sum));
        int sunday = perDay.get(DayOfWeek.SUNDAY);

        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            assertThat(perDay.get(day)).as(day.toString()).isGreaterThan(2 * sunday);
            assertThat(perDay.get(DayOfWeek.MONDAY)).isGreaterThanOrEqualTo(perDay.get(day));
        }
    }

    @Test
    void phoneAndDesk_onlyInOfficeHoursOnWorkingDays() {
        for (GeneratedContact c : town.contacts) {
            if (c.channel() == Channel.PHONE || c.channel() == Channel.DESK) {
                ZonedDateTime at = local(c);
                assertThat(at.getHour()).as("hour of %s contact %s", c.channel(), c.sourceId()).isBetween(8, 19);
                if (c.direction() == Direction.OUTBOUND || c.channel() == Channel.DESK) {
                    assertThat(at.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                }
            }
        }
    }

    @Test
    void seasonality_taxesPeakInFebruaryAndMarch_passportsInSpring() {
        Map<Integer, Integer> taxes = new HashMap<>();
        Map<Integer, Integer> passports = new HashMap<>();
        for (GeneratedContact c : town.contacts) {
            int month = local(c).getMonthValue();
            if (c.topic().equals("belastingen")) {
                taxes.merge(month, 1, Integer::sum);
            } else if (c.topic().equals("paspoort-id-kaart")) {
                passports.merge(month, 1, Integer::sum);
            }
        }
        assertThat(taxes.get(2) + taxes.get(3)).isGreaterThan(2 * (taxes.get(8) + taxes.get(9)));
        assertThat(passports.get(4) + passports.get(5)).isGreaterThan(passports.get(11) + passports.get(12));
    }

    @Test
    void repeats_unresolvedContactsFollowedMoreOftenBySameTopicWithinAWeek() {
        Map<UUID, List<GeneratedContact>> byCitizen = new HashMap<>();
        town.contacts.stream().filter(ContactHistoryTests::ownInbound)
                .forEach(c -> byCitizen.computeIfAbsent(c.citizenId(), k -> new ArrayList<>()).add(c));
        long[] resolved = new long[2];
        long[] unresolved = new long[2];
        for (List<GeneratedContact> list : byCitizen.values()) {
            list.sort(Comparator.comparing(GeneratedContact::occurredAt));
            for (int i = 0; i < list.size(); i++) {
                GeneratedContact c = list.get(i);
                boolean repeated = false;
                for (int j = i + 1; j < list.size() && !repeated; j++) {
                    GeneratedContact next = list.get(j);
                    repeated = next.topic().equals(c.topic())
                            && next.occurredAt().isBefore(c.occurredAt().plusSeconds(8 * 86_400L));
                }
                long[] group = Boolean.TRUE.equals(c.resolvedFirstContact()) ? resolved : unresolved;
                group[0] += repeated ? 1 : 0;
                group[1]++;
            }
        }
        assertThat((double) unresolved[0] / unresolved[1]).isGreaterThan(2.0 * resolved[0] / resolved[1]);
    }

    @Test
    void satisfaction_higherWhenResolved() {
        double[] resolved = new double[2];
        double[] unresolved = new double[2];
        for (GeneratedContact c : town.contacts) {
            if (c.satisfaction() != null && c.resolvedFirstContact() != null) {
                double[] group = c.resolvedFirstContact() ? resolved : unresolved;
                group[0] += c.satisfaction();
                group[1]++;
            }
        }
        assertThat(resolved[0] / resolved[1]).isGreaterThan(unresolved[0] / unresolved[1] + 0.8);
    }

    @Test
    void topics_dutchSlugsWithSignalenSubcategoriesForPublicSpace() {
        Set<String> topics = new HashSet<>();
        Set<String> publicSpace = new HashSet<>();
        for (GeneratedContact c : town.contacts) {
            topics.add(c.topic());
            assertThat(c.subtopic()).isNotBlank();
            if (c.topic().equals("openbare-ruimte")) {
                publicSpace.add(c.subtopic());
            }
        }
        assertThat(topics).contains("paspoort-id-kaart", "rijbewijs", "verhuizing", "afval", "parkeren", "belastingen",
                "wmo", "bijstand", "geboorte", "huwelijk", "openbare-ruimte", "vergunningen");
        assertThat(SignalCategories.instance().slugs).containsAll(publicSpace);
        assertThat(publicSpace).hasSizeGreaterThan(40);
    }
}
