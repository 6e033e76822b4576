package nl.maatwerk.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.TestTown;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every analytics answer equals a plain SQL GROUP BY over the raw contact table: random measures,
 * groupings and filters over a generated town, after it arrived through the change feed.
 */
@ApiTest
class AnalyticsAgainstSqlTests {

    @Autowired
    ContactAnalytics analytics;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void town(@Autowired ApplicationContext context, @Autowired JdbcTemplate jdbc, @Autowired ContactAnalytics analytics)
            throws InterruptedException {
        TestTown.load(context);
        long stored = jdbc.queryForObject("select count(*) from contact", Long.class);
        long deadline = System.currentTimeMillis() + 30_000;
        while (held(analytics) != stored && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }

    private static long held(ContactAnalytics analytics) {
        return analytics.queryWithoutSuppression(AnalyticsQuery.of(Measure.CONTACTS, ContactFilter.ALL)).rows().stream()
                .mapToLong(AnalyticsRow::contacts).sum();
    }

    @Test
    void holdsEveryStoredContact() {
        assertThat(jdbc.queryForObject("select count(*) from contact", Long.class)).isGreaterThan(10_000);
        assertThat(held(analytics)).isEqualTo(jdbc.queryForObject("select count(*) from contact", Long.class));
    }

    @Test
    void randomQuestionsEqualSqlGroupBy() {
        Random random = new Random(20261123);
        List<String> topics = jdbc.queryForList("select distinct topic from contact order by 1", String.class);
        List<String> districts = jdbc.queryForList("select distinct district from citizen where district is not null order by 1", String.class);
        int compared = 0;
        for (int round = 0; round < 60; round++) {
            AnalyticsQuery query = randomQuery(random, topics, districts);
            AnalyticsResult engine = analytics.queryWithoutSuppression(query);
            Map<List<String>, long[]> sqlCounts = new HashMap<>();
            Map<List<String>, Double> sqlValues = new HashMap<>();
            ReferenceSql.Sql sql = ReferenceSql.of(query, engine.from(), engine.to());
            jdbc.query(sql.text(), (ResultSet rs) -> {
                List<String> keys = new ArrayList<>();
                for (int i = 1; i <= query.by().size(); i++) {
                    keys.add(rs.getString(i));
                }
                int at = query.by().size();
                long n = rs.getLong(at + 2);
                if (n > 0) {
                    sqlCounts.put(keys, new long[] {rs.getLong(at + 1), n, rs.getLong(at + 3)});
                    sqlValues.put(keys, rs.getDouble(at + 4) / n);
                }
            }, sql.parameters().toArray());
            Map<List<String>, AnalyticsRow> engineRows = new HashMap<>();
            engine.rows().forEach(r -> engineRows.put(r.keys(), r));
            compared += sqlCounts.size();
            assertThat(engineRows.keySet()).as("groups of %s", query).isEqualTo(sqlCounts.keySet());
            sqlCounts.forEach((keys, expected) -> {
                AnalyticsRow row = engineRows.get(keys);
                assertThat(new long[] {row.contacts(), row.n(), row.citizens()}).as("%s %s", query, keys).containsExactly(expected);
                if (query.measure() != Measure.CONTACTS) {
                    assertThat(row.value()).as("%s %s", query, keys).isCloseTo(sqlValues.get(keys), within(1e-9));
                }
            });
        }
        assertThat(compared).as("groups compared").isGreaterThan(1_000);
    }

    private static AnalyticsQuery randomQuery(Random random, List<String> topics, List<String> districts) {
        Measure measure = Measure.values()[random.nextInt(Measure.values().length)];
        List<Dimension> dims = new ArrayList<>(List.of(Dimension.values()));
        Collections.shuffle(dims, random);
        int count = random.nextInt(3);
        List<Dimension> by = new ArrayList<>(dims.subList(0, count));
        LocalDate from = random.nextInt(4) == 0 ? null : LocalDate.of(2025, 3, 1).plusDays(random.nextInt(300));
        LocalDate to = from == null || random.nextBoolean() ? null : from.plusDays(random.nextInt(200));
        Set<String> channels = random.nextInt(3) == 0 ? pick(random, List.of(Channel.values()).stream().map(Channel::code).toList()) : Set.of();
        Set<String> kinds = random.nextInt(4) == 0 ? pick(random, List.of(ContactKind.values()).stream().map(ContactKind::code).toList()) : Set.of();
        Set<String> picked = random.nextInt(3) == 0 ? pick(random, topics) : Set.of();
        Set<String> inDistricts = random.nextInt(4) == 0 ? pick(random, districts) : Set.of();
        Set<String> directions = random.nextInt(5) == 0 ? Set.of(random.nextBoolean() ? "inbound" : "outbound") : Set.of();
        Set<String> sources = random.nextInt(5) == 0 ? Set.of("synthetic") : Set.of();
        return new AnalyticsQuery(measure, new ContactFilter(from, to, channels, directions, kinds, picked, Set.of(),
                inDistricts, Set.of(), sources), by);
    }

    private static Set<String> pick(Random random, List<String> values) {
        Set<String> picked = new HashSet<>();
        int n = 1 + random.nextInt(Math.min(3, values.size()));
        while (picked.size() < n) {
            picked.add(values.get(random.nextInt(values.size())));
        }
        return picked;
    }
}
