package nl.maatwerk.server.segment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Citizens entered or left a segment, found at {@code at}. Published after the same changes were stored in
 * {@code segment_membership_event} (which journeys can read durably, in id order). Ids only.
 */
public record SegmentMembershipChanged(String segmentKey, List<UUID> entered, List<UUID> left, Instant at) {

    public SegmentMembershipChanged {
        entered = List.copyOf(entered);
        left = List.copyOf(left);
    }
}
