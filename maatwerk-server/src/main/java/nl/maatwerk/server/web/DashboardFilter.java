package nl.maatwerk.server.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.UriUtils;

/**
 * The filter bar's values as they stand in the page URL. Empty means "all"; a missing period means the
 * twelve months up to the last contact.
 */
record DashboardFilter(String from, String to, String channel, String direction, String kind, String topic,
        String district, String neighbourhood, String grain) {

    DashboardFilter withDefaults(LocalDate lastDay) {
        String defaultTo = lastDay == null ? "" : lastDay.toString();
        String defaultFrom = lastDay == null ? "" : lastDay.minusYears(1).plusDays(1).toString();
        return new DashboardFilter(blank(from) ? defaultFrom : from, blank(to) ? defaultTo : to, value(channel),
                value(direction), value(kind), value(topic), value(district), value(neighbourhood),
                "day".equals(grain) || "month".equals(grain) ? grain : "week");
    }

    /** The API query string for these filters, to which a widget adds its own parameters. */
    String apiQuery() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("channel", channel);
        parameters.put("direction", direction);
        parameters.put("kind", kind);
        parameters.put("topic", topic);
        parameters.put("district", district);
        parameters.put("neighbourhood", neighbourhood);
        return parameters.entrySet().stream().filter(e -> !blank(e.getValue()))
                .map(e -> e.getKey() + "=" + UriUtils.encodeQueryParam(e.getValue(), "UTF-8"))
                .collect(Collectors.joining("&"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String value(String value) {
        return blank(value) ? "" : value.trim();
    }
}
