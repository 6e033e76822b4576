package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SegmentJsonTests {

    @Test
    void write_issueExample_readsBackAsTheSameTree() {
        Expression e = SegmentLanguage.parse(Fixtures.EXAMPLE);
        String json = SegmentJson.write(e);

        assertThat(json).contains("{\"field\":\"age\",\"between\":[25,40]}")
                .contains("{\"count\":\"contacts\",\"where\":{\"and\":["
                        + "{\"field\":\"channel\",\"in\":[\"desk\",\"phone\"]}")
                .contains("{\"field\":\"occurredAt\",\"op\":\">\",\"value\":{\"now\":\"-90d\"}}")
                .contains("{\"not\":{\"inSegment\":\"digitaal-actief\"}}");
        assertThat(SegmentJson.read(json)).isEqualTo(e);
    }

    @Test
    void read_unknownOperator_namesThePointer() {
        SegmentException e = catchThrowableOfType(SegmentException.class, () -> SegmentJson.read(
                "{\"and\": [{\"field\": \"age\", \"op\": \"=>\", \"value\": 3}, {\"flag\": \"channel.digital\"}]}"));

        assertThat(e.problems().get(0).kind()).isEqualTo(SegmentProblem.Kind.JSON);
        assertThat(e.getMessage()).contains("/and/0/op").contains("\"=>\"");
    }

    @Test
    void read_malformedJson_isAProblemNotACrash() {
        assertThat(catchThrowableOfType(SegmentException.class, () -> SegmentJson.read("{\"and\": ["))
                .getMessage()).contains("not JSON");
    }

    /** text → tree → JSON → tree → text gives the same text and tree, for any tree the language can write. */
    @Property(tries = 300)
    void textTreeJsonRoundTrip(@ForAll("expressions") Expression e) {
        String text = SegmentLanguage.format(e);
        Expression parsed = SegmentLanguage.parse(text);
        Expression back = SegmentJson.read(SegmentJson.write(parsed));

        assertThat(parsed).isEqualTo(e);
        assertThat(back).isEqualTo(e);
        assertThat(SegmentLanguage.format(back)).isEqualTo(text);
    }

    @Provide
    Arbitrary<Expression> expressions() {
        return expression(3);
    }

    private static Arbitrary<Expression> expression(int depth) {
        Arbitrary<Expression> leaf = Arbitraries.oneOf(comparison(), between(), inList(),
                path().map(Expression.Flag::new),
                Combinators.combine(path(), span()).as(Expression.Call::new),
                text().map(Expression.InSegment::new));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expression> inner = Arbitraries.lazy(() -> expression(depth - 1));
        Arbitrary<Optional<Expression>> where = inner.optional(0.7);
        Arbitrary<Expression.Source> source = Arbitraries.of(Expression.Source.class);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Expression.And::new)),
                net.jqwik.api.Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Expression.Or::new)),
                net.jqwik.api.Tuple.of(1, inner.map(Expression.Not::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(source, where, operator(),
                        Arbitraries.longs().between(0, 1000)).as(Expression.Count::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(Expression.Which.class), source, where,
                        name(), operator(), value()).as(Expression.Extreme::new)));
    }

    private static Arbitrary<Expression> comparison() {
        return Combinators.combine(path(), operator(), value()).as(Expression.Comparison::new);
    }

    private static Arbitrary<Expression> between() {
        return Combinators.combine(path(), value(), value()).as(Expression.Between::new);
    }

    private static Arbitrary<Expression> inList() {
        return Combinators.combine(path(), value().list().ofMinSize(1).ofMaxSize(4)).as(Expression.InList::new);
    }

    private static Arbitrary<Operator> operator() {
        return Arbitraries.of(Operator.class);
    }

    private static Arbitrary<String> name() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(8)
                .filter(n -> !List.of("and", "or", "not", "in", "between", "where", "true", "false", "now")
                        .contains(n));
    }

    private static Arbitrary<String> path() {
        return name().list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join(".", parts));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(12).filter(s -> s.indexOf('\n') < 0 && s.indexOf('\r') < 0);
    }

    private static Arbitrary<Span> span() {
        return Combinators.combine(Arbitraries.integers().between(1, 999), Arbitraries.of(Span.Unit.class))
                .as(Span::new);
    }

    private static Arbitrary<Value> value() {
        return Arbitraries.oneOf(
                text().map(Value.Text::new),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e6"), new BigDecimal("1e6")).ofScale(3)
                        .map(Value.Number::new),
                Arbitraries.of(true, false).map(Value.Bool::new),
                Arbitraries.integers().between(-719_528, 2_932_896).map(d -> new Value.Day(LocalDate.ofEpochDay(d))),
                Arbitraries.of(Value.Relative.NOW),
                Combinators.combine(span(), Arbitraries.of(true, false)).as(Value.Relative::new));
    }

}
