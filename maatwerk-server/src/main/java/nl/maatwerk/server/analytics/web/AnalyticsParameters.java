package nl.maatwerk.server.analytics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.model.Coded;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.server.analytics.AnalyticsQuery;
import nl.maatwerk.server.analytics.ContactFilter;
import nl.maatwerk.server.analytics.Dimension;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query string shared by every analytics call: the period, the filters (repeated or comma
 * separated) and the dimensions. Every bad parameter is reported, by name, in one 400 problem.
 */
final class AnalyticsParameters {

    static final Set<String> FILTERS = Set.of("from", "to", "channel", "direction", "kind", "topic", "subtopic",
            "district", "neighbourhood", "source");

    private final MultiValueMap<String, String> query;
    private final List<FieldProblem> problems = new ArrayList<>();

    private AnalyticsParameters(MultiValueMap<String, String> query) {
        this.query = query;
    }

    /** The filter and dimensions of a request; {@code extra} names the other parameters the endpoint takes. */
    static Parsed parse(MultiValueMap<String, String> query, boolean takesDimensions, Set<String> extra) {
        AnalyticsParameters p = new AnalyticsParameters(query);
        for (String name : query.keySet()) {
            if (!FILTERS.contains(name) && !extra.contains(name) && !(takesDimensions && name.equals("by"))) {
                p.problems.add(FieldProblem.atParameter(name, "unknown parameter; known are "
                        + String.join(", ", sorted(FILTERS, extra, takesDimensions))));
            }
        }
        LocalDate from = p.date("from");
        LocalDate to = p.date("to");
        if (from != null && to != null && to.isBefore(from)) {
            p.problems.add(FieldProblem.atParameter("to", "the period ends (" + to + ") before it starts (" + from + ")"));
            to = null;
        }
        ContactFilter filter = new ContactFilter(from, to, p.codes("channel", Channel.class),
                p.codes("direction", Direction.class), p.codes("kind", ContactKind.class), p.values("topic"),
                p.values("subtopic"), p.values("district"), p.values("neighbourhood"), p.values("source"));
        List<Dimension> by = takesDimensions ? p.dimensions() : List.of();
        if (!p.problems.isEmpty()) {
            throw ApiProblem.invalid(p.problems);
        }
        return new Parsed(filter, by);
    }

    record Parsed(ContactFilter filter, List<Dimension> by) {
    }

    private static List<String> sorted(Set<String> filters, Set<String> extra, boolean by) {
        Set<String> all = new java.util.TreeSet<>(filters);
        all.addAll(extra);
        if (by) {
            all.add("by");
        }
        return List.copyOf(all);
    }

    private LocalDate date(String name) {
        String value = query.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.atParameter(name, "\"" + value + "\" is not a date; use yyyy-mm-dd, e.g. 2026-01-31"));
            return null;
        }
    }

    private Set<String> values(String name) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : query.getOrDefault(name, List.of())) {
            Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(values::add);
        }
        return values;
    }

    private <E extends Enum<E> & Coded> Set<String> codes(String name, Class<E> type) {
        Set<String> values = values(name);
        for (String value : values) {
            if (Codes.find(type, value).isEmpty()) {
                problems.add(FieldProblem.atParameter(name, "unknown " + name + " \"" + value + "\"; known are "
                        + Codes.list(type)));
            }
        }
        return values;
    }

    private List<Dimension> dimensions() {
        List<Dimension> by = new ArrayList<>();
        for (String code : values("by")) {
            Dimension.fromCode(code).ifPresentOrElse(by::add, () -> problems.add(FieldProblem.atParameter("by",
                    "unknown dimension \"" + code + "\"; known are " + Dimension.codes())));
        }
        if (by.size() > AnalyticsQuery.MAX_DIMENSIONS) {
            problems.add(FieldProblem.atParameter("by", "at most " + AnalyticsQuery.MAX_DIMENSIONS
                    + " dimensions at once, got " + by.size()));
        }
        return by;
    }
}
