package nl.maatwerk.server.analytics;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which contacts a question is about. A null period end means "from the first / to the last contact";
 * an empty set means "any". Dates are local days, both ends inclusive.
 */
public record ContactFilter(LocalDate from, LocalDate to, Set<String> channels, Set<String> directions,
        Set<String> kinds, Set<String> topics, Set<String> subtopics, Set<String> districts,
        Set<String> neighbourhoods, Set<String> sources) {

    public static final ContactFilter ALL = new ContactFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), Set.of(), Set.of());

    public ContactFilter {
        channels = Set.copyOf(channels);
        directions = Set.copyOf(directions);
        kinds = Set.copyOf(kinds);
        topics = Set.copyOf(topics);
        subtopics = Set.copyOf(subtopics);
        districts = Set.copyOf(districts);
        neighbourhoods = Set.copyOf(neighbourhoods);
        sources = Set.copyOf(sources);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public ContactFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new ContactFilter(newFrom, newTo, channels, directions, kinds, topics, subtopics, districts, neighbourhoods, sources);
    }

    public ContactFilter withTopics(Set<String> newTopics) {
        return new ContactFilter(from, to, channels, directions, kinds, newTopics, subtopics, districts, neighbourhoods, sources);
    }
}
