package nl.maatwerk.server.analytics;

/** Contacts from a district or neighbourhood per 1,000 of its residents. */
public record AreaRate(String area, Long contacts, Long citizens, Long residents, Double perThousand, boolean suppressed) {
}
