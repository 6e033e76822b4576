package nl.maatwerk.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTests {

    /** The full CBS export, next to the repository when the shared data folder is present. */
    private static final List<Path> FULL_SOURCE = List.of(
            Path.of("../../shared/data/cbs_kwb_neighbourhoods.csv.gz"),
            Path.of("../shared/data/cbs_kwb_neighbourhoods.csv.gz"));

    private static final String HEADER = "year,region_type,code,name,municipality_code,municipality_name,"
            + "district_code,district_name,population,men,women,age_0_14,age_15_24,age_25_44,age_45_64,age_65_plus,"
            + "origin_netherlands,origin_europe_excl_nl,origin_outside_europe,migration_background_western,"
            + "migration_background_non_western,households_total,households_single_person,households_without_children,"
            + "households_with_children,avg_household_size,population_density_per_km2,dwellings,avg_woz_value_keur,"
            + "pct_owner_occupied,pct_rental,pct_rental_housing_corporation,income_recipients,"
            + "avg_income_per_recipient_keur,avg_income_per_inhabitant_keur,pct_low_income_households,"
            + "pct_households_at_social_minimum,persons_social_assistance,persons_state_pension_aow,area_total_ha,"
            + "area_land_ha,area_water_ha,urbanity_class,most_common_postcode";

    @Test
    void bundled_amsterdam2019_districtsNeighbourhoodsAndTotals() {
        Calibration c = Calibration.bundled();

        assertThat(c.municipalityCode()).isEqualTo("GM0363");
        assertThat(c.municipalityName()).isEqualTo("Amsterdam");
        assertThat(c.year()).isEqualTo(2019);
        assertThat(c.population()).isEqualTo(862_965);
        assertThat(c.districts()).hasSize(98);   // 99 CBS districts less IJburg Oost (0 residents in 2019)
        assertThat(c.districts().stream().mapToInt(d -> d.neighbourhoods().size()).sum()).isEqualTo(459);
        assertThat(c.districts()).allSatisfy(d -> assertThat(d.population()).isGreaterThanOrEqualTo(50));
        assertThat(c.figures().households().singlePerson()).isCloseTo(257_453 / 470_223.0, within(0.001));
        assertThat(c.figures().nonWesternShare()).isCloseTo(0.357, within(0.001));
        Neighbourhood first = c.districts().get(0).neighbourhoods().get(0);
        assertThat(first).isEqualTo(new Neighbourhood("BU03630000", "Kop Zeedijk", 1035, "1012"));
    }

    @Test
    void bundledResource_startsWithCbsAttribution_andIsSmall() throws IOException {
        try (InputStream in = Calibration.class.getResourceAsStream(Calibration.BUNDLED_RESOURCE)) {
            byte[] bytes = in.readAllBytes();
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .startsWith("# Bron: CBS, Kerncijfers wijken en buurten 2019 (84583NED), CC BY 4.0");
            assertThat(bytes.length).isBetween(10_000, 100_000);
        }
    }

    @Test
    void writeThenRead_bundled_sameCalibration() throws IOException {
        StringWriter out = new StringWriter();
        Calibration.bundled().write(out);

        assertThat(Calibration.read(new StringReader(out.toString()))).isEqualTo(Calibration.bundled());
    }

    @Test
    void fromCbsFile_fullSource_agreesWithBundledResource() {
        Path source = FULL_SOURCE.stream().filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(source != null, "CBS source file not found at " + FULL_SOURCE
                + " (the shared data folder is not part of the product); skipping the agreement check");

        Calibration full = Calibration.fromCbsFile(source, "GM0363", 2019);
        Calibration bundled = Calibration.bundled();

        assertThat(full.districts()).hasSameSizeAs(bundled.districts());
        assertClose(full.figures(), bundled.figures());
        for (int i = 0; i < full.districts().size(); i++) {
            District f = full.districts().get(i);
            District b = bundled.districts().get(i);
            assertThat(b.code()).isEqualTo(f.code());
            assertThat(b.name()).isEqualTo(f.name());
            assertThat(b.population()).isEqualTo(f.population());
            assertThat(b.neighbourhoods()).isEqualTo(f.neighbourhoods());
            assertClose(f.figures(), b.figures());
        }
    }

    private static void assertClose(Figures expected, Figures actual) {
        double[] e = Stream.of(expected.ages().toArray(), expected.households().toArray()).flatMapToDouble(Arrays::stream).toArray();
        double[] a = Stream.of(actual.ages().toArray(), actual.households().toArray()).flatMapToDouble(Arrays::stream).toArray();
        assertThat(a).containsExactly(e, within(1e-6));
        assertThat(actual.averageHouseholdSize()).isCloseTo(expected.averageHouseholdSize(), within(1e-3));
        assertThat(actual.westernShare()).isCloseTo(expected.westernShare(), within(1e-6));
        assertThat(actual.nonWesternShare()).isCloseTo(expected.nonWesternShare(), within(1e-6));
        assertThat(actual.lowIncomeShare()).isCloseTo(expected.lowIncomeShare(), within(1e-6));
        assertThat(actual.averageIncomeKeur()).isCloseTo(expected.averageIncomeKeur(), within(0.01));
        assertThat(actual.socialAssistanceShare()).isCloseTo(expected.socialAssistanceShare(), within(1e-6));
    }

    @Test
    void fromCbsFile_suppressedDistrictFigures_fallBackToMunicipality_smallDistrictSkipped(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("mini.csv");
        Files.writeString(file, String.join("\n", HEADER,
                "2019,municipality,GM9999,Testdam,GM9999,Testdam,,,1000,,,150,150,300,250,150,,,,100,200,500,250,"
                        + "150,100,2.0,,,,,,,,30.0,,10.0,,50,,,,,,",
                "2019,district,WK999901,Wijk Een,GM9999,Testdam,WK999901,Wijk Een,900,,,100,100,300,250,150,,,,,,"
                        + "400,,,,,,,,,,,,,,,,,,,,,,",
                "2019,neighbourhood,BU99990101,Buurt A,GM9999,Testdam,WK999901,Wijk Een,600,,,,,,,,,,,,,,,,,,,,,,,,,,"
                        + ",,,,,,,,,1234",
                "2019,neighbourhood,BU99990102,Buurt B,GM9999,Testdam,WK999901,Wijk Een,0,,,,,,,,,,,,,,,,,,,,,,,,,,"
                        + ",,,,,,,,,1235",
                "2019,district,WK999902,Wijk Twee,GM9999,Testdam,WK999902,Wijk Twee,40,,,10,10,10,5,5,,,,,,,,,,,,,,"
                        + ",,,,,,,,,,,,,,",
                "2019,neighbourhood,BU99990201,Buurt C,GM9999,Testdam,WK999902,Wijk Twee,40,,,,,,,,,,,,,,,,,,,,,,,,,,"
                        + ",,,,,,,,,1236",
                "2024,municipality,GM9999,Testdam,GM9999,Testdam,,,5,,,1,1,1,1,1,,,,,,,,,,,,,,,,,,,,,,,,,,,,"));

        Calibration c = Calibration.fromCbsFile(file, "GM9999", 2019);

        assertThat(c.districts()).extracting(District::code).containsExactly("WK999901");
        District one = c.districts().get(0);
        assertThat(one.neighbourhoods()).containsExactly(new Neighbourhood("BU99990101", "Buurt A", 600, "1234"));
        assertThat(one.figures().ages().age25to44()).isCloseTo(300 / 900.0, within(1e-9));
        assertThat(one.figures().households()).isEqualTo(c.figures().households());
        assertThat(one.figures().averageHouseholdSize()).isCloseTo(900 / 400.0, within(1e-9));
        assertThat(one.figures().nonWesternShare()).isEqualTo(c.figures().nonWesternShare());
        assertThat(one.figures().lowIncomeShare()).isEqualTo(0.10);
    }

    @Test
    void fromCbsFile_unknownMunicipality_namesIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, HEADER + "\n");

        assertThatThrownBy(() -> Calibration.fromCbsFile(file, "GM0001", 2019))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GM0001").hasMessageContaining("2019");
    }

    @Test
    void ageBands_notAddingUpToOne_rejected() {
        assertThatThrownBy(() -> new AgeBands(0.2, 0.2, 0.2, 0.2, 0.3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to 1");
    }

    @Test
    void bandOf_boundaries() {
        assertThat(AgeBands.bandOf(0)).isZero();
        assertThat(AgeBands.bandOf(14)).isZero();
        assertThat(AgeBands.bandOf(15)).isEqualTo(1);
        assertThat(AgeBands.bandOf(44)).isEqualTo(2);
        assertThat(AgeBands.bandOf(65)).isEqualTo(4);
    }
}
