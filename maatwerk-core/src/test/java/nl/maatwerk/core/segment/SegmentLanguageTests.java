package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentLanguageTests {

    @Test
    void parse_issueExample_givesTheTree() {
        Expression e = SegmentLanguage.parse(Fixtures.EXAMPLE);

        assertThat(e).isInstanceOf(Expression.And.class);
        List<Expression> parts = ((Expression.And) e).operands();
        assertThat(parts).hasSize(6);
        assertThat(parts.get(0)).isEqualTo(new Expression.Between("age", Value.Number.of(25), Value.Number.of(40)));
        assertThat(parts.get(2)).isEqualTo(new Expression.InList("district",
                List.of(new Value.Text("WK036300"), new Value.Text("WK036301"))));
        assertThat(parts.get(3)).isEqualTo(new Expression.Count(Expression.Source.CONTACTS, Optional.of(
                new Expression.And(List.of(
                        new Expression.InList("channel", List.of(new Value.Text("desk"), new Value.Text("phone"))),
                        new Expression.Comparison("occurredAt", Operator.GT,
                                Value.Relative.minus(new Span(90, Span.Unit.DAYS)))))),
                Operator.GE, 2));
        assertThat(parts.get(4)).isEqualTo(new Expression.Call("document.travel.expiresWithin",
                new Span(8, Span.Unit.WEEKS)));
        assertThat(parts.get(5)).isEqualTo(new Expression.Not(new Expression.InSegment("digitaal-actief")));
    }

    @Test
    void parse_keywordsInAnyCase_andCompactRelativeTimes() {
        Expression e = SegmentLanguage.parse("NOT Age >= 18 AND last(CONTACTS Where channel.digital).occurredAt"
                + " > now-12m Or birthDate < 2000-02-29");

        assertThat(SegmentLanguage.format(e)).isEqualTo("not Age >= 18 and last(contacts where channel.digital)"
                + ".occurredAt > now - 12m or birthDate < 2000-02-29");
    }

    @Test
    void format_thenParse_sameTree_forNestingAndEscapes() {
        String text = "(a = 1 or b = \"x \\\"y\\\" \\\\ z\") and not (c = -2.5 and not d) and (e = true and f = now)";
        Expression e = SegmentLanguage.parse(text);

        assertThat(SegmentLanguage.format(e)).isEqualTo(text);
        assertThat(SegmentLanguage.parse(SegmentLanguage.format(e))).isEqualTo(e);
        Expression.Comparison c = (Expression.Comparison) ((Expression.And) ((Expression.Not) ((Expression.And) e)
                .operands().get(1)).operand()).operands().get(0);
        assertThat(c.value()).isEqualTo(new Value.Number(new BigDecimal("-2.50")));
    }

    @Test
    void parse_missingValue_reportsLineColumnTokenAndExpected() {
        SegmentException e = catchThrowableOfType(SegmentException.class,
                () -> SegmentLanguage.parse("age >= 18 and\n  household.type = and language = \"nl\""));

        SegmentProblem p = e.problems().get(0);
        assertThat(p.kind()).isEqualTo(SegmentProblem.Kind.SYNTAX);
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(20);
        assertThat(p.token()).as("as written, unquoted").isEqualTo("and");
        assertThat(p.expected()).contains("a number", "a text in double quotes", "\"now\"");
        assertThat(p.message()).startsWith("Line 2, column 20: unexpected \"and\"; expected one of")
                .contains("a text in double quotes");
        assertThat(p.message(Locale.forLanguageTag("nl"))).startsWith("Regel 2, kolom 20: onverwacht \"and\"");
    }

    /** Regression: the token was quoted ("\"and\""), unlike every other problem's token, so a caret was 2 too wide. */
    @Test
    void parse_strayCharacter_tokenIsTheCharacterAsWritten() {
        SegmentException e = catchThrowableOfType(SegmentException.class, () -> SegmentLanguage.parse("age >= 18 & age < 30"));

        assertThat(e.problems().get(0).token()).isEqualTo("&");
        assertThat(e.problems().get(0).column()).isEqualTo(11);
        assertThat(e.problems().get(0).message()).contains("unexpected \"&\"");
    }

    @Test
    void parse_unclosedParenthesis_expectsClosingParenthesis() {
        SegmentException e = catchThrowableOfType(SegmentException.class,
                () -> SegmentLanguage.parse("(age > 3"));

        assertThat(e.problems().get(0).token()).as("nothing was written there").isEmpty();
        assertThat(e.problems().get(0).message()).contains("unexpected end of text");
        assertThat(e.problems().get(0).expected()).contains("\")\"");
        assertThat(e.problems().get(0).column()).isEqualTo(9);
    }

    @Test
    void parse_strayCharacter_namesIt() {
        assertThatThrownBy(() -> SegmentLanguage.parse("age > 3 & language = \"nl\""))
                .isInstanceOf(SegmentException.class).hasMessageContaining("column 9").hasMessageContaining("\"&\"");
    }

    @Test
    void parse_impossibleDate_isAProblemAtTheDate() {
        SegmentException e = catchThrowableOfType(SegmentException.class,
                () -> SegmentLanguage.parse("birthDate < 2026-02-30"));

        assertThat(e.problems().get(0).column()).isEqualTo(13);
        assertThat(e.getMessage()).contains("2026-02-30").contains("a real calendar date");
    }

    @Test
    void parse_fractionalCount_isAProblem() {
        assertThatThrownBy(() -> SegmentLanguage.parse("count(contacts) >= 1.5"))
                .isInstanceOf(SegmentException.class).hasMessageContaining("whole number");
    }

    @Test
    void parse_dateLiteral_andEmptyWhere() {
        Expression e = SegmentLanguage.parse("count(cases) = 0 and first(cases).submittedAt <= 2026-01-31");

        assertThat(((Expression.And) e).operands().get(1)).isEqualTo(new Expression.Extreme(Expression.Which.FIRST,
                Expression.Source.CASES, Optional.empty(), "submittedAt", Operator.LE,
                new Value.Day(LocalDate.of(2026, 1, 31))));
    }
}
