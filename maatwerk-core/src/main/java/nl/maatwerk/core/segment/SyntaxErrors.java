package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Collects ANTLR's syntax errors as problems with line, column, offending token and what was expected, in
 * words a reader of the language knows ({@code "and"}, {@code a field name}) rather than token type names.
 */
final class SyntaxErrors extends BaseErrorListener {

    private final List<SegmentProblem> problems = new ArrayList<>();

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        String token;   // as written, so a caret under it can be as wide as it
        String shown;   // as the message names it
        List<String> expected = new ArrayList<>();
        if (offendingSymbol instanceof Token t) {
            token = t.getType() == Token.EOF ? "" : t.getText();
            shown = t.getType() == Token.EOF ? "end of text" : "\"" + token + "\"";
            IntervalSet set = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens()
                    : ((Parser) recognizer).getExpectedTokens();
            TreeSet<String> words = new TreeSet<>();
            for (int type : set.toList()) {
                words.add(describe(recognizer, type));
            }
            expected.addAll(words);
        } else {
            token = character(msg);
            shown = "character \"" + token + "\"";
            expected.add("a keyword, name, number, date or text in double quotes");
        }
        String expectedText = expected.isEmpty() ? "something else" : expected.size() == 1 ? expected.get(0)
                : "one of " + String.join(", ", expected);
        problems.add(new SegmentProblem(SegmentProblem.Kind.SYNTAX, line, charPositionInLine + 1,
                token, expected, List.of(shown, expectedText)));
    }

    private static String character(String msg) {
        int quote = msg.indexOf('\'');
        return quote >= 0 ? msg.substring(quote + 1, msg.lastIndexOf('\'')) : msg;
    }

    private static String describe(Recognizer<?, ?> recognizer, int type) {
        if (type == Token.EOF) {
            return "end of text";
        }
        String symbolic = recognizer.getVocabulary().getSymbolicName(type);
        if (symbolic == null) {
            return recognizer.getVocabulary().getDisplayName(type);
        }
        return switch (symbolic) {
            case "IDENT" -> "a field name";
            case "STRING" -> "a text in double quotes";
            case "NUMBER" -> "a number";
            case "DATE" -> "a date like 2026-01-31";
            case "DURATION" -> "a time span like 90d, 8w, 12m or 2y";
            case "EQ" -> "\"=\"";
            case "NE" -> "\"!=\"";
            case "LT" -> "\"<\"";
            case "LE" -> "\"<=\"";
            case "GT" -> "\">\"";
            case "GE" -> "\">=\"";
            case "LPAREN" -> "\"(\"";
            case "RPAREN" -> "\")\"";
            case "COMMA" -> "\",\"";
            case "DOT" -> "\".\"";
            case "PLUS" -> "\"+\"";
            case "MINUS" -> "\"-\"";
            default -> "\"" + symbolic.toLowerCase(Locale.ROOT) + "\"";
        };
    }

    List<SegmentProblem> problems() {
        return problems;
    }
}
