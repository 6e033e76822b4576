package nl.maatwerk.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.flywaydb.core.Flyway;
import org.roaringbitmap.RoaringBitmap;

/**
 * The bitmap engine and the SQL translation give the same members for random valid expressions over a random
 * population in a real PostgreSQL with the real migrations, after a round of changes applied to both the way the
 * change feed would (so the index's incremental updates are checked against the database's state). The session
 * time zone is set far from the municipality's, to show that nothing in the SQL depends on it.
 */
class SegmentSqlAgreementTests {

    /** A Sunday of a daylight-saving change in Amsterdam, with a fraction of a second. */
    static final Instant NOW = Instant.parse("2026-03-29T01:30:17.250Z");

    private static final Map<String, String> SEGMENTS = Map.of(
            "s1", "age >= 18 and count(contacts where channel.digital and occurredAt > now - 12m) >= 1",
            "s2", "in segment \"s1\" or household.type in (\"family_with_children\", \"single_parent\")",
            "s3", "not in segment \"s2\" and document.travel.expiresWithin(8w)");

    private static EmbeddedPostgres postgres;
    private static Connection db;
    private static SegmentIndex index;
    private static TestPopulation population;
    private static final SegmentCompiler COMPILER = new SegmentCompiler(Fixtures.SCHEMA, SegmentResolver.of(SEGMENTS));

    @BeforeContainer
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        Path migrations = Path.of("../maatwerk-server/src/main/resources/db/migration").toAbsolutePath();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("filesystem:" + migrations)
                .load().migrate();
        db = postgres.getPostgresDatabase().getConnection();
        try (Statement s = db.createStatement()) {
            s.execute("set time zone 'America/New_York'");
        }
        population = new TestPopulation(20261123L, NOW, 2_000, 20_000);
        population.insertInto(db);
        try (Statement s = db.createStatement()) {
            s.execute("analyze");
        }
        index = new SegmentIndex();
        population.loadInto(index);
        population.mutate(db, index);   // so that the incremental paths are compared too
        BitmapEvaluator.parallelFrom = 500;   // wide scans split in two on this small population too
        BitmapEvaluator.readDirectlyUpTo = 100;   // small candidate sets are read, larger ones use the presence bitmaps
    }

    @AfterContainer
    static void stop() throws IOException, SQLException {
        BitmapEvaluator.parallelFrom = 50_000;
        BitmapEvaluator.readDirectlyUpTo = 16_384;
        if (db != null) {
            db.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void engineAndSqlAgree(@ForAll("expressions") Expression expression) throws SQLException {
        CheckedSegment segment = COMPILER.compile(null, "segmentation", SegmentLanguage.format(expression));

        RoaringBitmap engine = index.members(segment, NOW);
        SqlPredicate predicate = SegmentSql.where(segment, NOW);
        List<Integer> sql = query(predicate);

        boolean nearlyAll = engine.getCardinality() > 0.9 * index.citizens();
        Statistics.collect(engine.isEmpty() ? "none" : nearlyAll ? "nearly all" : "some");
        assertThat(engine.toArray()).as("%s%n%s%n%s", segment.text(), predicate.sql(), predicate.parameters())
                .containsExactly(sql.stream().mapToInt(Integer::intValue).toArray());
        // count() takes its own path for a plain age range (bucket intersections, no member bitmap)
        assertThat(index.count(segment, NOW)).as("count of %s", segment.text()).isEqualTo(sql.size());
    }

    private static List<Integer> query(SqlPredicate predicate) throws SQLException {
        TreeSet<Integer> seqs = new TreeSet<>();
        try (PreparedStatement ps = db.prepareStatement("select c.seq from citizen c where " + predicate.sql())) {
            for (int i = 0; i < predicate.parameters().size(); i++) {
                ps.setObject(i + 1, predicate.parameters().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getInt(1));
                }
            }
        }
        seqs.removeAll(population.excluded);
        return new ArrayList<>(seqs);
    }

    @Provide
    Arbitrary<Expression> expressions() {
        return citizen(3);
    }

    private static Arbitrary<Expression> citizen(int depth) {
        Arbitrary<Expression> leaf = Arbitraries.oneOf(
                Arbitraries.oneOf(ordered("age", whole(-1, 100)), ordered("birthDate", time()),
                        ordered("household.size", whole(0, 7)), ordered("household.youngestChildAge", whole(0, 17)),
                        ordered("attribute.household_income", decimal()),
                        ordered("attribute.moved_in_on", time())),
                Arbitraries.oneOf(codes("household.type", "single", "couple", "family_with_children",
                                "single_parent", "other"),
                        codes("postcode", add(TestPopulation.POSTCODES, "9999ZZ")),
                        codes("neighbourhood", TestPopulation.NEIGHBOURHOODS),
                        codes("district", add(TestPopulation.DISTRICTS, "WK999999")),
                        codes("language", TestPopulation.LANGUAGES),
                        codes("status", "resident", "moved_out", "deceased"),
                        codes("attribute.income_band", "low", "middle", "high"),
                        codes("attribute.hobby", TestPopulation.HOBBIES),
                        bool("attribute.parking_permit_holder")),
                Arbitraries.oneOf(Arbitraries.just(new Expression.Flag("document.travel.valid")),
                        span().map(s -> new Expression.Call("document.travel.expiresWithin", s)),
                        span().map(s -> new Expression.Call("document.travel.expiredWithin", s)),
                        Arbitraries.of("s1", "s2", "s3").map(Expression.InSegment::new)),
                Arbitraries.oneOf(
                        count(Expression.Source.CONTACTS, contact(2)), count(Expression.Source.CASES, municipalCase(2)),
                        twoSided(Expression.Source.CONTACTS, contact(2)),
                        extreme(Expression.Source.CONTACTS, "occurredAt", contact(2)),
                        extreme(Expression.Source.CASES, "submittedAt", municipalCase(2))),
                Arbitraries.oneOf(existence(), recent()));
        return depth == 0 ? leaf : combine(leaf, Arbitraries.lazy(() -> citizen(depth - 1)));
    }

    private static Arbitrary<Expression> contact(int depth) {
        Arbitrary<Expression> leaf = Arbitraries.oneOf(
                codes("channel", "phone", "desk", "email", "webform", "chat", "app", "letter"),
                Arbitraries.just(new Expression.Flag("channel.digital")),
                codes("direction", "inbound", "outbound"),
                codes("kind", "question", "request", "complaint"),
                codes("topic", add(TestPopulation.TOPICS, "unheard-of")),
                codes("subtopic", TestPopulation.SUBTOPICS),
                ordered("occurredAt", time()), ordered("occurredAt", time()),
                ordered("satisfaction", whole(1, 5)));
        return depth == 0 ? leaf : combine(leaf, Arbitraries.lazy(() -> contact(depth - 1)));
    }

    private static Arbitrary<Expression> municipalCase(int depth) {
        Arbitrary<Expression> leaf = Arbitraries.oneOf(
                codes("type", "objection", "parking_permit", "social_support"),
                codes("status", "received", "in_progress", "decided", "closed"),
                Arbitraries.just(new Expression.Flag("open")),
                ordered("submittedAt", time()), ordered("closedAt", time()),
                ordered("decisionDeadline", time()), ordered("decisionDate", time()),
                ordered("objectionDeadline", time()));
        return depth == 0 ? leaf : combine(leaf, Arbitraries.lazy(() -> municipalCase(depth - 1)));
    }

    private static Arbitrary<Expression> combine(Arbitrary<Expression> leaf, Arbitrary<Expression> inner) {
        return Arbitraries.frequencyOf(
                Tuple.of(5, leaf),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Expression.And::new)),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Expression.Or::new)),
                Tuple.of(1, inner.map(Expression.Not::new)));
    }

    private static Arbitrary<Expression> count(Expression.Source source, Arbitrary<Expression> where) {
        return Combinators.combine(where.optional(0.85), Arbitraries.of(Operator.class),
                Arbitraries.longs().between(0, 4)).as((w, op, n) -> new Expression.Count(source, w, op, n));
    }

    /**
     * {@code count(contacts where <one column> and occurredAt > now - N) op 0/1/2}, the shape the presence bitmaps
     * answer (ContactPresence): certain for whole periods inside the window, read for the edges.
     */
    private static Arbitrary<Expression> existence() {
        Arbitrary<Expression> column = Arbitraries.oneOf(
                codes("channel", "phone", "desk", "email", "webform", "chat", "app", "letter"),
                Arbitraries.just(new Expression.Flag("channel.digital")),
                codes("kind", "question", "request", "complaint"),
                codes("topic", add(TestPopulation.TOPICS, "unheard-of")), ordered("satisfaction", whole(1, 5)));
        Arbitrary<Expression> window = Arbitraries.oneOf(time().map(t -> new Expression.Comparison("occurredAt",
                Operator.GT, t)), Combinators.combine(time(), time()).as((a, b) -> new Expression.Between("occurredAt", a, b)));
        Arbitrary<Expression> where = Arbitraries.oneOf(column, window,
                Combinators.combine(column, window).as((c, w) -> new Expression.And(List.of(c, w))));
        return Combinators.combine(where.optional(0.9), Arbitraries.of(Operator.class), Arbitraries.longs().between(0, 2))
                .as((w, op, n) -> new Expression.Count(Expression.Source.CONTACTS, w, op, n));
    }

    /** {@code last(contacts where <one column>).occurredAt > now - N} and {@code first(…) < …}: "some match after/before". */
    private static Arbitrary<Expression> recent() {
        Arbitrary<Expression> column = Arbitraries.oneOf(
                codes("channel", "phone", "desk", "email", "webform", "chat", "app", "letter"),
                Arbitraries.just(new Expression.Flag("channel.digital")),
                codes("kind", "question", "request", "complaint"));
        return Combinators.combine(Arbitraries.of(Expression.Which.class), column.optional(0.8),
                Arbitraries.of(Operator.GT, Operator.GE, Operator.LT, Operator.LE), time())
                .as((which, w, op, t) -> new Expression.Extreme(which, Expression.Source.CONTACTS, w, "occurredAt", op, t));
    }

    /** {@code count(X) >= a and count(X) <= b} with the same X: the engine counts X once for both. */
    private static Arbitrary<Expression> twoSided(Expression.Source source, Arbitrary<Expression> where) {
        return Combinators.combine(where.optional(0.85), Arbitraries.longs().between(0, 3),
                Arbitraries.longs().between(0, 4)).as((w, a, b) -> new Expression.And(List.of(
                        new Expression.Count(source, w, Operator.GE, a), new Expression.Count(source, w, Operator.LE, b))));
    }

    private static Arbitrary<Expression> extreme(Expression.Source source, String property,
            Arbitrary<Expression> where) {
        return Combinators.combine(Arbitraries.of(Expression.Which.class), where.optional(0.7),
                Arbitraries.of(Operator.class), time())
                .as((which, w, op, t) -> new Expression.Extreme(which, source, w, property, op, t));
    }

    private static Arbitrary<Expression> ordered(String field, Arbitrary<Value> values) {
        Arbitrary<Expression> compare = Combinators.combine(Arbitraries.of(Operator.class), values)
                .as((op, v) -> new Expression.Comparison(field, op, v));
        Arbitrary<Expression> between = Combinators.combine(values, values)
                .as((a, b) -> new Expression.Between(field, a, b));
        boolean numeric = field.equals("age") || field.startsWith("household.") || field.equals("satisfaction")
                || field.equals("attribute.household_income");
        if (!numeric) {
            return Arbitraries.oneOf(compare, between);
        }
        return Arbitraries.oneOf(compare, between,
                values.list().ofMinSize(1).ofMaxSize(3).map(vs -> new Expression.InList(field, vs)));
    }

    private static Arbitrary<Expression> codes(String field, String... values) {
        Arbitrary<Value> value = Arbitraries.of(values).map(Value.Text::new);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(Operator.EQ, Operator.NE), value)
                        .as((op, v) -> new Expression.Comparison(field, op, v)),
                value.list().ofMinSize(1).ofMaxSize(3).map(vs -> new Expression.InList(field, vs)));
    }

    private static Arbitrary<Expression> bool(String field) {
        return Arbitraries.oneOf(Arbitraries.just(new Expression.Flag(field)),
                Combinators.combine(Arbitraries.of(Operator.EQ, Operator.NE), Arbitraries.of(true, false))
                        .as((op, b) -> new Expression.Comparison(field, op, new Value.Bool(b))));
    }

    private static Arbitrary<Value> whole(int min, int max) {
        return Arbitraries.integers().between(min, max).map(n -> Value.Number.of(n));
    }

    private static Arbitrary<Value> decimal() {
        return Arbitraries.of("0", "50", "100", "120.5", "1000", "-3").map(s -> new Value.Number(new BigDecimal(s)));
    }

    private static Arbitrary<Span> span() {
        return Arbitraries.of("1d", "5d", "90d", "2w", "8w", "3m", "12m", "1y").map(Span::parse);
    }

    /** Moments and dates near the population's edges. */
    private static Arbitrary<Value> time() {
        LocalDate today = NOW.atZone(Moments.ZONE).toLocalDate();
        return Arbitraries.oneOf(
                Arbitraries.just(Value.Relative.NOW),
                span().map(Value.Relative::minus),
                span().map(Value.Relative::plus),
                Arbitraries.integers().between(-400, 60).map(d -> new Value.Day(today.plusDays(d))));
    }

    private static String[] add(String[] values, String extra) {
        String[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = extra;
        return out;
    }

}
