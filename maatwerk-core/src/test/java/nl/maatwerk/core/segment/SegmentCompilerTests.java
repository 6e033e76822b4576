package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SegmentCompilerTests {

    private static final SegmentResolver SEGMENTS = SegmentResolver.of(Map.of(
            "digitaal-actief", "count(contacts where channel.digital and occurredAt > now - 12m) >= 1",
            "gezinnen", "household.type = \"family_with_children\"",
            "jonge-gezinnen", "in segment \"gezinnen\" and household.youngestChildAge < 4",
            "a", "age > 18 and in segment \"b\"",
            "b", "in segment \"c\" or language = \"en\"",
            "c", "in segment \"a\"",
            "kapot", "age = \"oud\"",
            "zorg", "attribute.wmo_indication"));

    private final SegmentCompiler compiler = new SegmentCompiler(Fixtures.SCHEMA, SEGMENTS);

    private SegmentProblem onlyProblem(String text) {
        return onlyProblem("segmentation", text);
    }

    private SegmentProblem onlyProblem(String purpose, String text) {
        SegmentException e = catchThrowableOfType(SegmentException.class,
                () -> compiler.compile("nieuw", purpose, text));
        assertThat(e).as("problems for " + text).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    @Test
    void compile_issueExample_resolvesReferenceAndCanonicalisesNames() {
        CheckedSegment s = compiler.compile("voorbeeld", "segmentation", Fixtures.EXAMPLE.replace("age", "AGE"));

        assertThat(s.referencedKeys()).containsExactly("digitaal-actief");
        assertThat(s.text()).startsWith("age between 25 and 40 and household.type");
        assertThat(s.purpose()).isEqualTo("segmentation");
    }

    @Test
    void compile_nestedReferences_collectsEveryKey() {
        CheckedSegment s = compiler.compile(null, "segmentation", "in segment \"jonge-gezinnen\" and age < 40");

        assertThat(s.referencedKeys()).containsExactlyInAnyOrder("jonge-gezinnen", "gezinnen");
    }

    @Test
    void compile_unknownField_suggestsClosestName() {
        SegmentProblem p = onlyProblem("age > 18 and houshold.type = \"single\"");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.UNKNOWN_FIELD);
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(14);
        assertThat(p.token()).isEqualTo("houshold.type");
        assertThat(p.message()).isEqualTo(
                "Line 1, column 14: unknown field \"houshold.type\"; did you mean household.type?");
        assertThat(p.message(Locale.forLanguageTag("nl"))).contains("bedoelt u household.type?");
    }

    @Test
    void compile_pluralAttributePrefix_suggestsSingular() {
        assertThat(onlyProblem("attributes.income_band = \"low\"").message())
                .contains("did you mean attribute.income_band?");
    }

    @Test
    void compile_contactFieldOnCitizen_unknownWithoutWildGuess() {
        SegmentProblem p = onlyProblem("zzzzzzzz = \"desk\"");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.UNKNOWN_FIELD);
        assertThat(p.message()).doesNotContain("did you mean").endsWith("\".");
    }

    @Test
    void compile_unknownContactField_suggestsFromContactFields() {
        assertThat(onlyProblem("count(contacts where chanel = \"desk\") > 1").message())
                .contains("\"chanel\"").contains("did you mean channel?");
    }

    @Test
    void compile_textForNumber_namesFieldAndExpectation() {
        SegmentProblem p = onlyProblem("age = \"x\"");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.WRONG_VALUE);
        assertThat(p.column()).isEqualTo(7);
        assertThat(p.message()).contains("age").contains("a whole number").contains("\"x\"");
    }

    @Test
    void compile_unknownEnumValue_listsAllowedValues() {
        SegmentProblem p = onlyProblem("household.type = \"palace\"");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.WRONG_VALUE);
        assertThat(p.expected()).containsExactly("single", "couple", "family_with_children", "single_parent", "other");
        assertThat(p.message()).contains("household.type").contains("\"palace\"")
                .contains("single, couple, family_with_children, single_parent, other");
    }

    @Test
    void compile_unknownAttributeEnumValue_listsRegisterValues() {
        assertThat(onlyProblem("attribute.income_band in (\"low\", \"rich\")").message())
                .contains("attribute.income_band").contains("low, middle, high").contains("\"rich\"");
    }

    @Test
    void compile_rangeOnText_wrongOperatorNamesAlternatives() {
        SegmentProblem p = onlyProblem("district > \"WK0363\"");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.WRONG_OPERATOR);
        assertThat(p.message()).contains(">").contains("district").contains("=, !=");
    }

    @Test
    void compile_specialCategoryAttribute_refusedNamingAttributeAndCategory() {
        SegmentProblem p = onlyProblem("social_support", "age > 65 and attribute.wmo_indication = true");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.SPECIAL_CATEGORY);
        assertThat(p.column()).isEqualTo(14);
        assertThat(p.message()).contains("wmo_indication").contains("health").contains("Art. 9");
    }

    @Test
    void compile_attributeNotRegisteredForPurpose_namesAttributeAndPurpose() {
        SegmentProblem p = onlyProblem("attribute.receives_social_assistance");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.PURPOSE_NOT_ALLOWED);
        assertThat(p.message()).contains("receives_social_assistance").contains("\"segmentation\"")
                .contains("proactive_service, social_support");
    }

    @Test
    void compile_sameAttributeForRegisteredPurpose_accepted() {
        assertThat(compiler.compile(null, "proactive_service", "attribute.receives_social_assistance = false")
                .text()).isEqualTo("attribute.receives_social_assistance = false");
    }

    @Test
    void compile_referenceUsingSpecialCategory_refusedThroughTheReference() {
        SegmentProblem p = onlyProblem("social_support", "in segment \"zorg\"");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.BROKEN_REFERENCE);
        assertThat(p.message()).contains("\"zorg\"").contains("wmo_indication").contains("health");
    }

    @Test
    void compile_unknownSegment_namesKey() {
        SegmentProblem p = onlyProblem("age > 3 and not in segment \"bestaat-niet\"");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.UNKNOWN_SEGMENT);
        assertThat(p.column()).isEqualTo(17);
        assertThat(p.message()).contains("\"bestaat-niet\"");
    }

    @Test
    void compile_cycle_namesTheCycle() {
        SegmentException e = catchThrowableOfType(SegmentException.class,
                () -> compiler.compile("a", "segmentation", "age > 18 and in segment \"b\""));

        assertThat(e.problems()).extracting(SegmentProblem::kind).containsOnly(SegmentProblem.Kind.CYCLE);
        assertThat(e.problems().get(0).message()).contains("a → b → c → a");
    }

    @Test
    void compile_cycleNotThroughTheRoot_namesThatCycle() {
        SegmentProblem p = onlyProblem("in segment \"b\"");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.CYCLE);
        assertThat(p.message()).contains("b → c → a → b");
    }

    @Test
    void compile_selfReference_isACycle() {
        SegmentException e = catchThrowableOfType(SegmentException.class,
                () -> compiler.compile("zelf", "segmentation", "in segment \"zelf\""));

        assertThat(e.problems().get(0).message()).contains("zelf → zelf");
    }

    @Test
    void compile_brokenReference_namesKeyAndItsProblem() {
        SegmentProblem p = onlyProblem("in segment \"kapot\"");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.BROKEN_REFERENCE);
        assertThat(p.message()).contains("\"kapot\"").contains("age").contains("\"oud\"");
    }

    @Test
    void compile_countInsideWhere_misplaced() {
        SegmentProblem p = onlyProblem("count(contacts where count(cases) > 1) > 1");

        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.MISPLACED);
        assertThat(p.message()).contains("count(…)").contains("inside contacts where");
    }

    @Test
    void compile_wrongExtremeProperty_suggestsTheTimeField() {
        assertThat(onlyProblem("last(contacts).occuredAt > now - 12m").message())
                .contains("occuredAt").contains("did you mean occurredAt?");
    }

    @Test
    void compile_severalProblems_allReported() {
        SegmentException e = catchThrowableOfType(SegmentException.class,
                () -> compiler.compile(null, "segmentation", "agee > 1 and status = \"alive\" and in segment \"x\""));

        assertThat(e.problems()).extracting(SegmentProblem::kind).containsExactly(SegmentProblem.Kind.UNKNOWN_FIELD,
                SegmentProblem.Kind.WRONG_VALUE, SegmentProblem.Kind.UNKNOWN_SEGMENT);
    }

    @Nested
    class WithThePurposeRegister {

        private final SegmentCompiler registered = new SegmentCompiler(Fixtures.SCHEMA_WITH_PURPOSES, SEGMENTS);

        @Test
        void issueExample_staysWithinSegmentationsCategories() {
            assertThat(registered.compile("voorbeeld", "segmentation", Fixtures.EXAMPLE).referencedKeys())
                    .containsExactly("digitaal-actief");
        }

        @Test
        void casesUnderSegmentation_refusedNamingCategoryAndPurpose() {
            SegmentException e = catchThrowableOfType(SegmentException.class, () -> registered.compile(null,
                    "segmentation", "age > 18 and count(cases where type = \"objection\") >= 1"));

            assertThat(e.problems()).hasSize(1);
            SegmentProblem p = e.problems().get(0);
            assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.CATEGORY_NOT_IN_PURPOSE);
            assertThat(p.column()).isEqualTo(14);
            assertThat(p.message()).contains("count(cases)").contains("cases data").contains("\"segmentation\"")
                    .contains("age, contact_history, documents, household");
        }

        @Test
        void casesUnderProactiveService_accepted() {
            assertThat(registered.compile(null, "proactive_service",
                    "count(cases where type = \"objection\" and open) >= 1").text()).startsWith("count(cases");
        }

        @Test
        void unknownPurpose_refusedNamingKnownOnes() {
            SegmentException e = catchThrowableOfType(SegmentException.class,
                    () -> registered.compile(null, "marketing", "age > 18"));

            assertThat(e.problems().get(0).kind()).isEqualTo(SegmentProblem.Kind.UNKNOWN_PURPOSE);
            assertThat(e.getMessage()).contains("\"marketing\"").contains("segmentation");
        }
    }
}
