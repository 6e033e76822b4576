package nl.maatwerk.core.stats;

import java.util.List;

/**
 * What changed significantly in the week under review, most important first in each list.
 *
 * @param countChanges      rises and falls of counts, by q-value and then by the size of the change in
 *                          contacts; the first is the bulletin's headline
 * @param satisfactionDrops satisfaction drops, by q-value and then by the size of the drop
 * @param channelShifts     digital-share shifts, biggest change in percentage points first
 * @param tested            series tested, over which the false-discovery rate is controlled
 * @param untested          series left out because they were too small to test
 */
public record Bulletin(List<CountChange> countChanges, List<SatisfactionDrop> satisfactionDrops,
                       List<ChannelShift> channelShifts, int tested, int untested) {

    public Bulletin {
        countChanges = List.copyOf(countChanges);
        satisfactionDrops = List.copyOf(satisfactionDrops);
        channelShifts = List.copyOf(channelShifts);
    }

    /** Whether nothing significant happened. */
    public boolean quiet() {
        return countChanges.isEmpty() && satisfactionDrops.isEmpty() && channelShifts.isEmpty();
    }
}
