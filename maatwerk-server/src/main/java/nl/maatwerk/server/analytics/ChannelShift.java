package nl.maatwerk.server.analytics;

import java.util.List;

/**
 * The digital share of a group's contacts in a period and in the same period a year before, and the
 * change in percentage points. A side that is suppressed leaves its share and the change null.
 */
public record ChannelShift(List<String> keys, Double share, Double shareLastYear, Double changePoints,
        boolean suppressed) {
}
