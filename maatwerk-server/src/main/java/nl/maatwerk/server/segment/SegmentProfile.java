package nl.maatwerk.server.segment;

import java.util.List;
import nl.maatwerk.core.segment.SegmentCount;

/**
 * A segment's members against all residents, per dimension ({@code ageBand}, {@code householdType},
 * {@code district}, {@code channel}): the share of each value. For {@code channel}, the share of persons who
 * used that channel in the last twelve months. A segment share standing for fewer persons than the cell minimum
 * is withheld ({@code null}).
 */
public record SegmentProfile(String key, SegmentCount members, long residents, int cellMinimum,
        List<Dimension> dimensions) {

    public record Dimension(String name, List<Bar> bars) {
    }

    public record Bar(String value, Double segmentShare, double residentShare) {
    }
}
