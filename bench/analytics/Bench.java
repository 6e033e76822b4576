import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Analytics bench client: every dashboard widget's API call against the plain SQL GROUP BY over the raw
 * contact table that computes the same numbers, timed interleaved in the same run, and checked for equality.
 *
 * <pre>
 * java -cp postgresql.jar Bench.java --url http://127.0.0.1:18095 --pg-port 5432 --out DIR
 *      [--runs 20] [--warmup 3] [--sql-budget 60] [--sql-min 3] [--work-mem 256MB]
 * </pre>
 *
 * <p>The widgets are read from the five rendered dashboard pages ({@code data-api} of each widget, exactly
 * what the browser fetches), for the twelve months up to the last contact, and once more with a filter from
 * the filter bar: {@code channel=phone}, or for widgets about channels (grouped by channel, digital share,
 * channel shift, preferred channels) the most frequent topic. The reference SQL of each is built from its URL
 * with the expressions of {@code ReferenceSql} (maatwerk-server tests), copied here so the bench does not depend
 * on test classes. Writes {@code results.tsv}, {@code table.md} and {@code plans.txt} to the out dir.
 */
public class Bench {

    // --- the reference expressions, copied from ContactLoader / ReferenceSql / AgeBand -----------------------
    static final String ZONE = "Europe/Amsterdam";
    static final String LOCAL = "(c.occurred_at at time zone '" + ZONE + "')";
    static final String DISTRICT = "coalesce(c.district, ci.district)";
    static final String NEIGHBOURHOOD = "coalesce(c.neighbourhood, ci.neighbourhood)";
    static final String AGE = "extract(year from age(" + LOCAL + "::date, ci.birth_date))::int";
    static final String[][] AGE_BANDS = {{"75+", "75"}, {"65-74", "65"}, {"55-64", "55"}, {"45-54", "45"},
            {"35-44", "35"}, {"25-34", "25"}, {"18-24", "18"}, {"0-17", "0"}};
    static final String AGE_BAND = ageBand();
    static final List<String> DIGITAL = List.of("email", "webform", "chat", "whatsapp", "social", "app", "sms");
    static final String FROM = " from contact c left join citizen ci on ci.id = c.citizen_id";
    static final String API = "/api/v1/analytics/contacts/";

    static String ageBand() {
        StringBuilder sql = new StringBuilder("case");
        for (String[] band : AGE_BANDS) {
            sql.append(" when ").append(AGE).append(" >= ").append(band[1]).append(" then '").append(band[0]).append('\'');
        }
        return "case when ci.birth_date is null then null else " + sql + " end end";
    }

    static String dimension(String code) {
        return switch (code) {
            case "channel" -> "c.channel";
            case "kind" -> "c.kind";
            case "direction" -> "c.direction";
            case "topic" -> "c.topic";
            case "subtopic" -> "c.subtopic";
            case "district" -> DISTRICT;
            case "neighbourhood" -> NEIGHBOURHOOD;
            case "day" -> "to_char(" + LOCAL + ", 'YYYY-MM-DD')";
            case "week" -> "to_char(" + LOCAL + ", 'IYYY-\"W\"IW')";
            case "month" -> "to_char(" + LOCAL + ", 'YYYY-MM')";
            case "hour" -> "extract(hour from " + LOCAL + ")::int::text";
            case "weekday" -> "extract(isodow from " + LOCAL + ")::int::text";
            case "ageBand" -> AGE_BAND;
            default -> throw new IllegalArgumentException("unknown dimension " + code);
        };
    }

    static String eligible(String measure) {
        return switch (measure) {
            case "counts", "digital-share" -> "true";
            case "first-contact-resolution" -> "c.resolved_first_contact is not null";
            case "repeat-contact" -> "ci.seq is not null and c.direction = 'inbound'";
            case "satisfaction" -> "c.satisfaction is not null";
            case "time-to-close" -> "c.closed_at is not null";
            default -> throw new IllegalArgumentException(measure);
        };
    }

    static String value(String measure) {
        String digital = DIGITAL.stream().map(ch -> "'" + ch + "'").collect(Collectors.joining(","));
        return switch (measure) {
            case "counts" -> "0";
            case "first-contact-resolution" -> "case when c.resolved_first_contact then 1 else 0 end";
            case "repeat-contact" -> "case when exists (select 1 from contact p where p.citizen_id = c.citizen_id"
                    + " and p.topic = c.topic and p.direction = 'inbound' and p.occurred_at < c.occurred_at"
                    + " and p.occurred_at >= c.occurred_at - interval '7 days') then 1 else 0 end";
            case "satisfaction" -> "c.satisfaction";
            case "time-to-close" -> "round(extract(epoch from c.closed_at - c.occurred_at)) / 3600.0";
            case "digital-share" -> "case when c.channel in (" + digital + ") then 1 else 0 end";
            default -> throw new IllegalArgumentException(measure);
        };
    }

    // --- a widget's question, read from its URL --------------------------------------------------------------
    record Query(String endpoint, List<String> by, Map<String, Set<String>> filters, LocalDate from, LocalDate to) {

        static final List<String> FILTERS = List.of("channel", "direction", "kind", "topic", "subtopic", "district", "neighbourhood");

        static Query parse(String url) {
            URI uri = URI.create(url);
            String endpoint = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
            List<String> by = new ArrayList<>();
            Map<String, Set<String>> filters = new LinkedHashMap<>();
            LocalDate from = null, to = null;
            for (String pair : Objects.requireNonNullElse(uri.getRawQuery(), "").split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                String raw = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                switch (name) {
                    case "from" -> from = LocalDate.parse(raw);
                    case "to" -> to = LocalDate.parse(raw);
                    case "by" -> Arrays.stream(raw.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(by::add);
                    default -> {
                        if (!FILTERS.contains(name)) {
                            throw new IllegalArgumentException("unexpected parameter " + name + " in " + url);
                        }
                        Arrays.stream(raw.split(",")).map(String::trim).filter(v -> !v.isEmpty())
                                .forEach(v -> filters.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(v));
                    }
                }
            }
            return new Query(endpoint, by, filters, from, to);
        }
    }

    /** SQL text plus its parameters (dates and filter values). */
    record Sql(String text, List<Object> parameters) {
    }

    /** The WHERE clause of ReferenceSql: the local day within the period, then one IN per filter. */
    static String where(Query q, LocalDate from, LocalDate to, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" where " + LOCAL + "::date between ? and ?");
        parameters.add(from);
        parameters.add(to);
        for (String f : Query.FILTERS) {
            Set<String> values = q.filters().getOrDefault(f, Set.of());
            if (values.isEmpty()) {
                continue;
            }
            String column = switch (f) {
                case "district" -> DISTRICT;
                case "neighbourhood" -> NEIGHBOURHOOD;
                default -> "c." + f;
            };
            where.append(" and ").append(column).append(" in (")
                    .append(values.stream().map(v -> "?").collect(Collectors.joining(","))).append(')');
            parameters.addAll(values);
        }
        return where.toString();
    }

    /**
     * ReferenceSql.of: per group count(*), n (the contacts the measure looks at), distinct persons, sum. The
     * output columns are named (k0.., contacts, n, persons, total) so a wrapping query can refer to them; a
     * label, when given, is a constant first column (not grouped on).
     */
    static String groupBy(Query q, String measure, String where, String label) {
        List<String> dims = q.by().stream().map(Bench::dimension).toList();
        List<String> select = new ArrayList<>();
        if (label != null) {
            select.add(label + " as label");
        }
        for (int i = 0; i < dims.size(); i++) {
            select.add(dims.get(i) + " as k" + i);
        }
        String e = eligible(measure);
        select.add("count(*) as contacts");
        select.add("count(*) filter (where " + e + ") as n");
        select.add("count(distinct ci.seq) filter (where " + e + ") + count(*) filter (where " + e + " and ci.seq is null) as persons");
        select.add("sum(" + value(measure) + ") filter (where " + e + ") as total");
        return "select " + String.join(", ", select) + FROM + where + (dims.isEmpty() ? "" : " group by " + String.join(", ", dims));
    }

    static Sql reference(Query q, LocalDate from, LocalDate to) {
        List<Object> p = new ArrayList<>();
        switch (q.endpoint()) {
            case "channel-shift" -> {
                // the period and the same period a year earlier (LocalDate.minusYears, as the server does)
                String now = groupBy(q, "digital-share", where(q, from, to, p), "'now'");
                String last = groupBy(q, "digital-share", where(q, from.minusYears(1), to.minusYears(1), p), "'last'");
                return new Sql(now + " union all " + last, p);
            }
            case "preferred-channels" -> {
                // contacts per topic x age band x channel, and per topic x age band with its distinct persons
                String w = where(q, from, to, p);
                return new Sql("select c.topic, " + AGE_BAND + ", c.channel, grouping(c.channel), count(*),"
                        + " count(distinct ci.seq) + count(*) filter (where ci.seq is null)" + FROM + w
                        + " group by grouping sets ((c.topic, " + AGE_BAND + ", c.channel), (c.topic, " + AGE_BAND + "))", p);
            }
            default -> {
                String sql = groupBy(q, q.endpoint(), where(q, from, to, p), null);
                String area = q.endpoint().equals("counts") ? q.by().contains("district") ? "district"
                        : q.by().contains("neighbourhood") ? "neighbourhood" : null : null;
                if (area == null) {
                    return new Sql(sql, p);
                }
                // contacts per 1,000 residents: residents per area from the citizen register, as the server does
                return new Sql("with g as (" + sql + "), r as (select " + area + " as area, count(*) as residents from citizen"
                        + " where status = 'resident' and " + area + " is not null group by " + area + ")"
                        + " select g.*, r.residents from g left join r on r.area = g.k" + q.by().indexOf(area), p);
            }
        }
    }

    // --- comparison of one API answer with the SQL rows ------------------------------------------------------
    static final class Check {
        int compared, suppressed;
        final List<String> problems = new ArrayList<>();

        void fail(String problem) {
            if (problems.size() < 8) {
                problems.add(problem);
            }
        }

        String verdict() {
            return problems.isEmpty() ? "ok" : "MISMATCH: " + String.join("; ", problems);
        }
    }

    static boolean close(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }

    static List<String> keysOf(Map<String, Object> row, List<String> dims) {
        List<String> keys = new ArrayList<>();
        for (String d : dims) {
            Object v = row.get(d);
            keys.add(v == null ? null : v.toString());
        }
        return keys;
    }

    static long count(Object o) {
        return ((Number) o).longValue();
    }

    static double sum(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    static long num(Object o) {
        return ((BigDecimal) o).longValueExact();
    }

    static double dbl(Object o) {
        return ((BigDecimal) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static Check compare(Query q, Map<String, Object> body, List<Object[]> sql) {
        Check check = new Check();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
        int dims = q.by().size();
        switch (q.endpoint()) {
            case "channel-shift" -> {
                Map<List<String>, double[]> now = new HashMap<>(), last = new HashMap<>();
                for (Object[] r : sql) {
                    long n = count(r[dims + 2]);
                    if (n > 0) {
                        List<String> keys = new ArrayList<>();
                        for (int i = 1; i <= dims; i++) {
                            keys.add((String) r[i]);
                        }
                        ("now".equals(r[0]) ? now : last).put(keys, new double[] {sum(r[dims + 4]) / n});
                    }
                }
                Set<List<String>> apiKeys = new HashSet<>();
                for (Map<String, Object> row : rows) {
                    List<String> keys = keysOf(row, q.by());
                    apiKeys.add(keys);
                    if (Boolean.TRUE.equals(row.get("suppressed"))) {
                        check.suppressed++;
                        continue;
                    }
                    check.compared++;
                    double[] s = now.get(keys);
                    if (s == null || !close(dbl(row.get("digitalShare")), s[0])) {
                        check.fail(keys + " digitalShare api " + row.get("digitalShare") + " sql " + (s == null ? "none" : s[0]));
                    }
                    Object lastShare = row.get("digitalShareLastYear");
                    if (lastShare != null) {
                        double[] l = last.get(keys);
                        if (l == null || !close(dbl(lastShare), l[0])) {
                            check.fail(keys + " last year api " + lastShare + " sql " + (l == null ? "none" : l[0]));
                        } else if (s != null && !close(dbl(row.get("changePoints")), 100 * (s[0] - l[0]))) {
                            check.fail(keys + " changePoints api " + row.get("changePoints"));
                        }
                    }
                }
                if (!apiKeys.equals(now.keySet())) {
                    check.fail("groups differ: api " + apiKeys.size() + ", sql " + now.size());
                }
            }
            case "preferred-channels" -> {
                Map<List<String>, Long> total = new HashMap<>();
                Map<List<String>, Map<String, Long>> perChannel = new HashMap<>();
                for (Object[] r : sql) {
                    List<String> keys = Arrays.asList((String) r[0], (String) r[1]);
                    if (count(r[3]) == 1) {
                        total.put(keys, count(r[4]));
                    } else {
                        perChannel.computeIfAbsent(keys, k -> new HashMap<>()).put((String) r[2], count(r[4]));
                    }
                }
                Set<List<String>> apiKeys = new HashSet<>();
                for (Map<String, Object> row : rows) {
                    List<String> keys = keysOf(row, List.of("topic", "ageBand"));
                    apiKeys.add(keys);
                    if (Boolean.TRUE.equals(row.get("suppressed"))) {
                        check.suppressed++;
                        continue;
                    }
                    check.compared++;
                    Map<String, Long> channels = perChannel.getOrDefault(keys, Map.of());
                    long best = channels.values().stream().mapToLong(Long::longValue).max().orElse(-1);
                    String channel = (String) row.get("channel");
                    Long tot = total.get(keys);
                    if (tot == null || !Objects.equals(channels.get(channel), best)
                            || !close(dbl(row.get("share")), (double) best / tot)) {
                        check.fail(keys + " api " + channel + " " + row.get("share") + ", sql " + channels + " of " + tot);
                    }
                }
                if (!apiKeys.equals(total.keySet())) {
                    check.fail("groups differ: api " + apiKeys.size() + ", sql " + total.size());
                }
            }
            default -> {
                boolean counts = q.endpoint().equals("counts");
                Map<List<String>, Object[]> expected = new HashMap<>();
                for (Object[] r : sql) {
                    if (count(r[dims + 1]) > 0) {
                        List<String> keys = new ArrayList<>();
                        for (int i = 0; i < dims; i++) {
                            keys.add((String) r[i]);
                        }
                        expected.put(keys, r);
                    }
                }
                Set<List<String>> apiKeys = new HashSet<>();
                for (Map<String, Object> row : rows) {
                    List<String> keys = keysOf(row, q.by());
                    apiKeys.add(keys);
                    if (Boolean.TRUE.equals(row.get("suppressed"))) {
                        check.suppressed++;
                        continue;
                    }
                    check.compared++;
                    Object[] r = expected.get(keys);
                    if (r == null) {
                        check.fail(keys + " not in sql");
                        continue;
                    }
                    long contacts = count(r[dims]), n = count(r[dims + 1]), persons = count(r[dims + 2]);
                    if (num(row.get("contacts")) != contacts || num(row.get("citizens")) != persons
                            || (!counts && num(row.get("n")) != n)) {
                        check.fail(keys + " api contacts/n/citizens " + row.get("contacts") + "/" + row.get("n") + "/"
                                + row.get("citizens") + ", sql " + contacts + "/" + n + "/" + persons);
                    }
                    if (!counts && !close(dbl(row.get("value")), sum(r[dims + 3]) / n)) {
                        check.fail(keys + " value api " + row.get("value") + ", sql " + sum(r[dims + 3]) / n);
                    }
                    if (r.length > dims + 4) {
                        Object residents = row.get("residents");
                        if (!Objects.equals(residents == null ? null : num(residents), r[dims + 4] == null ? null : count(r[dims + 4]))) {
                            check.fail(keys + " residents api " + residents + ", sql " + r[dims + 4]);
                        }
                    }
                }
                if (!apiKeys.equals(expected.keySet())) {
                    Set<List<String>> onlyApi = new HashSet<>(apiKeys), onlySql = new HashSet<>(expected.keySet());
                    onlyApi.removeAll(expected.keySet());
                    onlySql.removeAll(apiKeys);
                    check.fail("groups differ: only api " + onlyApi.stream().limit(3).toList() + " (" + onlyApi.size()
                            + "), only sql " + onlySql.stream().limit(3).toList() + " (" + onlySql.size() + ")");
                }
            }
        }
        if (rows.isEmpty()) {
            check.fail("no rows");
        }
        return check;
    }

    // --- a tiny JSON reader (objects, arrays, strings, numbers as BigDecimal, true/false/null) ----------------
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String s) {
            Json j = new Json(s);
            Object v = j.value();
            j.ws();
            if (j.i != s.length()) {
                throw new IllegalArgumentException("trailing JSON at " + j.i);
            }
            return v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return new BigDecimal(s.substring(start, i));
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i + ": " + s.substring(i, Math.min(s.length(), i + 40)));
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }
    }

    // --- the widgets of the dashboard ------------------------------------------------------------------------
    record Widget(String page, String ids, String variant, String url) {
    }

    static final Pattern SECTION = Pattern.compile("<section\\b([^>]*)>");
    static final Pattern ATTR = Pattern.compile("\\b(id|data-api)=\"([^\"]*)\"");

    /** Widget id to API URL, in page order, from one rendered dashboard page. */
    static Map<String, String> widgetsOf(String html) {
        Map<String, String> widgets = new LinkedHashMap<>();
        Matcher section = SECTION.matcher(html);
        while (section.find()) {
            String id = null, api = null;
            Matcher a = ATTR.matcher(section.group(1));
            while (a.find()) {
                String v = a.group(2).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
                if (a.group(1).equals("id")) {
                    id = v;
                } else {
                    api = v;
                }
            }
            if (id != null && api != null) {
                widgets.put(id, api);
            }
        }
        return widgets;
    }

    /** Whether the filtered variant of a widget should filter on a topic rather than on the phone channel. */
    static boolean aboutChannels(String url) {
        Query q = Query.parse(url);
        return q.by().contains("channel") || Set.of("digital-share", "channel-shift", "preferred-channels").contains(q.endpoint());
    }

    // --- timing ----------------------------------------------------------------------------------------------
    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Nearest rank: the smallest value with at least 95% of the runs at or below it. */
    static double p95(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get((int) Math.ceil(0.95 * s.size()) - 1);
    }

    static String ms(double x) {
        return x >= 100 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    final Connection db;

    Bench(String base, Connection db) {
        this.base = base;
        this.db = db;
    }

    String get(String path, String accept) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Accept", accept)
                .header("Authorization", "Bearer " + System.getenv().getOrDefault("MAATWERK_BOOTSTRAP_API_KEY", "")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** One SQL run: execute and read every row; returns the rows. */
    List<Object[]> sql(Sql sql) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql.text())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                Object p = sql.parameters().get(i);
                if (p instanceof LocalDate d) {
                    st.setObject(i + 1, d);
                } else {
                    st.setString(i + 1, (String) p);
                }
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 1; c <= n; c++) {
                        row[c - 1] = rs.getObject(c);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    String explain(Sql sql) throws SQLException {
        String text = sql.text();
        int p = 0;
        StringBuilder inlined = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?') {
                Object v = sql.parameters().get(p++);
                inlined.append(v instanceof LocalDate ? "date '" + v + "'" : "'" + v.toString().replace("'", "''") + "'");
            } else {
                inlined.append(c);
            }
        }
        StringBuilder plan = new StringBuilder();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("explain " + inlined)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("--runs", "20", "--warmup", "3", "--sql-budget", "60",
                "--sql-min", "3", "--work-mem", "256MB", "--only", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i], args[i + 1]);
        }
        int runs = Integer.parseInt(opt.get("--runs"));
        int warmup = Integer.parseInt(opt.get("--warmup"));
        double budget = Double.parseDouble(opt.get("--sql-budget"));
        int sqlMin = Integer.parseInt(opt.get("--sql-min"));
        Path out = Path.of(opt.get("--out"));
        Files.createDirectories(out);
        Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + opt.get("--pg-port")
                + "/postgres?user=postgres&prepareThreshold=0&ApplicationName=bench-analytics");
        try (Statement st = db.createStatement()) {
            if (!opt.get("--work-mem").isEmpty()) {
                st.execute("set work_mem = '" + opt.get("--work-mem") + "'");
            }
        }
        Bench bench = new Bench(opt.get("--url"), db);

        // the dashboard's default period: the twelve months up to the last contact (local day)
        LocalDate last, from;
        String topic;
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select (max(occurred_at) at time zone '" + ZONE + "')::date from contact")) {
            rs.next();
            last = rs.getObject(1, LocalDate.class);
        }
        from = last.minusYears(1).plusDays(1);
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select topic from contact group by topic order by count(*) desc, topic limit 1")) {
            rs.next();
            topic = rs.getString(1);
        }
        String period = "from=" + from + "&to=" + last;
        System.err.printf("period %s .. %s; filters: channel=phone, or topic=%s for widgets about channels%n", from, last, topic);

        List<Widget> widgets = new ArrayList<>();
        for (String page : List.of("overview", "channels", "topics", "districts", "quality")) {
            String path = page.equals("overview") ? "/dashboard" : "/dashboard/" + page;
            Map<String, String> plain = widgetsOf(bench.get(path + "?" + period, "text/html"));
            Map<String, String> phone = widgetsOf(bench.get(path + "?" + period + "&channel=phone", "text/html"));
            Map<String, String> onTopic = widgetsOf(bench.get(path + "?" + period + "&topic="
                    + java.net.URLEncoder.encode(topic, StandardCharsets.UTF_8), "text/html"));
            if (plain.isEmpty()) {
                throw new IllegalStateException("no widgets on " + path);
            }
            for (String variant : List.of("12 months", "filtered")) {
                Map<String, List<String>> byUrl = new LinkedHashMap<>();
                plain.forEach((id, url) -> {
                    String u = variant.equals("12 months") ? url : aboutChannels(url) ? onTopic.get(id) : phone.get(id);
                    byUrl.computeIfAbsent(u, x -> new ArrayList<>()).add(id);
                });
                byUrl.forEach((url, ids) -> widgets.add(new Widget(page, String.join(", ", ids), variant, url)));
            }
        }
        if (!opt.get("--only").isEmpty()) {
            widgets.removeIf(w -> !w.ids().contains(opt.get("--only")));
        }
        System.err.printf("%d widget calls to time (%d API runs each after %d warm-up; SQL up to %d runs, about %.0f s per widget)%n",
                widgets.size(), runs, warmup, runs, budget);

        StringBuilder tsv = new StringBuilder("page\twidget\tvariant\turl\tapi_median_ms\tapi_p95_ms\tapi_min_ms\tapi_runs"
                + "\tsql_median_ms\tsql_p95_ms\tsql_min_ms\tsql_runs\tspeedup\tapi_rows\tcompared\tsuppressed\tbytes\tcheck\n");
        StringBuilder md = new StringBuilder();
        StringBuilder plans = new StringBuilder("work_mem " + opt.get("--work-mem") + "\n\n");
        int mismatches = 0;
        List<Double> apiMedians = new ArrayList<>();
        for (Widget w : widgets) {
            Query q = Query.parse(w.url());
            List<Double> apiMs = new ArrayList<>(), sqlMs = new ArrayList<>();
            String body = null;
            for (int i = 0; i < warmup; i++) {
                body = bench.get(w.url(), "application/json");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) Json.parse(body == null ? bench.get(w.url(), "application/json") : body);
            LocalDate f = LocalDate.parse((String) first.get("from")), t = LocalDate.parse((String) first.get("to"));
            Sql sql = reference(q, f, t);
            plans.append("## ").append(w.page()).append(" / ").append(w.ids()).append(" / ").append(w.variant()).append('\n')
                    .append(w.url()).append('\n').append(bench.explain(sql)).append('\n');
            long s0 = System.nanoTime();
            List<Object[]> sqlRows = bench.sql(sql);     // SQL warm-up; also sizes the number of SQL runs
            double sqlFirst = (System.nanoTime() - s0) / 1e6;
            int sqlRuns = (int) Math.max(Math.min(sqlMin, runs), Math.min(runs, Math.floor(budget * 1000 / sqlFirst)));
            int sqlDone = 0;
            for (int i = 0; i < runs; i++) {
                boolean sqlNow = sqlDone < Math.round((double) (i + 1) * sqlRuns / runs);
                for (int turn = 0; turn < 2; turn++) {
                    boolean apiTurn = (turn == 0) == (i % 2 == 0);   // alternate which goes first
                    if (apiTurn) {
                        long a = System.nanoTime();
                        body = bench.get(w.url(), "application/json");
                        apiMs.add((System.nanoTime() - a) / 1e6);
                    } else if (sqlNow) {
                        long a = System.nanoTime();
                        sqlRows = bench.sql(sql);
                        sqlMs.add((System.nanoTime() - a) / 1e6);
                        sqlDone++;
                    }
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) Json.parse(body);
            Check check = compare(q, answer, sqlRows);
            if (!check.problems.isEmpty()) {
                mismatches++;
            }
            int apiRows = ((List<?>) answer.get("rows")).size();
            double am = median(apiMs), sm = median(sqlMs);
            apiMedians.add(am);
            String path = w.url().substring(API.length());
            tsv.append(String.join("\t", w.page(), w.ids(), w.variant(), w.url(), ms(am), ms(p95(apiMs)),
                    ms(apiMs.stream().min(Double::compare).orElseThrow()), String.valueOf(apiMs.size()), ms(sm), ms(p95(sqlMs)),
                    ms(sqlMs.stream().min(Double::compare).orElseThrow()), String.valueOf(sqlMs.size()),
                    String.format(Locale.ROOT, "%.0f", sm / am), String.valueOf(apiRows), String.valueOf(check.compared),
                    String.valueOf(check.suppressed), String.valueOf(body.length()), check.verdict())).append('\n');
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | `%s` | %s%s | %s | %s | %s | %d | **%.0f×** | %d / %d / %d | %s |%n",
                    w.page(), w.ids(), w.variant(), path.replace("|", "\\|").replace("from=" + f + "&to=" + t, "…"),
                    am < 200 ? "" : "⚠ ", ms(am), ms(p95(apiMs)), ms(sm), ms(p95(sqlMs)), sqlMs.size(), sm / am,
                    apiRows, check.compared, check.suppressed, check.problems.isEmpty() ? "equal" : "**" + check.verdict() + "**"));
            System.err.printf(Locale.ROOT, "%-9s %-28s %-9s api %7s / %7s ms   sql %8s / %8s ms (%2d runs)  %5.0fx  %s  %s%n",
                    w.page(), w.ids().length() > 28 ? w.ids().substring(0, 28) : w.ids(), w.variant(), ms(am), ms(p95(apiMs)),
                    ms(sm), ms(p95(sqlMs)), sqlMs.size(), sm / am, check.verdict(), path);
        }
        Files.writeString(out.resolve("results.tsv"), tsv);
        Files.writeString(out.resolve("table.md"), md);
        Files.writeString(out.resolve("plans.txt"), plans);
        Files.writeString(out.resolve("setup.txt"), "period=" + period + "\ntopic=" + topic + "\nwidgets=" + widgets.size()
                + "\nover200=" + apiMedians.stream().filter(x -> x >= 200).count() + "\nmismatches=" + mismatches + "\n");
        System.exit(mismatches == 0 ? 0 : 2);
    }
}
