package nl.maatwerk.server.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nl.maatwerk.core.model.Channel;

/**
 * The plain SQL GROUP BY over the raw contact table that every analytics answer must equal. Written
 * independently of the scan: only the local-time and age expressions are shared with the loader.
 */
final class ReferenceSql {

    private ReferenceSql() {
    }

    record Sql(String text, List<Object> parameters) {
    }

    static Sql of(AnalyticsQuery q, java.time.LocalDate from, java.time.LocalDate to) {
        String local = ContactLoader.LOCAL;
        List<String> dims = q.by().stream().map(ReferenceSql::expression).toList();
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where " + local + "::date between ? and ?");
        parameters.add(from);
        parameters.add(to);
        in(where, parameters, "c.channel", q.filter().channels());
        in(where, parameters, "c.direction", q.filter().directions());
        in(where, parameters, "c.kind", q.filter().kinds());
        in(where, parameters, "c.topic", q.filter().topics());
        in(where, parameters, "c.subtopic", q.filter().subtopics());
        in(where, parameters, ContactLoader.DISTRICT, q.filter().districts());
        in(where, parameters, ContactLoader.NEIGHBOURHOOD, q.filter().neighbourhoods());
        in(where, parameters, "c.source", q.filter().sources());
        String eligible = eligible(q.measure());
        String select = (dims.isEmpty() ? "" : String.join(", ", dims) + ", ")
                + "count(*), count(*) filter (where " + eligible + "),"
                + " count(distinct ci.seq) filter (where " + eligible + ") + count(*) filter (where " + eligible + " and ci.seq is null),"
                + " sum(" + value(q.measure()) + ") filter (where " + eligible + ")";
        String sql = "select " + select + " from contact c left join citizen ci on ci.id = c.citizen_id" + where
                + (dims.isEmpty() ? "" : " group by " + String.join(", ", dims));
        return new Sql(sql, parameters);
    }

    private static void in(StringBuilder where, List<Object> parameters, String column, java.util.Set<String> values) {
        if (!values.isEmpty()) {
            where.append(" and ").append(column).append(" in (")
                    .append(values.stream().map(v -> "?").collect(Collectors.joining(","))).append(')');
            parameters.addAll(values);
        }
    }

    private static String expression(Dimension d) {
        String local = ContactLoader.LOCAL;
        return switch (d) {
            case CHANNEL -> "c.channel";
            case KIND -> "c.kind";
            case DIRECTION -> "c.direction";
            case TOPIC -> "c.topic";
            case SUBTOPIC -> "c.subtopic";
            case DISTRICT -> ContactLoader.DISTRICT;
            case NEIGHBOURHOOD -> ContactLoader.NEIGHBOURHOOD;
            case DAY -> "to_char(" + local + ", 'YYYY-MM-DD')";
            case WEEK -> "to_char(" + local + ", 'IYYY-\"W\"IW')";
            case MONTH -> "to_char(" + local + ", 'YYYY-MM')";
            case HOUR -> "extract(hour from " + local + ")::int::text";
            case WEEKDAY -> "extract(isodow from " + local + ")::int::text";
            case SOURCE -> "c.source";
            case AGE_BAND -> "case when ci.birth_date is null then null else " + AgeBand.sqlCase(ContactLoader.AGE) + " end";
        };
    }

    private static String eligible(Measure m) {
        return switch (m) {
            case CONTACTS, DIGITAL_SHARE -> "true";
            case FIRST_CONTACT_RESOLUTION -> "c.resolved_first_contact is not null";
            case REPEAT_CONTACT -> "ci.seq is not null and c.direction = 'inbound'";
            case SATISFACTION -> "c.satisfaction is not null";
            case TIME_TO_CLOSE -> "c.closed_at is not null";
        };
    }

    private static String value(Measure m) {
        String digital = Arrays.stream(Channel.values()).filter(Channel::digital).map(ch -> "'" + ch.code() + "'")
                .collect(Collectors.joining(","));
        return switch (m) {
            case CONTACTS -> "0";
            case FIRST_CONTACT_RESOLUTION -> "case when c.resolved_first_contact then 1 else 0 end";
            case REPEAT_CONTACT -> "case when exists (select 1 from contact p where p.citizen_id = c.citizen_id"
                    + " and p.topic = c.topic and p.direction = 'inbound' and p.occurred_at < c.occurred_at"
                    + " and p.occurred_at >= c.occurred_at - interval '7 days') then 1 else 0 end";
            case SATISFACTION -> "c.satisfaction";
            case TIME_TO_CLOSE -> "round(extract(epoch from c.closed_at - c.occurred_at)) / 3600.0";
            case DIGITAL_SHARE -> "case when c.channel in (" + digital + ") then 1 else 0 end";
        };
    }
}
