package nl.maatwerk.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled e-mail body ({@link CompiledMarkdown}) gives byte for byte what parsing the Markdown per message
 * gives: many random templates (Markdown blocks and inline syntax around placeholders and optional text) with
 * random values (words, Markdown- and HTML-looking text, URLs, empty and multi-line values).
 */
class CompiledMarkdownTests {

    private static final List<String> FRAGMENTS = List.of(
            "Beste ", "inwoner", ",", " ", " ", "\n", "\n\n", "\n\n", "# ", "## ", "- ", "* ", "1. ", "2) ", "> ",
            "    ", "**", "*", "_", "__", "`", "```\n", "\n```\n", "[", "](", "]", ")", "(", "![", "<", ">", "<b>",
            "</b>", "<div>\n", "\n</div>\n", "&", "&amp;", "&#", "&#x", ";", "\\", "  \n", "---\n", "===\n", "!", ".",
            "https://www.amsterdam.nl/", "\"", "'", "[ref]: /url\n", "[ref]", ":", "Uw paspoort", " is geldig tot ",
            "\t", "-", "#", "~", "|", "a", "1", "é", "\r", "\r\n", "Dat is over ");
    private static final List<String> VALUES = List.of(
            "Jan", "de Vries", "Fatma", "José-María", "Émile", "Ünal Öztürk", "1 maart 2027", "56", "0", "12",
            "gemeente Amsterdam", "*vet*", "_schuin_", "<b>vet</b>", "<script>alert(1)</script>", "a & b", "Tom & Jerry",
            "\"citaat\"", "a\"b", "AT&T", "amp", "lt", "a1", "x41", "1. punt", "# kop", "- lijst", "> citaat", "Jan.",
            "'s-Hertogenbosch", "Jan   Jansen", " Jan", "Jan ", "", " ", "a\nb", "a\n\nb", "a\r\nb", "a\tb", "[link](x)",
            "`code`", "a\\b", "a\\", "x*", "*x", "a_b", "a*b*c", "http://localhost:8080/r/abc123",
            "https://www.amsterdam.nl/paspoort?x=1#top", "https://a.nl/a b", "javascript:alert(1)", "abc-DEF_123.x~",
            "a:b", "a/b", "mailto:jan@example.org", "jan@example.org", "€ 12,50", "Jan\u00a0Jansen", "a\u2028b", "😀",
            "Jan😀", "a—b", "“Jan”", "x)", "(x", "true", "false", "nee", "ja", "A", "Z9");

    @Test
    void compiledBodyEqualsPerMessageParsing_forRandomTemplatesAndValues() {
        Random random = new Random(20261207);
        int compared = 0;
        int fast = 0;
        for (int t = 0; t < 3000; t++) {
            String text = randomTemplate(random);
            EmailTemplate email;
            try {
                email = EmailTemplate.of("Onderwerp", text);
            } catch (TemplateSyntaxException e) {
                continue;
            }
            for (int v = 0; v < 12; v++) {
                Map<String, Object> values = new HashMap<>();
                for (String name : email.placeholders()) {
                    values.put(name, random.nextInt(4) == 0 ? VALUES.get(random.nextInt(VALUES.size()))
                            : random.nextBoolean() ? List.of("Jan", "56", "1 februari 2027").get(random.nextInt(3)) : "http://localhost:8080/r/tok" + random.nextInt(1000));
                }
                RenderedEmail expected = email.renderEachTime("Onderwerp", values);
                assertThat(email.render(values)).as("template %s with %s", text, values).isEqualTo(expected);
                compared++;
                if (email.body().markdown().render(new Values(values)) != null) {
                    fast++;
                }
            }
        }
        assertThat(compared).isGreaterThan(20_000);
        assertThat(fast).as("the compiled path is taken often enough to be tested").isGreaterThan(compared / 5);
    }

    @Test
    void aJourneyEmail_takesTheCompiledPath_andMatches() {
        EmailTemplate email = EmailTemplate.of("Uw ((document_type)) verloopt", """
                Beste inwoner,

                Uw ((document_type)) is geldig tot en met **((document_expiry_date))**. Dat is over ((days_left)) dagen.

                [Maak een afspraak](((link)))
                ((has_children??Neem ook de kinderpassen mee.))

                Met vriendelijke groet,

                ((municipality))""");
        Map<String, Object> values = Map.of("document_type", "paspoort", "document_expiry_date", "1 februari 2027",
                "days_left", 56, "link", "http://localhost:8080/r/x-1", "municipality", "gemeente Amsterdam",
                "has_children", true);
        assertThat(email.body().markdown().render(new Values(values))).isNotNull();
        assertThat(email.render(values)).isEqualTo(email.renderEachTime("Uw paspoort verloopt", values));
        assertThat(email.render(values).html()).contains("href=\"http://localhost:8080/r/x-1\"")
                .contains("<strong>1 februari 2027</strong>").contains("kinderpassen");
    }

    @Test
    void valuesThatCouldBeMarkup_takeThePerMessagePath_andStayEscaped() {
        EmailTemplate email = EmailTemplate.of("Hallo", "Beste ((naam)),\n\n((naam)). Zie [hier](((link))).");
        Map<String, Object> values = Map.of("naam", "1. <b>Jan</b> *x*", "link", "javascript:alert(1)");
        assertThat(email.body().markdown().render(new Values(values))).isNull();
        RenderedEmail rendered = email.render(values);
        assertThat(rendered.html()).contains("&lt;b&gt;Jan&lt;/b&gt; *x*").doesNotContain("<ol").doesNotContain("javascript");
    }

    private static String randomTemplate(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 3 + random.nextInt(14);
        boolean inOptional = false;
        for (int i = 0; i < pieces; i++) {
            int roll = random.nextInt(10);
            if (roll < 3) {
                text.append("((").append(List.of("a", "b", "link", "c").get(random.nextInt(4))).append("))");
            } else if (roll == 3 && !inOptional) {
                text.append("((flag").append(random.nextInt(2)).append("??");
                inOptional = true;
            } else if (roll == 4 && inOptional) {
                text.append("))");
                inOptional = false;
            } else {
                text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
        }
        if (inOptional) {
            text.append("))");
        }
        return text.toString();
    }
}
