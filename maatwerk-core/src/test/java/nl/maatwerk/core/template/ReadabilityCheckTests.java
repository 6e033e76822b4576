package nl.maatwerk.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import nl.maatwerk.core.template.ReadabilityFinding.Kind;
import nl.maatwerk.core.template.ReadabilityReport.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadabilityCheckTests {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    private final ReadabilityCheck check = ReadabilityCheck.b1();

    @Test
    void longBureaucraticSentence_isHarderThanB1() {
        String text = "Indien u niet binnen de gestelde termijn van zes weken na dagtekening van deze brief bezwaar "
                + "maakt tegen het besluit inzake de toekenning van de bijzondere bijstand, wordt het besluit "
                + "onherroepelijk en kunt u derhalve geen aanspraak meer maken op herziening.";

        ReadabilityReport report = check.check(text);

        assertThat(report.sentences()).isEqualTo(1);
        assertThat(report.words()).isEqualTo(41);
        assertThat(report.verdict()).isEqualTo(Verdict.HARDER_THAN_B1);
        assertThat(report.readingEase()).isLessThan(60);
        ReadabilityFinding sentence = report.findings(Kind.LONG_SENTENCE).get(0);
        assertThat(sentence.start()).isZero();
        assertThat(sentence.end()).isEqualTo(text.length() - 1);
        assertThat(sentence.message(DUTCH))
                .isEqualTo("Lange zin: 41 woorden. Maak er twee zinnen van (B1: hooguit 20 woorden).");
        assertThat(sentence.message(Locale.ENGLISH)).startsWith("Long sentence: 41 words.");
        assertThat(report.findings(Kind.JARGON)).extracting(ReadabilityFinding::excerpt)
                .containsExactly("Indien", "inzake", "derhalve");
        assertThat(report.findings(Kind.JARGON).get(0).message(DUTCH))
                .isEqualTo("Ambtelijk: 'indien'. Schrijf liever: als.");
        assertThat(report.findings(Kind.LONG_WORD)).extracting(ReadabilityFinding::excerpt)
                .containsExactly("onherroepelijk");
    }

    @Test
    void shortPlainText_isB1WithoutFindings() {
        ReadabilityReport report = check.check("Uw paspoort is klaar. U kunt het ophalen op het stadskantoor. "
                + "Neem uw oude paspoort mee. Heeft u vragen? Bel dan 14 020.");

        assertThat(report.findings()).isEmpty();
        assertThat(report.sentences()).isEqualTo(5);
        assertThat(report.verdict()).isEqualTo(Verdict.B1_OR_SIMPLER);
        assertThat(report.readingEase()).isGreaterThan(80);
    }

    @Test
    void passiveVoice_inMainAndSubordinateClauses() {
        String text = "Uw aanvraag wordt binnen acht weken door ons behandeld. "
                + "Wij laten u weten dat de vergunning aan u is verleend. "
                + "Het formulier moet worden ingevuld en teruggestuurd.";

        List<ReadabilityFinding> passive = check.check(text).findings(Kind.PASSIVE_VOICE);

        assertThat(passive).extracting(ReadabilityFinding::excerpt).containsExactly(
                "wordt binnen acht weken door ons behandeld", "is verleend", "worden ingevuld");
    }

    @Test
    void passiveVoice_participleBeforeTheAuxiliary() {
        List<ReadabilityFinding> passive = check.check("Wij weten niet of uw bezwaar op tijd ontvangen is.")
                .findings(Kind.PASSIVE_VOICE);

        assertThat(passive).extracting(ReadabilityFinding::excerpt).containsExactly("ontvangen is");
        assertThat(passive.get(0).message(DUTCH)).startsWith("Lijdende vorm: 'ontvangen is'.");
    }

    @Test
    void activeSentences_areNotPassive() {
        ReadabilityReport report = check.check("Wij behandelen uw aanvraag binnen acht weken. U bent verhuisd. "
                + "Uw paspoort is verlopen. Het is belangrijk dat u op tijd komt. Zijn gezondheid is goed.");

        assertThat(report.findings(Kind.PASSIVE_VOICE)).isEmpty();
    }

    @Test
    void jargon_withPlainAlternatives() {
        ReadabilityReport report = check.check("Wij verzoeken u het formulier middels bijgevoegde envelop te "
                + "retourneren ten behoeve van de verwerking.");

        assertThat(report.findings(Kind.JARGON))
                .extracting(f -> f.arguments().get(0) + " → " + f.arguments().get(1))
                .containsExactly("verzoeken → vragen", "middels → met, via", "retourneren → terugsturen",
                        "ten behoeve van → voor");
    }

    @Test
    void findings_carryLineAndColumn() {
        ReadabilityReport report = check.check("Beste meneer,\n\nWij hebben uw brief ontvangen.\nU krijgt derhalve "
                + "een antwoord.");

        ReadabilityFinding jargon = report.findings(Kind.JARGON).get(0);
        assertThat(jargon.line()).isEqualTo(4);
        assertThat(jargon.column()).isEqualTo(10);
        assertThat(jargon.excerpt()).isEqualTo("derhalve");
    }

    @Test
    void placeholders_countAsOneShortWord_andOptionalTextIsChecked() {
        ReadabilityReport report = check.check("Beste ((voornaam_en_achternaam_van_de_aanvrager)),\n\n"
                + "((kinderen??Neem indien mogelijk ook de kinderpassen mee.))");

        assertThat(report.sentences()).isEqualTo(2);
        assertThat(report.words()).isEqualTo(2 + 7);
        assertThat(report.findings(Kind.LONG_WORD)).isEmpty();
        assertThat(report.findings(Kind.JARGON)).hasSize(1);
        assertThat(report.findings(Kind.JARGON).get(0).excerpt()).isEqualTo("indien");
    }

    @Test
    void addresses_areNotWords() {
        ReadabilityReport report = check.check("Maak een afspraak op [onze website](https://www.maatstad.nl/"
                + "afspraak-maken-paspoort-identiteitskaart). Of mail naar burgerzaken.klantcontact@maatstad.nl.");

        assertThat(report.words()).isEqualTo(9);
        assertThat(report.sentences()).isEqualTo(2);
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void abbreviations_doNotEndASentence() {
        ReadabilityReport report = check.check("Neem o.a. uw paspoort mee, bijv. voor de controle door mevr. Jansen.");

        assertThat(report.sentences()).isEqualTo(1);
    }

    @Test
    void listItemsAndHeadings_areSentencesOfTheirOwn() {
        ReadabilityReport report = check.check("## Wat neemt u mee\n\n- uw paspoort\n- een pasfoto\n"
                + "Dit is\neen zin over twee regels.");

        assertThat(report.sentences()).isEqualTo(4);
    }

    @Test
    void longWord_allowListAndHyphens() {
        ReadabilityReport report = ReadabilityCheck.builder().allowLongWords(List.of("Wijkteamcoördinator"))
                .build().check("De omgevingsvergunning, de wijkteamcoördinator en het zorg-en-welzijnsloket. "
                        + "Het klanttevredenheidsonderzoek.");

        assertThat(report.findings(Kind.LONG_WORD)).extracting(ReadabilityFinding::excerpt)
                .containsExactly("klanttevredenheidsonderzoek");
        assertThat(report.findings(Kind.LONG_WORD).get(0).message(Locale.ENGLISH))
                .isEqualTo("Long word: 'klanttevredenheidsonderzoek' has 27 letters (B1: at most 13). "
                        + "Can it be shorter, or two words?");
    }

    @Test
    void settings_changeTheThresholds() {
        ReadabilityCheck strict = ReadabilityCheck.builder().maxSentenceWords(5).maxWordLetters(8)
                .minimumReadingEase(99).build();

        ReadabilityReport report = strict.check("Wij sturen u binnen twee weken een nieuwe pas.");

        assertThat(report.findings(Kind.LONG_SENTENCE)).hasSize(1);
        assertThat(report.verdict()).isEqualTo(Verdict.HARDER_THAN_B1);
    }

    @Test
    void settings_outOfRange_areRefused() {
        assertThatThrownBy(() -> ReadabilityCheck.builder().maxSentenceWords(2))
                .hasMessage("maximum sentence length must be within [5, 100] words, was 2");
        assertThatThrownBy(() -> ReadabilityCheck.builder().minimumReadingEase(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyText_isEasy() {
        ReadabilityReport report = check.check("");

        assertThat(report.words()).isZero();
        assertThat(report.verdict()).isEqualTo(Verdict.B1_OR_SIMPLER);
    }

    @ParameterizedTest
    @CsvSource({"paspoort, 2", "gemeente, 3", "aanvraag, 2", "ideaal, 3", "januari, 4", "geïnformeerd, 4",
        "eeuw, 1", "identiteitskaart, 5", "kinderen, 3", "bijstand, 2", "huis, 1", "u, 1", "X, 1"})
    void dutchSyllables(String word, int syllables) {
        assertThat(DutchSyllables.count(word)).isEqualTo(syllables);
    }

    @Test
    void readingEase_isFleschDouma() {
        // 2 sentences, 6 words, syllables: Wij(1) zijn(1) er(1) / Kom(1) maar(1) langs(1) = 6
        ReadabilityReport report = check.check("Wij zijn er. Kom maar langs.");

        assertThat(report.syllables()).isEqualTo(6);
        assertThat(report.readingEase()).isCloseTo(206.835 - 0.93 * 3 - 77 * 1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
