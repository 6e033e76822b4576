package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ContactCalendarTests {

    @Test
    void easterSunday_knownYears() {
        assertThat(ContactCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(ContactCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(ContactCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    }

    @Test
    void holidays_2026_kingsDayAndWhitMonday() {
        assertThat(ContactCalendar.holidays(2026)).contains(LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 1, 1));
    }

    @Test
    void instant_everyHourOfTwoYears_matchesJavaTimeOutsideTheDstSwitchHour() {
        ContactCalendar calendar = new ContactCalendar(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
        for (int day = 0; day < calendar.days; day++) {
            for (int hour = 3; hour < 24; hour++) {
                int second = hour * 3600 + 1234;
                assertThat(calendar.instant(day, second)).isEqualTo(calendar.date(day)
                        .atTime(LocalTime.ofSecondOfDay(second)).atZone(ContactCalendar.ZONE).toInstant());
            }
        }
    }

    @Test
    void workingDayFrom_saturday_movesToMonday() {
        ContactCalendar calendar = new ContactCalendar(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        int saturday = calendar.dayOf(LocalDate.of(2026, 3, 7));

        assertThat(calendar.date(calendar.workingDayFrom(saturday))).isEqualTo(LocalDate.of(2026, 3, 9));
    }
}
