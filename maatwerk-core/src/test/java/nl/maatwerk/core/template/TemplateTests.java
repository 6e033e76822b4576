package nl.maatwerk.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.maatwerk.core.template.TemplateSyntaxException.Problem;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TemplateTests {

    @Test
    void render_fillsPlaceholders() {
        Template template = Template.parse("Beste ((first_name)), uw afspraak is op ((datum)).");

        assertThat(template.render(Map.of("first_name", "Fatma", "datum", "3 december")))
                .isEqualTo("Beste Fatma, uw afspraak is op 3 december.");
    }

    @Test
    void names_areCaseInsensitiveAndMayHaveSpacesAround() {
        Template template = Template.parse("Beste (( First_Name )) en ((FIRST_NAME)).");

        assertThat(template.placeholders()).containsExactly("first_name");
        assertThat(template.render(Map.of("first_name", "Jan"))).isEqualTo("Beste Jan en Jan.");
        assertThat(template.render(Map.of("First_NAME", "Jan"))).isEqualTo("Beste Jan en Jan.");
    }

    @Test
    void placeholders_listsEveryNameInOrderOfAppearance() {
        Template template = Template.parse("((b)) ((a??met ((c)) en ((b)))) ((d))");

        assertThat(template.placeholders()).containsExactly("b", "a", "c", "d");
    }

    @Test
    void parenthesesAroundPlaceholders_areText() {
        Template template = Template.parse("(zie ((link))) en (((naam))) ((extra??(bijv. ((x)))))");

        assertThat(template.render(Map.of("link", "L", "naam", "N", "extra", true, "x", "X")))
                .isEqualTo("(zie L) en (N) (bijv. X)");
    }

    @Nested
    class OptionalText {

        private final Template template = Template.parse(
                "Neem uw paspoort mee.((has_children?? Neem ook de kinderpassen van ((kinderen)) mee.))");

        @Test
        void isShownForTruthyValues() {
            for (Object value : List.of(true, "yes", "ja", "TRUE", "2 kinderen", 1)) {
                assertThat(template.render(Map.of("has_children", value, "kinderen", "Sem")))
                        .as("value %s", value)
                        .isEqualTo("Neem uw paspoort mee. Neem ook de kinderpassen van Sem mee.");
            }
        }

        @Test
        void isHiddenForFalsyValues() {
            for (Object value : List.of(false, "false", "0", "", " ", "nee", "no", 0, List.of())) {
                assertThat(template.render(Map.of("has_children", value)))
                        .as("value %s", value)
                        .isEqualTo("Neem uw paspoort mee.");
            }
        }

        @Test
        void hidden_doesNotNeedItsPlaceholders() {
            assertThat(template.missing(Map.of("has_children", false))).isEmpty();
        }

        @Test
        void shown_needsItsPlaceholders() {
            assertThatThrownBy(() -> template.render(Map.of("has_children", true)))
                    .isInstanceOfSatisfying(MissingPlaceholders.class,
                            e -> assertThat(e.names()).containsExactly("kinderen"));
        }
    }

    @Nested
    class MissingValues {

        @Test
        void render_listsEveryMissingName() {
            Template template = Template.parse("((a)) ((b)) ((c??tekst)) ((d)) ((a))");

            assertThatThrownBy(() -> template.render(Map.of("b", "x")))
                    .isInstanceOfSatisfying(MissingPlaceholders.class,
                            e -> assertThat(e.names()).containsExactly("a", "c", "d"))
                    .hasMessage("no value for a, c, d");
        }

        @Test
        void nullValue_countsAsMissing() {
            Map<String, Object> values = new HashMap<>();
            values.put("a", null);

            assertThat(Template.parse("((a))").missing(values)).containsExactly("a");
        }

        @Test
        void emptyText_isAValueNotAHole() {
            assertThat(Template.parse("[((a))]").render(Map.of("a", ""))).isEqualTo("[]");
        }

        @Test
        void twoSpellingsWithDifferentValues_areRejected() {
            assertThatThrownBy(() -> Template.parse("((a))").render(Map.of("a", "1", "A", "2")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("case-insensitive");
        }
    }

    @Nested
    class ParseErrors {

        @Test
        void unclosed_namesLineAndColumnOfTheOpening() {
            assertThatThrownBy(() -> Template.parse("Beste ((naam)),\nuw afspraak is op ((datum."))
                    .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.UNCLOSED);
                        assertThat(e.line()).isEqualTo(2);
                        assertThat(e.column()).isEqualTo(19);
                        assertThat(e.message(Locale.forLanguageTag("nl")))
                                .isEqualTo("regel 2, kolom 19: (( wordt niet gesloten met ))");
                    });
        }

        @Test
        void unclosedOptionalText_namesItsOpening() {
            assertThatThrownBy(() -> Template.parse("a\nb ((x??tekst ((y)) zonder einde"))
                    .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.UNCLOSED);
                        assertThat(e.line()).isEqualTo(2);
                        assertThat(e.column()).isEqualTo(3);
                    });
        }

        @Test
        void emptyName() {
            assertThatThrownBy(() -> Template.parse("x (( )) y"))
                    .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.EMPTY_NAME);
                        assertThat(e.column()).isEqualTo(3);
                    });
            assertThatThrownBy(() -> Template.parse("((??tekst))"))
                    .isInstanceOfSatisfying(TemplateSyntaxException.class,
                            e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY_NAME));
        }

        @Test
        void badCharacter_namesItsColumn() {
            assertThatThrownBy(() -> Template.parse("Beste ((first name))"))
                    .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.BAD_NAME);
                        assertThat(e.column()).isEqualTo(14);
                        assertThat(e.getMessage()).isEqualTo(
                                "line 1, column 14: a placeholder name may only hold letters, digits, _ - and .: ' '");
                    });
        }

        @Test
        void nestedOptionalText() {
            assertThatThrownBy(() -> Template.parse("((a??x ((b??y)) z))"))
                    .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.NESTED_OPTIONAL);
                        assertThat(e.column()).isEqualTo(8);
                    });
        }

        @Test
        void openingInsideAName_isUnclosed() {
            assertThatThrownBy(() -> Template.parse("((a ((b))"))
                    .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                        assertThat(e.problem()).isEqualTo(Problem.UNCLOSED);
                        assertThat(e.column()).isEqualTo(1);
                    });
        }
    }
}
