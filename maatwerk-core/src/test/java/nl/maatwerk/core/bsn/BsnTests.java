package nl.maatwerk.core.bsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BsnTests {

    @Test
    void isValid_knownTestNumbers_pass() {
        // fictitious BSNs from the RvIG test set
        assertThat(Bsn.isValid("999993653")).isTrue();
        assertThat(Bsn.isValid("111222333")).isTrue();
    }

    @Test
    void isValid_oneDigitChanged_fails() {
        assertThat(Bsn.isValid("999993654")).isFalse();
    }

    @Test
    void isValid_wrongLengthOrLetters_fails() {
        assertThat(Bsn.isValid("12345678")).isFalse();
        assertThat(Bsn.isValid("12345678a")).isFalse();
        assertThat(Bsn.isValid(null)).isFalse();
        assertThat(Bsn.isValid("000000000")).isFalse();
    }

    @Test
    void constructor_invalid_namesTheNumber() {
        assertThatThrownBy(() -> new Bsn("999993654")).hasMessageContaining("999993654").hasMessageContaining("11-test");
    }

    @Test
    void withCheckDigit_alwaysValidWhenFound() {
        int found = 0;
        for (int prefix = 10_000_000; prefix < 10_010_000; prefix++) {
            Bsn bsn = Bsn.withCheckDigit(prefix);
            if (bsn != null) {
                found++;
                assertThat(Bsn.isValid(bsn.value())).isTrue();
            }
        }
        assertThat(found).isGreaterThan(8_000);
    }
}
