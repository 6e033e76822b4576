package nl.maatwerk.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsTemplateTests {

    @ParameterizedTest(name = "{0} GSM-7 characters → {1} SMS")
    @CsvSource({"1, 1", "159, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
    void gsm7_segmentBoundaries(int length, int segments) {
        SmsLength sms = SmsLength.of("a".repeat(length));

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(sms.characters()).isEqualTo(length);
        assertThat(sms.units()).isEqualTo(length);
        assertThat(sms.segments()).isEqualTo(segments);
    }

    @ParameterizedTest(name = "{0} UCS-2 characters → {1} SMS")
    @CsvSource({"70, 1", "71, 2", "134, 2", "135, 3"})
    void ucs2_segmentBoundaries(int length, int segments) {
        SmsLength sms = SmsLength.of("ë" + "a".repeat(length - 1));

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(sms.units()).isEqualTo(length);
        assertThat(sms.segments()).isEqualTo(segments);
    }

    @Test
    void extensionCharacters_countAsTwo() {
        SmsLength sms = SmsLength.of("€ [");

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(sms.characters()).isEqualTo(3);
        assertThat(sms.units()).isEqualTo(5);
    }

    @Test
    void extensionCharacters_canPushPastOneSms() {
        assertThat(SmsLength.of("€" + "a".repeat(158)).segments()).isEqualTo(1);
        assertThat(SmsLength.of("€" + "a".repeat(159)).segments()).isEqualTo(2);
    }

    @Test
    void extensionCharacter_isNotSplitAcrossParts() {
        // 152 septets, then € (2) would straddle the 153-septet boundary: it starts part 2, and the last
        // septet spills into part 3 although 306 septets would fit in two parts arithmetically
        SmsLength sms = SmsLength.of("a".repeat(152) + "€" + "a".repeat(152));

        assertThat(sms.units()).isEqualTo(306);
        assertThat(sms.segments()).isEqualTo(3);
    }

    @Test
    void emoji_forcesUcs2AndCountsTwoUnits() {
        SmsLength sms = SmsLength.of("Tot ziens 👋");

        assertThat(sms.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(sms.characters()).isEqualTo(11);
        assertThat(sms.units()).isEqualTo(12);
        assertThat(sms.segments()).isEqualTo(1);
    }

    @Test
    void dutchAccents_inGsm7AreFine_butNotAll() {
        assertThat(SmsLength.of("café à Ü").encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(SmsLength.of("België").encoding()).isEqualTo(SmsEncoding.UCS_2);
    }

    @Test
    void render_measuresTheFilledInText() {
        SmsMessage sms = SmsTemplate.of("Beste ((naam)), uw paspoort ligt klaar. Gemeente Maatstad")
                .render(Map.of("naam", "Zoë"));

        assertThat(sms.text()).isEqualTo("Beste Zoë, uw paspoort ligt klaar. Gemeente Maatstad");
        assertThat(sms.length().encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(sms.length().segments()).isEqualTo(1);
    }

    @Test
    void emptyText_isZeroSegments() {
        assertThat(SmsLength.of("").segments()).isZero();
    }
}
