package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.List;
import nl.maatwerk.core.segment.internal.grammar.SegmentLexer;
import nl.maatwerk.core.segment.internal.grammar.SegmentParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * The segment language's text form: parse text into an {@link Expression}, and write one back.
 * Parsing checks the grammar only; {@link SegmentCompiler} checks fields, values, purposes and references.
 *
 * <p>Stateless and thread-safe.
 */
public final class SegmentLanguage {

    private SegmentLanguage() {
    }

    /**
     * The tree of {@code text}.
     *
     * @throws SegmentException with every syntax problem (line, column, token, what was expected)
     */
    public static Expression parse(String text) {
        return parseWithPositions(text).expression();
    }

    /** The canonical text of {@code expression}; {@code parse(format(e)).equals(e)}. */
    public static String format(Expression expression) {
        return Formatter.format(expression);
    }

    static ParsedSegment parseWithPositions(String text) {
        SyntaxErrors errors = new SyntaxErrors();
        SegmentLexer lexer = new SegmentLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        SegmentParser parser = new SegmentParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        SegmentParser.SegmentContext tree = parser.segment();
        if (!errors.problems().isEmpty()) {
            throw new SegmentException(errors.problems());
        }
        TreeBuilder builder = new TreeBuilder();
        Expression expression = builder.build(tree);
        List<SegmentProblem> problems = new ArrayList<>(builder.problems());
        if (!problems.isEmpty()) {
            throw new SegmentException(problems);
        }
        return new ParsedSegment(expression, builder.positions());
    }
}
