package nl.maatwerk.core.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.maatwerk.core.segment.internal.grammar.SegmentBaseVisitor;
import nl.maatwerk.core.segment.internal.grammar.SegmentParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Turns ANTLR's parse tree into an {@link Expression}, flattening {@code a and b and c} into one node and
 * remembering where each node starts. Literals that lex but cannot be values (31 February, a count of 2.5) are
 * collected as problems.
 */
final class TreeBuilder extends SegmentBaseVisitor<Object> {

    private final Positions positions = new Positions();
    private final List<SegmentProblem> problems = new ArrayList<>();

    Positions positions() {
        return positions;
    }

    List<SegmentProblem> problems() {
        return problems;
    }

    Expression build(SegmentParser.SegmentContext segment) {
        return expression(segment.expression());
    }

    private Expression expression(SegmentParser.ExpressionContext ctx) {
        return (Expression) visit(ctx.orExpr());
    }

    private <T> T at(T node, ParserRuleContext ctx) {
        positions.put(node, ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine() + 1);
        return node;
    }

    @Override
    public Object visitOrExpr(SegmentParser.OrExprContext ctx) {
        List<Expression> operands = new ArrayList<>();
        ctx.andExpr().forEach(a -> operands.add((Expression) visit(a)));
        return operands.size() == 1 ? operands.get(0) : at(new Expression.Or(operands), ctx);
    }

    @Override
    public Object visitAndExpr(SegmentParser.AndExprContext ctx) {
        List<Expression> operands = new ArrayList<>();
        ctx.notExpr().forEach(a -> operands.add((Expression) visit(a)));
        return operands.size() == 1 ? operands.get(0) : at(new Expression.And(operands), ctx);
    }

    @Override
    public Object visitNotExpr(SegmentParser.NotExprContext ctx) {
        if (ctx.NOT() != null) {
            return at(new Expression.Not((Expression) visit(ctx.notExpr())), ctx);
        }
        return visit(ctx.primary());
    }

    @Override
    public Object visitParens(SegmentParser.ParensContext ctx) {
        return expression(ctx.expression());
    }

    @Override
    public Object visitInSegment(SegmentParser.InSegmentContext ctx) {
        return at(new Expression.InSegment(unquote(ctx.STRING().getText())), ctx);
    }

    @Override
    public Object visitCount(SegmentParser.CountContext ctx) {
        Optional<Expression> where = Optional.ofNullable(ctx.expression()).map(this::expression);
        long number = wholeNumber(ctx.integer());
        return at(new Expression.Count(source(ctx.source()), where, operator(ctx.comparator()), number), ctx);
    }

    @Override
    public Object visitExtreme(SegmentParser.ExtremeContext ctx) {
        Optional<Expression> where = Optional.ofNullable(ctx.expression()).map(this::expression);
        Expression.Which which = ctx.which.getType() == SegmentParser.FIRST ? Expression.Which.FIRST
                : Expression.Which.LAST;
        return at(new Expression.Extreme(which, source(ctx.source()), where, ctx.name().getText(),
                operator(ctx.comparator()), value(ctx.value())), ctx);
    }

    @Override
    public Object visitCall(SegmentParser.CallContext ctx) {
        return at(new Expression.Call(ctx.path().getText(), span(ctx.DURATION().getSymbol())), ctx);
    }

    @Override
    public Object visitComparison(SegmentParser.ComparisonContext ctx) {
        return at(new Expression.Comparison(ctx.path().getText(), operator(ctx.comparator()), value(ctx.value())),
                ctx);
    }

    @Override
    public Object visitBetween(SegmentParser.BetweenContext ctx) {
        return at(new Expression.Between(ctx.path().getText(), value(ctx.value(0)), value(ctx.value(1))), ctx);
    }

    @Override
    public Object visitInList(SegmentParser.InListContext ctx) {
        return at(new Expression.InList(ctx.path().getText(), ctx.value().stream().map(this::value).toList()), ctx);
    }

    @Override
    public Object visitFlag(SegmentParser.FlagContext ctx) {
        return at(new Expression.Flag(ctx.path().getText()), ctx);
    }

    private Value value(SegmentParser.ValueContext ctx) {
        return at((Value) visit(ctx), ctx);
    }

    @Override
    public Object visitText(SegmentParser.TextContext ctx) {
        return new Value.Text(unquote(ctx.STRING().getText()));
    }

    @Override
    public Object visitNumber(SegmentParser.NumberContext ctx) {
        BigDecimal number = new BigDecimal(ctx.NUMBER().getText());
        return new Value.Number(ctx.MINUS() != null ? number.negate() : number);
    }

    @Override
    public Object visitDay(SegmentParser.DayContext ctx) {
        try {
            return new Value.Day(LocalDate.parse(ctx.DATE().getText()));
        } catch (DateTimeParseException e) {
            problem(ctx.getStart(), "a real calendar date");
            return new Value.Day(LocalDate.EPOCH);
        }
    }

    @Override
    public Object visitBool(SegmentParser.BoolContext ctx) {
        return new Value.Bool(ctx.TRUE() != null);
    }

    @Override
    public Object visitRelative(SegmentParser.RelativeContext ctx) {
        if (ctx.DURATION() == null) {
            return Value.Relative.NOW;
        }
        Span span = span(ctx.DURATION().getSymbol());
        return ctx.MINUS() != null ? Value.Relative.minus(span) : Value.Relative.plus(span);
    }

    private Span span(Token token) {
        try {
            return Span.parse(token.getText());
        } catch (IllegalArgumentException e) {
            problem(token, "a time span between 1 and 100000 units, like 90d");
            return new Span(1, Span.Unit.DAYS);
        }
    }

    private long wholeNumber(SegmentParser.IntegerContext ctx) {
        BigDecimal number = new BigDecimal(ctx.NUMBER().getText());
        if (ctx.MINUS() != null || number.scale() > 0 && number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            problem(ctx.getStart(), "a whole number of 0 or more");
            return 0;
        }
        return number.longValue();
    }

    private void problem(Token token, String expected) {
        problems.add(new SegmentProblem(SegmentProblem.Kind.SYNTAX, token.getLine(),
                token.getCharPositionInLine() + 1, "\"" + token.getText() + "\"", List.of(expected),
                List.of("\"" + token.getText() + "\"", expected)));
    }

    private static Expression.Source source(SegmentParser.SourceContext ctx) {
        return ctx.CONTACTS() != null ? Expression.Source.CONTACTS : Expression.Source.CASES;
    }

    private static Operator operator(SegmentParser.ComparatorContext ctx) {
        return Operator.ofSymbol(ctx.getText()).orElseThrow();
    }

    static String unquote(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                c = quoted.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
