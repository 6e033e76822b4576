package nl.maatwerk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Codes are the same lower-case ASCII words whatever the JVM's default locale (Turkish turns I into dotless ı). */
class CodedTests {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void codes_doNotDependOnTheDefaultLocale() {
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        List<Coded[]> all = List.of(Channel.values(), CaseStatus.values(), CaseType.values(), ContactKind.values(),
                Direction.values(), HouseholdType.values(), RegistrationStatus.values());
        for (Coded[] values : all) {
            for (Coded c : values) {
                assertThat(c.code()).as(c.toString()).matches("[a-z_]+");
            }
        }
        assertThat(Channel.EMAIL.code()).isEqualTo("email");
    }
}
