package nl.maatwerk.server.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import nl.maatwerk.core.segment.SegmentCount;
import nl.maatwerk.core.segment.SqlPredicate;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SQL side of segments: ids by seq, the SQL translation's members, and profiles against all residents. */
@Component
class ProfileQueries {

    private static final String TODAY = "(now() at time zone 'Europe/Amsterdam')::date";
    private static final String AGE = "extract(year from age(" + TODAY + ", c.birth_date))";
    private static final Map<String, String> DIMENSIONS = Map.of(
            "ageBand", "case when " + AGE + " < 18 then '0-17' when " + AGE + " < 25 then '18-24' when " + AGE
                    + " < 35 then '25-34' when " + AGE + " < 45 then '35-44' when " + AGE + " < 55 then '45-54' when "
                    + AGE + " < 65 then '55-64' when " + AGE + " < 75 then '65-74' else '75+' end",
            "householdType", "c.household_type",
            "district", "coalesce(c.district, '?')");
    private static final List<String> ORDER = List.of("ageBand", "householdType", "district", "channel");
    private static final String RESIDENTS = "c.status = 'resident' and not c.profiling_objection";

    private final JdbcTemplate jdbc;
    private final int cellMinimum;

    ProfileQueries(JdbcTemplate jdbc, @Value("${maatwerk.analytics.k:10}") int cellMinimum) {
        this.jdbc = jdbc;
        this.cellMinimum = cellMinimum;
    }

    Optional<Integer> seq(UUID citizenId) {
        return jdbc.queryForList("select seq from citizen where id = ?", Integer.class, citizenId).stream().findFirst();
    }

    List<UUID> ids(List<Integer> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("select id from citizen where seq = any(?) order by seq", UUID.class,
                (Object) seqs.toArray(Integer[]::new));
    }

    /**
     * Members by the SQL translation, less those who objected to profiling or whose latest purpose-wide consent event
     * for the segment's purpose keeps them out (which the translation leaves to us; see IndexLoader.withdrawals).
     */
    RoaringBitmap seqs(SqlPredicate where, String purpose) {
        RoaringBitmap seqs = new RoaringBitmap();
        Object[] args = new Object[where.parameters().size() + 1];
        where.parameters().toArray(args);
        args[args.length - 1] = purpose;
        jdbc.query("select c.seq from citizen c where (" + where.sql() + ") and not c.profiling_objection"
                + " and coalesce((select e.state = 'objected' or (e.state = 'withdrawn' and e.legal_basis = 'consent')"
                + " from consent_event e where e.citizen_id = c.id and e.purpose = ? and e.channel is null"
                + " order by e.id desc limit 1), false) = false",
                rs -> {
                    seqs.add(rs.getInt(1));
                }, args);
        return seqs;
    }

    SegmentProfile profile(String key, SegmentCount count, int[] members) {
        Integer[] seqs = new Integer[members.length];
        for (int i = 0; i < members.length; i++) {
            seqs[i] = members[i];
        }
        String inSegment = "c.seq = any(?)";
        Long residents = jdbc.queryForObject("select count(*) from citizen c where " + RESIDENTS, Long.class);
        long total = residents == null ? 0 : residents;
        List<SegmentProfile.Dimension> dimensions = new ArrayList<>();
        for (String name : ORDER) {
            Map<String, Long> segment = name.equals("channel") ? channels(inSegment, seqs) : groups(name, inSegment, seqs);
            Map<String, Long> all = name.equals("channel") ? channels(RESIDENTS, null) : groups(name, RESIDENTS, null);
            TreeSet<String> values = new TreeSet<>(all.keySet());
            values.addAll(segment.keySet());
            List<SegmentProfile.Bar> bars = new ArrayList<>();
            for (String value : values) {
                long n = segment.getOrDefault(value, 0L);
                Double share = n == 0 ? Double.valueOf(0) : n < cellMinimum ? null : (double) n / members.length;
                bars.add(new SegmentProfile.Bar(value, share, total == 0 ? 0 : (double) all.getOrDefault(value, 0L) / total));
            }
            dimensions.add(new SegmentProfile.Dimension(name, bars));
        }
        return new SegmentProfile(key, count, total, cellMinimum, dimensions);
    }

    private Map<String, Long> groups(String dimension, String condition, Integer[] seqs) {
        return counts("select " + DIMENSIONS.get(dimension) + ", count(*) from citizen c where " + condition
                + " group by 1", seqs);
    }

    private Map<String, Long> channels(String condition, Integer[] seqs) {
        return counts("select k.channel, count(distinct k.citizen_id) from contact k join citizen c on c.id = k.citizen_id"
                + " where " + condition + " and k.occurred_at >= now() - interval '12 months' group by 1", seqs);
    }

    private Map<String, Long> counts(String sql, Integer[] seqs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Object[] args = seqs == null ? new Object[0] : new Object[] {seqs};
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, args);
        return counts;
    }
}
