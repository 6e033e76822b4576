package nl.maatwerk.server.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.stats.Bulletin;
import nl.maatwerk.core.stats.ChannelMix;
import nl.maatwerk.core.stats.ChannelMixSeries;
import nl.maatwerk.core.stats.CountChange;
import nl.maatwerk.core.stats.CountSeries;
import nl.maatwerk.core.stats.RatingSummary;
import nl.maatwerk.core.stats.SatisfactionDrop;
import nl.maatwerk.core.stats.SatisfactionSeries;
import nl.maatwerk.core.stats.SeriesKey;
import nl.maatwerk.core.stats.WeeklyChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Gathers a week's inbound contacts and the weeks before it into series (per topic, subtopic, channel,
 * district, complaints, and topic within district), has core's {@link WeeklyChanges} test them, and
 * turns what it finds into bulletin items with a dashboard link each.
 */
@Component
class BulletinComposer {

    static final int BASELINE_WEEKS = 8;
    private static final WeeklyChanges CHANGES = WeeklyChanges.builder().baselineWeeks(BASELINE_WEEKS).build();

    private final ContactAnalytics analytics;
    private final JdbcTemplate jdbc;

    BulletinComposer(ContactAnalytics analytics, JdbcTemplate jdbc) {
        this.analytics = analytics;
        this.jdbc = jdbc;
    }

    BulletinReport compose(LocalDate week) {
        LocalDate monday = week.with(DayOfWeek.MONDAY);
        LocalDate from = monday.minusWeeks(BASELINE_WEEKS);
        LocalDate to = monday.plusDays(6);
        ContactFilter inbound = new ContactFilter(from, to, Set.of(), Set.of("inbound"), Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), Set.of());
        Map<String, Integer> weekIndex = weekIndex(from);
        Map<SeriesKey, long[]> persons = new HashMap<>();
        List<CountSeries> counts = new ArrayList<>();
        counts.addAll(series(inbound, weekIndex, persons, Dimension.TOPIC));
        counts.addAll(series(inbound, weekIndex, persons, Dimension.TOPIC, Dimension.SUBTOPIC));
        counts.addAll(series(inbound, weekIndex, persons, Dimension.CHANNEL));
        counts.addAll(series(inbound, weekIndex, persons, Dimension.DISTRICT));
        counts.addAll(series(inbound, weekIndex, persons, Dimension.KIND).stream()
                .filter(s -> s.key().values().get(0).equals("complaint")).toList());
        counts.addAll(series(inbound, weekIndex, persons, Dimension.TOPIC, Dimension.DISTRICT));
        Bulletin found = CHANGES.review(counts, ratings(from, to), mixes(inbound, weekIndex));
        List<BulletinItem> items = new ArrayList<>();
        for (CountChange c : found.countChanges()) {
            boolean enough = persons.getOrDefault(c.key(), new long[BASELINE_WEEKS + 1])[BASELINE_WEEKS] >= analytics.k();
            items.add(new BulletinItem(c.direction().name(), c.key().dimensions(), c.key().values(),
                    enough ? (double) c.week() : null, c.baselineMean(), c.ratio(), c.ratioLow(), c.ratioHigh(), c.q(),
                    c.certainty().name(), link(c.key(), from, to)));
        }
        for (SatisfactionDrop d : found.satisfactionDrops()) {
            items.add(new BulletinItem("SATISFACTION_DROP", d.key().dimensions(), d.key().values(), d.weekMean(),
                    d.baselineMean(), d.difference(), d.differenceLow(), d.differenceHigh(), d.q(), d.certainty().name(),
                    link(d.key(), from, to)));
        }
        for (nl.maatwerk.core.stats.ChannelShift s : found.channelShifts()) {
            items.add(new BulletinItem("CHANNEL_SHIFT", s.key().dimensions(), s.key().values(), s.weekShare(),
                    s.baselineShare(), s.changePoints(), s.changeLow(), s.changeHigh(), s.q(), s.certainty().name(),
                    link(s.key(), from, to)));
        }
        return new BulletinReport(monday, to, from, BASELINE_WEEKS, items, found.tested(), found.untested(), 0.05,
                analytics.k(), Instant.now());
    }

    /** ISO week label → index 0 (oldest baseline week) .. BASELINE_WEEKS (the week under review). */
    private static Map<String, Integer> weekIndex(LocalDate from) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int w = 0; w <= BASELINE_WEEKS; w++) {
            LocalDate monday = from.plusWeeks(w);
            index.put(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), w);
        }
        return index;
    }

    private List<CountSeries> series(ContactFilter filter, Map<String, Integer> weekIndex, Map<SeriesKey, long[]> persons,
            Dimension... dimensions) {
        List<Dimension> by = new ArrayList<>(List.of(Dimension.WEEK));
        by.addAll(List.of(dimensions));
        Map<SeriesKey, long[]> weekly = new LinkedHashMap<>();
        for (AnalyticsRow row : analytics.queryWithoutSuppression(new AnalyticsQuery(Measure.CONTACTS, filter, by)).rows()) {
            SeriesKey key = key(dimensions, row.keys().subList(1, row.keys().size()));
            if (key == null) {
                continue;
            }
            int w = weekIndex.get(row.key(0));
            weekly.computeIfAbsent(key, k -> new long[BASELINE_WEEKS + 1])[w] = row.contacts();
            persons.computeIfAbsent(key, k -> new long[BASELINE_WEEKS + 1])[w] = row.citizens();
        }
        List<CountSeries> series = new ArrayList<>();
        weekly.forEach((key, counts) -> {
            long[] baseline = new long[BASELINE_WEEKS];
            System.arraycopy(counts, 0, baseline, 0, BASELINE_WEEKS);
            series.add(CountSeries.of(key, counts[BASELINE_WEEKS], baseline));
        });
        return series;
    }

    /** A series key, or null when a value is unknown (no subtopic, no district): those are not reported on. */
    private static SeriesKey key(Dimension[] dimensions, List<String> values) {
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Dimension d : dimensions) {
            names.add(d.code());
        }
        return new SeriesKey(names, values);
    }

    private List<SatisfactionSeries> ratings(LocalDate from, LocalDate to) {
        Map<SeriesKey, long[][]> histograms = new LinkedHashMap<>();  // [0] = baseline, [1] = week; 5 scores each
        String local = ContactLoader.LOCAL;
        jdbc.query("select c.channel, c.topic, (" + local + "::date - ?::date) / 7 as w, c.satisfaction, count(*)"
                + " from contact c where c.direction = 'inbound' and c.satisfaction is not null"
                + " and " + local + "::date between ? and ? group by 1, 2, 3, 4", rs -> {
                    int part = rs.getInt(3) == BASELINE_WEEKS ? 1 : 0;
                    int score = rs.getInt(4) - 1;
                    long n = rs.getLong(5);
                    histograms.computeIfAbsent(SeriesKey.of("channel", rs.getString(1)), k -> new long[2][5])[part][score] += n;
                    histograms.computeIfAbsent(SeriesKey.of("topic", rs.getString(2)), k -> new long[2][5])[part][score] += n;
                }, from, from, to);
        List<SatisfactionSeries> series = new ArrayList<>();
        histograms.forEach((key, h) -> {
            if (total(h[1]) > 0 && total(h[0]) > 0) {
                series.add(new SatisfactionSeries(key, RatingSummary.ofHistogram(h[1]), RatingSummary.ofHistogram(h[0])));
            }
        });
        return series;
    }

    private static long total(long[] histogram) {
        long sum = 0;
        for (long n : histogram) {
            sum += n;
        }
        return sum;
    }

    private List<ChannelMixSeries> mixes(ContactFilter filter, Map<String, Integer> weekIndex) {
        Map<String, long[][]> split = new LinkedHashMap<>();  // topic → week → {digital, personal}
        for (AnalyticsRow row : analytics.queryWithoutSuppression(AnalyticsQuery.of(Measure.CONTACTS, filter,
                Dimension.WEEK, Dimension.TOPIC, Dimension.CHANNEL)).rows()) {
            boolean digital = Codes.find(Channel.class, row.key(2)).orElseThrow().digital();
            split.computeIfAbsent(row.key(1), t -> new long[BASELINE_WEEKS + 1][2])[weekIndex.get(row.key(0))][digital ? 0 : 1]
                    += row.contacts();
        }
        List<ChannelMixSeries> series = new ArrayList<>();
        split.forEach((topic, weeks) -> {
            List<ChannelMix> baseline = new ArrayList<>();
            for (int w = 0; w < BASELINE_WEEKS; w++) {
                baseline.add(new ChannelMix(weeks[w][0], weeks[w][1]));
            }
            series.add(new ChannelMixSeries(SeriesKey.of("topic", topic),
                    new ChannelMix(weeks[BASELINE_WEEKS][0], weeks[BASELINE_WEEKS][1]), baseline));
        });
        return series;
    }

    /** The dashboard page and filters that show the finding, over the bulletin's nine weeks, per week. */
    private static String link(SeriesKey key, LocalDate from, LocalDate to) {
        Map<String, String> filters = new LinkedHashMap<>();
        String page = "/dashboard";
        for (int i = 0; i < key.dimensions().size(); i++) {
            String dimension = key.dimensions().get(i);
            String value = key.values().get(i);
            switch (dimension) {
                case "subtopic" -> page = "/dashboard/topics";
                case "kind" -> {
                    page = "/dashboard/quality";
                    filters.put("kind", value);
                }
                default -> filters.put(dimension, value);
            }
        }
        String query = filters.entrySet().stream().map(e -> e.getKey() + "=" + UriUtils.encodeQueryParam(e.getValue(), "UTF-8"))
                .collect(Collectors.joining("&"));
        return page + "?" + query + (query.isEmpty() ? "" : "&") + "from=" + from + "&to=" + to + "&grain=week";
    }
}
