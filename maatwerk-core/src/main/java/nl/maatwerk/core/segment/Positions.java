package nl.maatwerk.core.segment;

import java.util.IdentityHashMap;
import java.util.Map;

/** Where each node of a parsed tree starts in the text (by identity), so later checks can point at it. */
final class Positions {

    static final Positions NONE = new Positions();

    private final Map<Object, int[]> starts = new IdentityHashMap<>();

    void put(Object node, int line, int column) {
        starts.put(node, new int[] {line, column});
    }

    int line(Object node) {
        int[] at = starts.get(node);
        return at == null ? 0 : at[0];
    }

    int column(Object node) {
        int[] at = starts.get(node);
        return at == null ? 0 : at[1];
    }
}
