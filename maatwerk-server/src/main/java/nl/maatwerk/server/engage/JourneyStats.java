package nl.maatwerk.server.engage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per journey: messages sent, delivered (from the outbox's statuses), responded (a click or an outcome after a
 * message) and escalated (contact-centre tasks), by channel and by segment. Every count under k (as in analytics)
 * is withheld, so no cell singles out a few persons.
 */
@Component
public class JourneyStats {

    private final JdbcTemplate jdbc;
    private final int k;

    JourneyStats(JdbcTemplate jdbc, @Value("${maatwerk.analytics.k:10}") int k) {
        this.jdbc = jdbc;
        this.k = Math.max(5, k);
    }

    /** The four counts for one group; a count is null when it is withheld (1 to k-1). */
    public record Counts(String group, Long sent, Long delivered, Long responded, Long escalated) {
    }

    public record Stats(String journey, int k, Counts total, List<Counts> byChannel, List<Counts> bySegment) {
    }

    Stats of(String journeyKey) {
        Map<String, long[]> byChannel = new TreeMap<>();
        Map<String, long[]> bySegment = new TreeMap<>();
        long[] total = new long[4];
        jdbc.query("""
                select d.channel, coalesce(o.segment_key, '-') seg, count(*) sent,
                       count(*) filter (where s.status = 'DELIVERED') delivered
                from journey_decision d join journey_occurrence o on o.id = d.occurrence_id
                left join journey_message_status s on s.message_key = d.message_key
                where d.journey_key = ? and d.kind = 'send' group by 1, 2
                """, rs -> {
                    add(byChannel, rs.getString(1), 0, rs.getLong(3));
                    add(byChannel, rs.getString(1), 1, rs.getLong(4));
                    add(bySegment, rs.getString(2), 0, rs.getLong(3));
                    add(bySegment, rs.getString(2), 1, rs.getLong(4));
                    total[0] += rs.getLong(3);
                    total[1] += rs.getLong(4);
                }, journeyKey);
        jdbc.query("""
                select coalesce(ls.channel, '-') ch, coalesce(o.segment_key, '-') seg, count(*)
                from journey_occurrence o
                left join lateral (select channel from journey_decision d where d.occurrence_id = o.id and d.kind = 'send'
                                   order by d.id desc limit 1) ls on true
                where o.journey_key = ? and exists (select 1 from journey_response r where r.occurrence_id = o.id)
                group by 1, 2
                """, rs -> {
                    add(byChannel, rs.getString(1), 2, rs.getLong(3));
                    add(bySegment, rs.getString(2), 2, rs.getLong(3));
                    total[2] += rs.getLong(3);
                }, journeyKey);
        jdbc.query("""
                select coalesce(o.segment_key, '-') seg, count(*) from contact_task t
                left join journey_occurrence o on o.id = t.occurrence_id where t.journey_key = ? group by 1
                """, rs -> {
                    add(bySegment, rs.getString(1), 3, rs.getLong(2));
                    total[3] += rs.getLong(2);
                }, journeyKey);
        return new Stats(journeyKey, k, counts("total", total), list(byChannel), list(bySegment));
    }

    private static void add(Map<String, long[]> map, String group, int index, long n) {
        map.computeIfAbsent(group == null ? "-" : group, g -> new long[4])[index] += n;
    }

    private List<Counts> list(Map<String, long[]> map) {
        List<Counts> out = new ArrayList<>();
        map.forEach((group, c) -> out.add(counts(group, c)));
        return out;
    }

    private Counts counts(String group, long[] c) {
        return new Counts(group, shown(c[0]), shown(c[1]), shown(c[2]), shown(c[3]));
    }

    private Long shown(long n) {
        return n > 0 && n < k ? null : n;
    }
}
