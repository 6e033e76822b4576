package nl.maatwerk.server.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * No singling out. A group behind which fewer than k distinct persons stand is hidden (primary
 * suppression). Because any line of a table — the groups that differ in one dimension only — adds up to a
 * total that another question answers, a line with exactly one hidden group would give it away by
 * subtraction; so the smallest visible group of that line is hidden too (complementary suppression),
 * repeated until every line has none or at least two hidden groups.
 */
final class Suppression {

    private Suppression() {
    }

    static boolean[] hidden(List<List<String>> keys, long[] persons, int k) {
        int rows = keys.size();
        boolean[] hidden = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            hidden[i] = persons[i] < k;
        }
        int dimensions = rows == 0 ? 0 : keys.get(0).size();
        boolean changed = dimensions > 0;
        while (changed) {
            changed = false;
            for (int d = 0; d < dimensions; d++) {
                for (List<Integer> line : lines(keys, d)) {
                    changed |= hideSecond(line, persons, hidden);
                }
            }
        }
        return hidden;
    }

    private static boolean hideSecond(List<Integer> line, long[] persons, boolean[] hidden) {
        int hiddenCount = 0;
        int smallestVisible = -1;
        for (int row : line) {
            if (hidden[row]) {
                hiddenCount++;
            } else if (smallestVisible < 0 || persons[row] < persons[smallestVisible]) {
                smallestVisible = row;
            }
        }
        if (hiddenCount == 1 && smallestVisible >= 0) {
            hidden[smallestVisible] = true;
            return true;
        }
        return false;
    }

    /** Rows grouped by their keys other than dimension {@code d}. */
    private static Iterable<List<Integer>> lines(List<List<String>> keys, int d) {
        Map<List<String>, List<Integer>> lines = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> rest = new ArrayList<>(keys.get(i));
            rest.remove(d);
            lines.computeIfAbsent(rest, r -> new ArrayList<>()).add(i);
        }
        return lines.values();
    }
}
