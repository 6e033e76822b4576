package nl.maatwerk.server.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Reads contacts from PostgreSQL into columns. Local day, hour and age are computed by PostgreSQL, with
 * the same expressions the reference queries in the tests use, so both sides agree on time zones.
 * District and neighbourhood fall back to the citizen's address when the contact does not name them.
 */
@Component
class ContactLoader {

    static final String ZONE = "Europe/Amsterdam";
    static final String LOCAL = "(c.occurred_at at time zone '" + ZONE + "')";
    static final String DISTRICT = "coalesce(c.district, ci.district)";
    static final String NEIGHBOURHOOD = "coalesce(c.neighbourhood, ci.neighbourhood)";
    static final String AGE = "extract(year from age(" + LOCAL + "::date, ci.birth_date))::int";

    private static final String SELECT = "select c.id, ci.seq, (extract(epoch from c.occurred_at) * 1000000)::bigint,"
            + " (" + LOCAL + "::date - date '1970-01-01'), extract(hour from " + LOCAL + ")::int,"
            + " c.channel, c.direction, c.kind, c.topic, c.subtopic, " + DISTRICT + ", " + NEIGHBOURHOOD + ","
            + " case when ci.birth_date is null then -1 else " + AGE + " end,"
            + " c.satisfaction, c.resolved_first_contact,"
            + " case when c.closed_at is null then -1 else round(extract(epoch from c.closed_at - c.occurred_at))::int end,"
            + " c.source"
            + " from contact c left join citizen ci on ci.id = c.citizen_id";

    private final DataSource dataSource;

    ContactLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    ContactColumns all(ContactDictionaries dictionaries) {
        return query(SELECT, dictionaries);
    }

    /** Contacts with ids in a range: what one insert statement added (and maybe others' rows in between). */
    ContactColumns range(long first, long last, ContactDictionaries dictionaries) {
        return query(SELECT + " where c.id between " + first + " and " + last, dictionaries);
    }

    ContactColumns ids(long[] ids, ContactDictionaries dictionaries) {
        StringBuilder list = new StringBuilder();
        for (long id : ids) {
            list.append(list.isEmpty() ? "" : ",").append(id);
        }
        return query(SELECT + " where c.id = any('{" + list + "}'::bigint[])", dictionaries);
    }

    private ContactColumns query(String sql, ContactDictionaries dictionaries) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);  // lets the driver stream with a cursor
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(20_000);
                try (ResultSet rs = statement.executeQuery()) {
                    return read(rs, dictionaries);
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load contacts for analytics: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static ContactColumns read(ResultSet rs, ContactDictionaries d) throws SQLException {
        ContactColumns c = new ContactColumns(1024);
        while (rs.next()) {
            int row = c.append();
            c.id[row] = rs.getLong(1);
            int seq = rs.getInt(2);
            c.citizen[row] = rs.wasNull() ? -1 : seq;
            c.micros[row] = rs.getLong(3);
            c.day[row] = rs.getInt(4);
            c.hour[row] = (byte) rs.getInt(5);
            c.channel[row] = (byte) Codes.find(Channel.class, rs.getString(6)).orElseThrow().ordinal();
            c.direction[row] = (byte) Codes.find(Direction.class, rs.getString(7)).orElseThrow().ordinal();
            c.kind[row] = (byte) Codes.find(ContactKind.class, rs.getString(8)).orElseThrow().ordinal();
            c.topic[row] = d.topics().code(rs.getString(9));
            c.subtopic[row] = d.subtopics().code(rs.getString(10));
            c.district[row] = d.districts().code(rs.getString(11));
            c.neighbourhood[row] = d.neighbourhoods().code(rs.getString(12));
            c.ageBand[row] = (byte) AgeBand.of(rs.getInt(13));
            c.satisfaction[row] = (byte) rs.getInt(14);
            boolean resolved = rs.getBoolean(15);
            c.fcr[row] = rs.wasNull() ? ContactColumns.FCR_UNKNOWN : resolved ? ContactColumns.FCR_YES : ContactColumns.FCR_NO;
            c.closeSeconds[row] = rs.getInt(16);
            c.source[row] = d.sources().code(rs.getString(17));
        }
        return c;
    }
}
