package nl.maatwerk.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailTemplateTests {

    private final EmailTemplate paspoort = EmailTemplate.of(
            "Uw paspoort verloopt op ((vervaldatum))",
            """
            Beste ((first_name)),

            Uw paspoort verloopt op **((vervaldatum))**. Maak op tijd een afspraak:

            - kijk op [onze website](https://www.gemeente.nl/afspraak)
            - of bel 14 020
            ((has_children??
            Neem ook de kinderpassen mee.
            ))
            Met vriendelijke groet,
            Gemeente Maatstad
            """);

    @Test
    void render_markdownBecomesHtml() {
        RenderedEmail email = paspoort.render(Map.of("first_name", "Fatma", "vervaldatum", "1 maart 2027",
                "has_children", "ja"));

        assertThat(email.subject()).isEqualTo("Uw paspoort verloopt op 1 maart 2027");
        assertThat(email.html())
                .contains("<p>Beste Fatma,</p>")
                .contains("<strong>1 maart 2027</strong>")
                .contains("<li>kijk op <a rel=\"nofollow\" href=\"https://www.gemeente.nl/afspraak\">onze website</a></li>")
                .contains("<p>Neem ook de kinderpassen mee.</p>");
    }

    @Test
    void render_plainTextHasNoMarkup() {
        RenderedEmail email = paspoort.render(Map.of("first_name", "Fatma", "vervaldatum", "1 maart 2027",
                "has_children", false));

        assertThat(email.plainText())
                .contains("Beste Fatma,")
                .contains("Uw paspoort verloopt op 1 maart 2027.")
                .contains("onze website")
                .contains("https://www.gemeente.nl/afspraak")
                .doesNotContain("**", "<", "kinderpassen");
    }

    @Test
    void values_areEscapedInHtml() {
        EmailTemplate template = EmailTemplate.of("Hallo ((naam))", "Beste ((naam)), uw kenmerk is ((kenmerk)).");

        RenderedEmail email = template.render(Map.of("naam", "<script>alert('x')</script> & *Jan*",
                "kenmerk", "[klik](javascript:alert(1))"));

        assertThat(email.html())
                .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; *Jan*")
                .contains("[klik](javascript:alert(1))")
                .doesNotContain("<script>", "<em>", "<a ");
        assertThat(email.plainText()).contains("Beste <script>alert('x')</script> & *Jan*, uw kenmerk is "
                + "[klik](javascript:alert(1)).");
        assertThat(email.subject()).isEqualTo("Hallo <script>alert('x')</script> & *Jan*");
    }

    @Test
    void valueInCode_showsNoEscapes() {
        RenderedEmail email = EmailTemplate.of("s", "Uw code: `((code))`").render(Map.of("code", "a_b*c\\d"));

        assertThat(email.html()).contains("<code>a_b*c\\d</code>");
        assertThat(email.plainText()).contains("a_b*c\\d");
    }

    @Test
    void plainText_separatesParagraphsWithABlankLine() {
        RenderedEmail email = EmailTemplate.of("s", "Eerste alinea.\n\nTweede alinea.").render(Map.of());

        assertThat(email.plainText()).isEqualTo("Eerste alinea.\n\nTweede alinea.");
    }

    @Test
    void rawHtmlInTheTemplate_isEscapedToo() {
        RenderedEmail email = EmailTemplate.of("s", "<b>vet</b> [x](javascript:alert(1))").render(Map.of());

        assertThat(email.html()).contains("&lt;b&gt;vet&lt;/b&gt;").doesNotContain("javascript:");
    }

    @Test
    void subject_lineBreaksInValuesBecomeSpaces() {
        RenderedEmail email = EmailTemplate.of("Over ((onderwerp))", "x")
                .render(Map.of("onderwerp", "a\r\nBcc: iemand@example.org"));

        assertThat(email.subject()).isEqualTo("Over a Bcc: iemand@example.org");
    }

    @Test
    void render_listsMissingNamesOfSubjectAndBodyTogether() {
        assertThatThrownBy(() -> paspoort.render(Map.of("has_children", true)))
                .isInstanceOfSatisfying(MissingPlaceholders.class,
                        e -> assertThat(e.names()).containsExactly("vervaldatum", "first_name"));
    }

    @Test
    void placeholders_coverSubjectAndBody() {
        assertThat(paspoort.placeholders()).containsExactly("vervaldatum", "first_name", "has_children");
    }

    @Test
    void subjectOnTwoLines_isRefused() {
        assertThatThrownBy(() -> EmailTemplate.of("een\ntwee", "x"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> assertThat(e.line()).isEqualTo(1));
    }
}
