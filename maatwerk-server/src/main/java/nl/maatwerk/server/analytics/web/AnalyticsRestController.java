package nl.maatwerk.server.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.maatwerk.server.analytics.AnalyticsQuery;
import nl.maatwerk.server.analytics.AnalyticsResult;
import nl.maatwerk.server.analytics.AnalyticsRow;
import nl.maatwerk.server.analytics.ChannelShift;
import nl.maatwerk.server.analytics.ContactAnalytics;
import nl.maatwerk.server.analytics.Dimension;
import nl.maatwerk.server.analytics.Measure;
import nl.maatwerk.server.analytics.PreferredChannel;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contact analytics for integrators and for the dashboard's own pages. Every answer obeys the same
 * filters, comes as JSON or CSV ({@code format=csv} or {@code Accept: text/csv}), and withholds groups of
 * fewer than k persons. Definitions: docs/metrics.md.
 */
@RestController
@RequestMapping("/api/v1/analytics/contacts")
@Tag(name = "Analytics", description = "Counts and measures over all customer contact; no group singles out a person")
class AnalyticsRestController {

    private static final Set<String> FORMAT = Set.of("format");
    private static final MediaType CSV = new MediaType("text", "csv");

    private final ContactAnalytics analytics;

    AnalyticsRestController(ContactAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/counts")
    @Operation(summary = "Contacts and distinct persons per group; grouped by district or neighbourhood also per 1,000 residents",
            description = "Filters: from, to (yyyy-mm-dd, inclusive, local days), channel, direction, kind, topic, subtopic,"
                    + " district, neighbourhood, source (repeat or comma-separate for several). by: up to three of channel, kind,"
                    + " topic, subtopic, district, neighbourhood, direction, day, week, month, ageBand, hour, weekday, source.")
    ResponseEntity<?> counts(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return measure(Measure.CONTACTS, query, accept);
    }

    @GetMapping("/{measure:first-contact-resolution|repeat-contact|satisfaction|time-to-close|digital-share}")
    @Operation(summary = "A quality measure per group: first-contact-resolution, repeat-contact, satisfaction, time-to-close or digital-share",
            description = "Same filters and dimensions as counts; value is a share (0-1), a mean score (1-5) or mean hours.")
    ResponseEntity<?> measure(@PathVariable String measure,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Measure m = Arrays.stream(Measure.values()).filter(x -> x.path().equals(measure)).findFirst().orElseThrow();
        return measure(m, query, accept);
    }

    @GetMapping("/channel-shift")
    @Operation(summary = "Digital share per group in the period and in the same period last year, with the change in points")
    ResponseEntity<?> channelShift(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        AnalyticsParameters.Parsed p = AnalyticsParameters.parse(query, true, FORMAT);
        if (p.by().stream().anyMatch(Dimension::isTime)) {
            throw ApiProblem.invalid(FieldProblem.atParameter("by",
                    "channel shift compares with the same period last year; group by non-time dimensions only"));
        }
        List<ChannelShift> shifts = guarded(() -> analytics.channelShift(p.filter(), p.by()));
        AnalyticsResult period = guarded(() -> analytics.query(new AnalyticsQuery(Measure.CONTACTS, p.filter(), List.of())));
        List<String> columns = columns(p.by(), "digitalShare", "digitalShareLastYear", "changePoints", "suppressed");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ChannelShift shift : shifts) {
            Map<String, Object> row = keyed(p.by(), shift.keys());
            row.put("digitalShare", orWithheld(shift.share(), shift.suppressed()));
            row.put("digitalShareLastYear", shift.shareLastYear());
            row.put("changePoints", shift.changePoints());
            row.put("suppressed", shift.suppressed());
            rows.add(row);
        }
        return answer(new ResultTable("channel-shift", codes(p.by()), columns, rows, analytics.k(), period.from(), period.to()), query, accept);
    }

    @GetMapping("/preferred-channels")
    @Operation(summary = "Per topic and age band the channel used most, and its share")
    ResponseEntity<?> preferredChannels(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        AnalyticsParameters.Parsed p = AnalyticsParameters.parse(query, false, FORMAT);
        List<PreferredChannel> preferred = guarded(() -> analytics.preferredChannels(p.filter()));
        AnalyticsResult period = guarded(() -> analytics.query(new AnalyticsQuery(Measure.CONTACTS, p.filter(), List.of())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PreferredChannel pc : preferred) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("topic", pc.topic());
            row.put("ageBand", pc.ageBand());
            row.put("channel", orWithheld(pc.channel(), pc.suppressed()));
            row.put("share", orWithheld(pc.share(), pc.suppressed()));
            row.put("suppressed", pc.suppressed());
            rows.add(row);
        }
        return answer(new ResultTable("preferred-channels", List.of("topic", "ageBand"), List.of("topic", "ageBand", "channel", "share", "suppressed"),
                rows, analytics.k(), period.from(), period.to()), query, accept);
    }

    private ResponseEntity<?> measure(Measure measure, MultiValueMap<String, String> query, String accept) {
        AnalyticsParameters.Parsed p = AnalyticsParameters.parse(query, true, FORMAT);
        AnalyticsResult result = guarded(() -> analytics.query(new AnalyticsQuery(measure, p.filter(), p.by())));
        boolean counts = measure == Measure.CONTACTS;
        Dimension area = p.by().contains(Dimension.DISTRICT) ? Dimension.DISTRICT
                : p.by().contains(Dimension.NEIGHBOURHOOD) ? Dimension.NEIGHBOURHOOD : null;
        Map<String, Long> residents = counts && area != null ? analytics.residents(area) : null;
        List<String> columns = counts ? columns(p.by(), "contacts", "citizens", "suppressed")
                : columns(p.by(), "value", "n", "contacts", "citizens", "suppressed");
        if (residents != null) {
            columns.addAll(List.of("residents", "perThousandResidents"));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AnalyticsRow r : result.rows()) {
            Map<String, Object> row = keyed(p.by(), r.keys());
            if (!counts) {
                row.put("value", orWithheld(r.value(), r.suppressed()));
                row.put("n", orWithheld(r.n(), r.suppressed()));
            }
            row.put("contacts", orWithheld(r.contacts(), r.suppressed()));
            row.put("citizens", orWithheld(r.citizens(), r.suppressed()));
            row.put("suppressed", r.suppressed());
            if (residents != null) {
                String code = r.key(p.by().indexOf(area));
                Long living = code == null ? null : residents.get(code);
                row.put("residents", living);
                row.put("perThousandResidents", r.suppressed() ? ResultTable.withheld(analytics.k())
                        : living == null || living == 0 ? null : 1000.0 * r.contacts() / living);
            }
            rows.add(row);
        }
        return answer(new ResultTable(measure.path(), codes(p.by()), columns, rows, result.k(), result.from(), result.to()), query, accept);
    }

    private Object orWithheld(Object value, boolean suppressed) {
        return suppressed ? ResultTable.withheld(analytics.k()) : value;
    }

    private static List<String> codes(List<Dimension> by) {
        return by.stream().map(Dimension::code).toList();
    }

    private static List<String> columns(List<Dimension> by, String... fields) {
        List<String> columns = new ArrayList<>(by.stream().map(Dimension::code).toList());
        columns.addAll(List.of(fields));
        return columns;
    }

    private static Map<String, Object> keyed(List<Dimension> by, List<String> keys) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < by.size(); i++) {
            row.put(by.get(i).code(), keys.get(i));
        }
        return row;
    }

    private static ResponseEntity<?> answer(ResultTable table, MultiValueMap<String, String> query, String accept) {
        boolean csv = "csv".equals(query.getFirst("format")) || (accept != null && accept.contains("text/csv"));
        if (csv) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + table.measure() + ".csv\"")
                    .body(table.csv());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table.json());
    }

    /** The engine refuses some questions (too many groups); they are the caller's to fix. */
    private static <T> T guarded(java.util.function.Supplier<T> question) {
        try {
            return question.get();
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(FieldProblem.atParameter("by", e.getMessage()));
        }
    }
}
