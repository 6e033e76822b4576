package nl.maatwerk.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import nl.maatwerk.core.template.LetterBlock.Kind;
import org.junit.jupiter.api.Test;

class LetterTemplateTests {

    private final LetterTemplate template = LetterTemplate.of("Uw aanvraag ((kenmerk))", """
            Beste ((aanhef)),

            Wij hebben uw aanvraag voor een **parkeervergunning** ontvangen.

            ## Wat moet u doen?

            1. Controleer uw kenteken: ((kenteken))
            2. Betaal via [mijn.maatstad.nl](https://mijn.maatstad.nl)

            - Vragen? Bel 14 020.
            """);

    private final PostalAddress address = PostalAddress.of("Mevrouw F. Yilmaz", "Kerkstraat 12 A",
            "1234  AB  MAATSTAD");

    @Test
    void render_givesAddressDateSubjectAndBlocks() {
        LetterContent letter = template.render(address, LocalDate.of(2026, 11, 23),
                Map.of("aanhef", "mevrouw Yilmaz", "kenmerk", "Z-2026-0042", "kenteken", "AB-12-CD"));

        assertThat(letter.addressLines()).containsExactly("Mevrouw F. Yilmaz", "Kerkstraat 12 A",
                "1234  AB  MAATSTAD");
        assertThat(letter.dateText()).isEqualTo("23 november 2026");
        assertThat(letter.subject()).isEqualTo("Uw aanvraag Z-2026-0042");
        assertThat(letter.blocks()).containsExactly(
                new LetterBlock(Kind.PARAGRAPH, "", "Beste mevrouw Yilmaz,"),
                new LetterBlock(Kind.PARAGRAPH, "", "Wij hebben uw aanvraag voor een parkeervergunning ontvangen."),
                new LetterBlock(Kind.HEADING, "", "Wat moet u doen?"),
                new LetterBlock(Kind.LIST_ITEM, "1.", "Controleer uw kenteken: AB-12-CD"),
                new LetterBlock(Kind.LIST_ITEM, "2.", "Betaal via mijn.maatstad.nl (https://mijn.maatstad.nl)"),
                new LetterBlock(Kind.LIST_ITEM, "•", "Vragen? Bel 14 020."));
    }

    @Test
    void valuesWithMarkdownCharacters_stayText() {
        LetterContent letter = LetterTemplate.of("s", "Kenmerk: ((k))").render(address, LocalDate.of(2026, 1, 2),
                Map.of("k", "*1*_2_ # [x](y)"));

        assertThat(letter.blocks()).containsExactly(new LetterBlock(Kind.PARAGRAPH, "", "Kenmerk: *1*_2_ # [x](y)"));
        assertThat(letter.dateText()).isEqualTo("2 januari 2026");
    }

    @Test
    void render_listsMissingNames() {
        assertThatThrownBy(() -> template.render(address, LocalDate.of(2026, 11, 23), Map.of("aanhef", "x")))
                .isInstanceOfSatisfying(MissingPlaceholders.class,
                        e -> assertThat(e.names()).containsExactly("kenmerk", "kenteken"));
    }

    @Test
    void subjectOnTwoLines_isRefusedWithItsPosition() {
        assertThatThrownBy(() -> LetterTemplate.of("Uw aanvraag\nkenmerk", "x"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(12);
                });
    }

    @Test
    void address_hasOneToSixNonBlankLines() {
        assertThatThrownBy(() -> PostalAddress.of()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostalAddress.of("1", "2", "3", "4", "5", "6", "7"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostalAddress.of("Naam", " ", "Plaats")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void layout_addressFieldIsInTheWindowPosition() {
        assertThat(LetterLayout.ADDRESS_FIELD_LEFT_MM).isEqualTo(20);
        assertThat(LetterLayout.ADDRESS_FIELD_TOP_MM).isEqualTo(45);
        assertThat(LetterLayout.ADDRESS_TOP_MM).isEqualTo(62.7, org.assertj.core.data.Offset.offset(1e-9));
        // the field ends above the first fold, so folding in three never cuts the address
        assertThat(LetterLayout.ADDRESS_FIELD_TOP_MM + LetterLayout.ADDRESS_FIELD_HEIGHT_MM)
                .isLessThan(LetterLayout.FOLD_MARK_1_MM);
        assertThat(LetterLayout.points(25.4)).isEqualTo(72f);
        assertThat(LetterLayout.fromBottom(45, 45)).isEqualTo(LetterLayout.points(207));
    }
}
