package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import nl.maatwerk.core.calibration.Calibration;
import org.junit.jupiter.api.Test;

class SyntheticMunicipalityTests {

    @Test
    void citizens_zero_rejectedWithValue() {
        assertThatThrownBy(() -> SyntheticMunicipality.builder().citizens(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("citizens").hasMessageContaining("0");
    }

    @Test
    void citizens_aboveMaximum_rejected() {
        assertThatThrownBy(() -> SyntheticMunicipality.builder().citizens(SyntheticMunicipality.MAX_CITIZENS + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("citizens");
    }

    @Test
    void months_zero_rejectedWithValue() {
        assertThatThrownBy(() -> SyntheticMunicipality.builder().months(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("months").hasMessageContaining("0");
    }

    @Test
    void months_aboveTenYears_rejected() {
        assertThatThrownBy(() -> SyntheticMunicipality.builder().months(121))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("months");
    }

    @Test
    void contactsPerCitizenYear_zeroNegativeOrNaN_rejected() {
        for (double bad : new double[] {0.0, -1.0, Double.NaN, 101.0}) {
            assertThatThrownBy(() -> SyntheticMunicipality.builder().contactsPerCitizenYear(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contactsPerCitizenYear");
        }
    }

    @Test
    void endDateAndCalibration_null_rejected() {
        assertThatThrownBy(() -> SyntheticMunicipality.builder().endDate(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endDate");
        assertThatThrownBy(() -> SyntheticMunicipality.builder().calibration(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calibration");
    }

    @Test
    void build_defaults_bundledAmsterdamTwelveMonthsToToday() {
        SyntheticMunicipality town = SyntheticMunicipality.builder().build();

        assertThat(town.citizens()).isEqualTo(20_000);
        assertThat(town.months()).isEqualTo(12);
        assertThat(town.contactsPerCitizenYear()).isEqualTo(1.6);
        assertThat(town.calibration()).isSameAs(Calibration.bundled());
        assertThat(town.endDate()).isBetween(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));
    }

    @Test
    void period_twelveMonths_runsFromLocalMidnightToLocalMidnight() {
        SyntheticMunicipality town = SyntheticMunicipality.builder().endDate(LocalDate.of(2026, 3, 31)).build();

        assertThat(town.firstDay()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(town.periodStart()).isEqualTo(ZonedDateTime.parse("2025-04-01T00:00+02:00[Europe/Amsterdam]").toInstant());
        assertThat(town.periodEnd()).isEqualTo(ZonedDateTime.parse("2026-04-01T00:00+02:00[Europe/Amsterdam]").toInstant());
    }

    @Test
    void generate_tinyTown_emitsExactlyTheRequestedResidents() {
        for (int citizens : new int[] {1, 7, 250}) {
            RecordingSink sink = RecordingSink.of(SyntheticMunicipality.builder().citizens(citizens).months(1)
                    .endDate(LocalDate.of(2026, 3, 31)).build());

            assertThat(sink.citizens).hasSize(citizens);
            assertThat(sink.preferences).hasSize(citizens);
        }
    }
}
