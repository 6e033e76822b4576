package nl.maatwerk.server.analytics;

/** The channel most used for a topic by an age band, and its share of that group's contacts. */
public record PreferredChannel(String topic, String ageBand, String channel, Double share, boolean suppressed) {
}
