package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.RegistrationStatus;
import org.junit.jupiter.api.Test;

class DigitalAddressGeneratorTests {

    private static final LocalDate END = LocalDate.of(2026, 6, 30);

    private static List<GeneratedCitizen> citizens(long seed) {
        RecordingSink sink = new RecordingSink();
        SyntheticMunicipality.builder().citizens(3000).months(1).endDate(END).seed(seed).build().generate(sink);
        return sink.citizens;
    }

    @Test
    void of_sameSeed_sameAddresses_otherSeed_otherAddresses() {
        List<GeneratedCitizen> town = citizens(5);
        DigitalAddressGenerator a = new DigitalAddressGenerator(5, END);
        DigitalAddressGenerator b = new DigitalAddressGenerator(5, END);
        DigitalAddressGenerator other = new DigitalAddressGenerator(6, END);
        int differ = 0;
        for (GeneratedCitizen c : town) {
            assertThat(a.of(c)).isEqualTo(b.of(c));
            if (a.of(c) != null && !a.of(c).equals(other.of(c))) {
                differ++;
            }
        }
        assertThat(differ).isGreaterThan(town.size() / 2);
    }

    @Test
    void of_adultsMostlyHaveFictitiousAddresses_childrenAndMovedOutNone() {
        DigitalAddressGenerator generator = new DigitalAddressGenerator(5, END);
        int adults = 0;
        int withEmail = 0;
        Map<Channel, Integer> preferred = new EnumMap<>(Channel.class);
        for (GeneratedCitizen c : citizens(5)) {
            GeneratedDigitalAddress d = generator.of(c);
            int age = Period.between(c.birthDate(), END).getYears();
            if (age < 16 || c.status() != RegistrationStatus.RESIDENT) {
                assertThat(d).isNull();
                continue;
            }
            adults++;
            assertThat(d).isNotNull();
            if (d.email() != null) {
                withEmail++;
                assertThat(d.email()).matches("inwoner-[0-9a-f]{8}@example\\.org");
            }
            if (d.mobilePhone() != null) {
                assertThat(d.mobilePhone()).matches("\\+3169[0-9]{7}");
            }
            preferred.merge(d.preferredChannel(), 1, Integer::sum);
        }
        assertThat(withEmail).isGreaterThan(adults * 6 / 10);
        assertThat(preferred.keySet()).contains(Channel.EMAIL, Channel.SMS, Channel.APP, Channel.LETTER);
    }
}
