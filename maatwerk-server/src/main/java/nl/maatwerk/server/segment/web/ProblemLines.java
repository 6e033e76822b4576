package nl.maatwerk.server.segment.web;

import java.util.ArrayList;
import java.util.List;
import nl.maatwerk.server.platform.FieldProblem;

/**
 * The lines of an expression, each followed by a caret line for every problem found in it: spaces up to the
 * problem's column (tabs kept, so the caret lines up in a monospace block) and a {@code ^} as wide as the token.
 */
record ProblemLines(int number, String text, List<Marker> markers) {

    record Marker(int line, int column, String pad, String caret, String message) {
    }

    static List<ProblemLines> of(String expression, List<FieldProblem> problems) {
        String[] lines = expression.split("\r?\n", -1);
        List<ProblemLines> result = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String text = lines[i];
            List<Marker> markers = new ArrayList<>();
            for (FieldProblem p : problems) {
                if (p.line() != null && p.line() == number && p.column() instanceof Integer column) {
                    int at = Math.min(column - 1, text.length());
                    StringBuilder pad = new StringBuilder();
                    for (int c = 0; c < at; c++) {
                        pad.append(text.charAt(c) == '\t' ? '\t' : ' ');
                    }
                    int width = p.token() == null ? 1 : Math.max(1, Math.min(p.token().length(), text.length() - at));
                    markers.add(new Marker(number, column, pad.toString(), "^".repeat(width), p.detail()));
                }
            }
            result.add(new ProblemLines(number, text, markers));
        }
        return result;
    }
}
