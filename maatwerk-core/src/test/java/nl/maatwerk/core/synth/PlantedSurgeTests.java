package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.maatwerk.core.model.Direction;
import org.junit.jupiter.api.Test;

class PlantedSurgeTests {

    private static final LocalDate END = LocalDate.of(2026, 3, 31);
    private static final LocalDate WEEK = LocalDate.of(2026, 2, 16);
    private static final String DISTRICT = "WK036394";

    private static final RecordingSink PLAIN = town();

    private static RecordingSink town(PlantedSurge... surges) {
        SyntheticMunicipality.Builder builder = SyntheticMunicipality.builder().citizens(20_000).months(3).endDate(END)
                .seed(3).contactsPerCitizenYear(4);
        for (PlantedSurge s : surges) {
            builder.surge(s);
        }
        return RecordingSink.of(builder.build());
    }

    /** Inbound contacts on the topic from residents of the district in the surge's week. */
    private static Predicate<GeneratedContact> inSurge(RecordingSink sink, String topic) {
        Map<UUID, String> districtOf = new HashMap<>();
        sink.citizens.forEach(c -> districtOf.put(c.id(), c.district()));
        return c -> {
            LocalDate day = c.occurredAt().atZone(SyntheticMunicipality.ZONE).toLocalDate();
            String district = c.citizenId() != null ? districtOf.get(c.citizenId()) : c.district();
            return c.direction() == Direction.INBOUND && c.topic().equals(topic) && DISTRICT.equals(district)
                    && !day.isBefore(WEEK) && day.isBefore(WEEK.plusDays(7));
        };
    }

    /** The contacts without their sourceId, which shifts after the first extra contact. */
    private static List<GeneratedContact> withoutIds(List<GeneratedContact> contacts) {
        List<GeneratedContact> out = new ArrayList<>();
        for (GeneratedContact c : contacts) {
            out.add(new GeneratedContact(c.source(), "-", c.citizenId(), c.bsn(), c.channel(), c.direction(), c.kind(),
                    c.topic(), c.subtopic(), c.occurredAt(), c.closedAt(), c.resolvedFirstContact(), c.satisfaction(),
                    c.neighbourhood(), c.district(), c.text()));
        }
        return out;
    }

    @Test
    void surge_factorThree_triplesTheTopicInThatDistrictAndWeekAndChangesNothingElse() {
        RecordingSink plain = PLAIN;
        RecordingSink surged = town(new PlantedSurge("openbare-ruimte", DISTRICT, WEEK, 3));

        // Anonymous reports of public space keep their district, so every contact of the surge is counted.
        Predicate<GeneratedContact> inPlain = inSurge(plain, "openbare-ruimte");
        Predicate<GeneratedContact> inSurged = inSurge(surged, "openbare-ruimte");
        long before = plain.contacts.stream().filter(inPlain).count();
        assertThat(before).as("reports from the district that week").isGreaterThan(5);
        assertThat(surged.contacts.stream().filter(inSurged).count()).isEqualTo(3 * before);
        // Every contact of the plain town is still there, in order, with the same values; the extras are all
        // in the surge.
        List<GeneratedContact> extras = new ArrayList<>(withoutIds(surged.contacts));
        for (GeneratedContact c : withoutIds(plain.contacts)) {
            assertThat(extras.remove(c)).as("kept %s", c).isTrue();
        }
        assertThat(extras).hasSize((int) (2 * before)).allMatch(inSurged);
        assertThat(surged.contacts).extracting(GeneratedContact::sourceId).doesNotHaveDuplicates()
                .endsWith("c-" + surged.contacts.size());
    }

    @Test
    void surge_factorZero_removesTheTopicInThatDistrictAndWeekOnly() {
        RecordingSink plain = PLAIN;
        RecordingSink dipped = town(new PlantedSurge("openbare-ruimte", DISTRICT, WEEK, 0));

        assertThat(dipped.contacts.stream().filter(inSurge(dipped, "openbare-ruimte")).count()).isZero();
        assertThat(withoutIds(plain.contacts.stream().filter(inSurge(plain, "openbare-ruimte").negate()).toList()))
                .isEqualTo(withoutIds(dipped.contacts));
    }

    @Test
    void surge_outsideThePeriod_sameRecordsAsWithout() {
        RecordingSink plain = PLAIN;
        RecordingSink elsewhere = town(new PlantedSurge("afval", DISTRICT, LocalDate.of(2025, 6, 2), 3));

        assertThat(elsewhere.contacts).isEqualTo(plain.contacts);
        assertThat(elsewhere.citizens).isEqualTo(plain.citizens);
    }

    @Test
    void surge_sameSettingsTwice_sameRecords() {
        PlantedSurge surge = new PlantedSurge("parkeren", DISTRICT, WEEK, 2.5);

        assertThat(town(surge).contacts).isEqualTo(town(surge).contacts);
    }

    @Test
    void plantedSurge_notAMondayUnknownTopicOrFactorOutOfRange_rejectedWithValue() {
        assertThatThrownBy(() -> new PlantedSurge("afval", DISTRICT, LocalDate.of(2026, 2, 17), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-02-17 (a TUESDAY)");
        assertThatThrownBy(() -> new PlantedSurge("vuil", DISTRICT, WEEK, 3)).hasMessageContaining("unknown topic vuil");
        assertThatThrownBy(() -> new PlantedSurge("afval", DISTRICT, WEEK, 21)).hasMessageContaining("was 21.0");
        assertThatThrownBy(() -> new PlantedSurge("afval", DISTRICT, WEEK, Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void build_surgeInUnknownDistrict_rejectedNamingTheDistrict() {
        SyntheticMunicipality.Builder builder = SyntheticMunicipality.builder()
                .surge(new PlantedSurge("afval", "WK999999", WEEK, 3));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WK999999 is not a district of GM0363");
    }
}
