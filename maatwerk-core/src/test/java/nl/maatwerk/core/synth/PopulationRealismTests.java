package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.maatwerk.core.bsn.Bsn;
import nl.maatwerk.core.calibration.AgeBands;
import nl.maatwerk.core.calibration.Calibration;
import nl.maatwerk.core.calibration.District;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Residents of a 50,000-citizen Amsterdam against the bundled CBS calibration. */
class PopulationRealismTests {

    private static final LocalDate END = LocalDate.of(2026, 3, 31);
    private static final double TOLERANCE = 0.03;
    private static final int MIN_RESIDENTS = 300;

    private static RecordingSink town;
    private static Map<String, List<GeneratedCitizen>> byDistrict;

    @BeforeAll
    static void generate() {
        town = RecordingSink.of(SyntheticMunicipality.builder().citizens(50_000).months(1).endDate(END).seed(2019)
                .calibration(Calibration.bundled()).build());
        byDistrict = town.citizens.stream().collect(Collectors.groupingBy(GeneratedCitizen::district));
    }

    private static int age(GeneratedCitizen c) {
        return Period.between(c.birthDate(), END).getYears();
    }

    @Test
    void citizens_exactlyTheRequestedNumber() {
        assertThat(town.citizens).hasSize(50_000);
    }

    @Test
    void householdMix_everyDistrictWith300Residents_within3PointsOfCbs() {
        int checked = 0;
        for (District d : Calibration.bundled().districts()) {
            List<GeneratedCitizen> residents = byDistrict.getOrDefault(d.code(), List.of());
            if (residents.size() < MIN_RESIDENTS) {
                continue;
            }
            Map<UUID, HouseholdType> households = new HashMap<>();
            residents.forEach(c -> households.put(c.householdId(), c.householdType()));
            double total = households.size();
            double single = count(households, HouseholdType.SINGLE) / total;
            double without = (count(households, HouseholdType.COUPLE) + count(households, HouseholdType.OTHER)) / total;
            double with = (count(households, HouseholdType.FAMILY_WITH_CHILDREN)
                    + count(households, HouseholdType.SINGLE_PARENT)) / total;
            assertThat(single).as("single-person share in %s", d.code())
                    .isCloseTo(d.figures().households().singlePerson(), within(TOLERANCE));
            assertThat(without).as("without-children share in %s", d.code())
                    .isCloseTo(d.figures().households().withoutChildren(), within(TOLERANCE));
            assertThat(with).as("with-children share in %s", d.code())
                    .isCloseTo(d.figures().households().withChildren(), within(TOLERANCE));
            checked++;
        }
        assertThat(checked).as("districts with at least 300 residents").isGreaterThan(60);
    }

    private static long count(Map<UUID, HouseholdType> households, HouseholdType type) {
        return households.values().stream().filter(t -> t == type).count();
    }

    @Test
    void agePyramid_everyDistrictWith300Residents_within3PointsOfCbs() {
        for (District d : Calibration.bundled().districts()) {
            List<GeneratedCitizen> residents = byDistrict.getOrDefault(d.code(), List.of());
            if (residents.size() < MIN_RESIDENTS) {
                continue;
            }
            double[] generated = new double[5];
            residents.forEach(c -> generated[AgeBands.bandOf(age(c))] += 1.0 / residents.size());
            double[] cbs = d.figures().ages().toArray();
            for (int band = 0; band < 5; band++) {
                assertThat(generated[band]).as("age band %d in %s", band, d.code()).isCloseTo(cbs[band], within(TOLERANCE));
            }
        }
    }

    @Test
    void bsns_allValidAndUnique() {
        Set<String> seen = new HashSet<>();
        List<String> bad = new ArrayList<>();
        for (GeneratedCitizen c : town.citizens) {
            String bsn = c.bsn().value();
            if (!Bsn.isValid(bsn) || !bsn.startsWith("9") || !seen.add(bsn)) {
                bad.add(bsn);
            }
        }
        assertThat(bad).as("invalid, not starting with 9, or repeated").isEmpty();
    }

    @Test
    void ids_uniqueVersion4() {
        Set<UUID> ids = new HashSet<>();
        long bad = town.citizens.stream().filter(c -> c.id().version() != 4 || !ids.add(c.id())).count();

        assertThat(bad).isZero();
    }

    @Test
    void households_membersAgreeOnSizeTypeAndAddress() {
        Map<UUID, List<GeneratedCitizen>> households = town.citizens.stream()
                .collect(Collectors.groupingBy(GeneratedCitizen::householdId));
        for (List<GeneratedCitizen> members : households.values()) {
            GeneratedCitizen first = members.get(0);
            assertThat(members).allSatisfy(m -> {
                assertThat(m.householdSize()).isEqualTo(members.size());
                assertThat(m.householdType()).isEqualTo(first.householdType());
                assertThat(m.postcode()).isEqualTo(first.postcode());
                assertThat(m.houseNumber()).isEqualTo(first.houseNumber());
            });
            switch (first.householdType()) {
                case SINGLE -> assertThat(members).hasSize(1);
                case COUPLE -> assertThat(members).hasSize(2);
                case OTHER -> assertThat(members.size()).isBetween(2, 4);
                default -> assertThat(first.youngestChildAge()).isNotNull();
            }
        }
    }

    @Test
    void children_under18_liveWithAParentAtLeast18YearsOlder() {
        Map<UUID, List<GeneratedCitizen>> households = town.citizens.stream()
                .collect(Collectors.groupingBy(GeneratedCitizen::householdId));
        int children = 0;
        int parentInRange = 0;
        for (List<GeneratedCitizen> members : households.values()) {
            for (GeneratedCitizen child : members) {
                if (age(child) >= 18) {
                    continue;
                }
                children++;
                assertThat(child.householdType()).isIn(HouseholdType.FAMILY_WITH_CHILDREN, HouseholdType.SINGLE_PARENT);
                assertThat(child.youngestChildAge()).isLessThanOrEqualTo(age(child));
                int oldest = members.stream().mapToInt(PopulationRealismTests::age).max().orElseThrow();
                if (oldest - age(child) >= 18 && oldest - age(child) <= 60) {
                    parentInRange++;
                }
            }
        }
        assertThat(children).isGreaterThan(5_000);
        assertThat(parentInRange).isGreaterThan((int) (children * 0.98));
    }

    @Test
    void status_aboutOneAndAHalfPercentMovedOutAndSevenPerMilleDeceased() {
        double movedOut = town.citizens.stream().filter(c -> c.status() == RegistrationStatus.MOVED_OUT).count() / 50_000.0;
        double deceased = town.citizens.stream().filter(c -> c.status() == RegistrationStatus.DECEASED).count() / 50_000.0;

        assertThat(movedOut).isBetween(0.01, 0.02);
        assertThat(deceased).isBetween(0.004, 0.01);
    }

    @Test
    void attributes_exactlyTheRegisteredKeysWithPlausibleShares() {
        long adults = 0;
        long assistance = 0;
        List<GeneratedCitizen> bad = new ArrayList<>();
        for (GeneratedCitizen c : town.citizens) {
            Map<String, Object> a = c.attributes();
            boolean ok = List.copyOf(a.keySet()).equals(CitizenAttributes.KEYS)
                    && Set.of("low", "middle", "high").contains(a.get(CitizenAttributes.INCOME_BAND))
                    && Set.of("none", "western", "non_western").contains(a.get(CitizenAttributes.MIGRATION_BACKGROUND))
                    && a.get(CitizenAttributes.WMO_INDICATION) instanceof Boolean;
            if (age(c) >= 18) {
                adults++;
                assistance += Boolean.TRUE.equals(a.get(CitizenAttributes.RECEIVES_SOCIAL_ASSISTANCE)) ? 1 : 0;
            } else {
                ok &= Boolean.FALSE.equals(a.get(CitizenAttributes.RECEIVES_SOCIAL_ASSISTANCE))
                        && Boolean.FALSE.equals(a.get(CitizenAttributes.PARKING_PERMIT_HOLDER));
            }
            if (!ok) {
                bad.add(c);
            }
        }
        assertThat(bad).isEmpty();
        assertThat((double) assistance / adults).isBetween(0.03, 0.08);
    }

    @Test
    void postcodes_neighbourhoodsMostCommonFourDigits() {
        Map<String, String> postcodes = new HashMap<>();
        Calibration.bundled().districts().forEach(d -> d.neighbourhoods().forEach(n -> postcodes.put(n.code(), n.postcode())));
        List<GeneratedCitizen> bad = town.citizens.stream()
                .filter(c -> !c.postcode().startsWith(postcodes.get(c.neighbourhood()))
                        || !c.neighbourhood().startsWith("BU" + c.district().substring(2))
                        || !c.municipality().equals("GM0363"))
                .toList();

        assertThat(bad).isEmpty();
    }

    @Test
    void language_mostlyDutchWithDistrictVariation() {
        Map<String, Long> languages = town.citizens.stream()
                .collect(Collectors.groupingBy(GeneratedCitizen::language, Collectors.counting()));

        assertThat(languages.get("nl")).isGreaterThan(30_000L);
        assertThat(languages.keySet()).contains("en", "tr", "ar", "pl");
    }
}
