package nl.maatwerk.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateMaskTests {

    @Test
    void mask_keepsOffsetsAndHidesSyntax() {
        String text = "Beste ((naam)),\n((kind??Neem ((pas)) mee.)) Klaar.";

        String masked = TemplateMask.mask(text);

        assertThat(masked).hasSameSizeAs(text);
        assertThat(masked).isEqualTo("Beste X       ,\n        Neem X       mee.   Klaar.");
    }

    @Test
    void mask_hidesAddressesButKeepsLinkText() {
        String text = "Kijk op [onze website](https://www.maatstad.nl/afspraak). Of mail info@maatstad.nl, "
                + "of https://maatstad.nl.";

        assertThat(TemplateMask.mask(text)).isEqualTo("Kijk op [onze website]"
                + " ".repeat("(https://www.maatstad.nl/afspraak)".length()) + ". Of mail "
                + " ".repeat("info@maatstad.nl".length()) + ", of " + " ".repeat("https://maatstad.nl".length()) + ".");
    }

    @Test
    void mask_leavesHalfWrittenSyntaxAlone() {
        assertThat(TemplateMask.mask("Beste ((naam")).isEqualTo("Beste ((naam");
    }
}
