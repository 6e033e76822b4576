package nl.maatwerk.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The suppression rule on its own: primary cells, and no line with a single hidden cell. */
class SuppressionTests {

    @Test
    void aSmallCellIsHiddenWithTheSmallestOtherCellOfItsLine() {
        List<List<String>> keys = List.of(List.of("phone"), List.of("desk"), List.of("email"), List.of("chat"));
        boolean[] hidden = Suppression.hidden(keys, new long[] {40, 3, 25, 12}, 10);
        assertThat(hidden).containsExactly(false, true, false, true);
    }

    @Test
    void nothingIsHiddenWhenEveryCellIsLargeEnough() {
        boolean[] hidden = Suppression.hidden(List.of(List.of("a"), List.of("b")), new long[] {10, 11}, 10);
        assertThat(hidden).containsExactly(false, false);
    }

    @Test
    void twoDimensionalTablesHideAlongRowsAndColumns() {
        // week × channel; (w1, desk) is small: its row and its column each need a second hidden cell.
        List<List<String>> keys = List.of(List.of("w1", "phone"), List.of("w1", "desk"), List.of("w1", "email"),
                List.of("w2", "phone"), List.of("w2", "desk"), List.of("w2", "email"));
        boolean[] hidden = Suppression.hidden(keys, new long[] {50, 2, 30, 60, 40, 20}, 10);
        assertNoLineWithOneHidden(keys, hidden);
        assertThat(hidden[1]).isTrue();
    }

    @Test
    void randomTablesNeverLeaveOneHiddenCellInALine() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            int rows = 1 + random.nextInt(5), columns = 1 + random.nextInt(6);
            List<List<String>> keys = new ArrayList<>();
            List<Long> persons = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (random.nextInt(6) > 0) {
                        keys.add(List.of("r" + r, "c" + c));
                        persons.add((long) random.nextInt(40));
                    }
                }
            }
            long[] counts = persons.stream().mapToLong(Long::longValue).toArray();
            boolean[] hidden = Suppression.hidden(keys, counts, 10);
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] < 10) {
                    assertThat(hidden[i]).isTrue();
                }
            }
            assertNoLineWithOneHidden(keys, hidden);
        }
    }

    /** For every line (cells equal in all but one dimension) with more than one cell: 0 or at least 2 hidden. */
    private static void assertNoLineWithOneHidden(List<List<String>> keys, boolean[] hidden) {
        for (int d = 0; !keys.isEmpty() && d < keys.get(0).size(); d++) {
            Map<List<String>, int[]> lines = new HashMap<>();  // {cells, hidden}
            for (int i = 0; i < keys.size(); i++) {
                List<String> rest = new ArrayList<>(keys.get(i));
                rest.remove(d);
                int[] line = lines.computeIfAbsent(rest, x -> new int[2]);
                line[0]++;
                line[1] += hidden[i] ? 1 : 0;
            }
            lines.forEach((line, counts) -> {
                if (counts[0] > 1) {
                    assertThat(counts[1]).as("hidden cells in line %s", line).isNotEqualTo(1);
                }
            });
        }
    }
}
