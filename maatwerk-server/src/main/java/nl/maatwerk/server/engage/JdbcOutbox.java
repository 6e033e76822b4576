package nl.maatwerk.server.engage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Collection;
import javax.sql.DataSource;
import nl.maatwerk.server.platform.BinaryCopyRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox in PostgreSQL ({@code outbox_message}, V14). Both methods join the caller's transaction (or run in one
 * of their own). {@link #enqueueAll} COPYs straight into the table and, only when that clashes with a queued key,
 * rolls back to a savepoint and merges through a staging table with {@code ON CONFLICT DO NOTHING}.
 */
@Component
class JdbcOutbox implements Outbox {

    private static final String COLUMNS = "idempotency_key, citizen_id, journey_key, channel, purpose, recipient, body,"
            + " not_before, next_attempt_at";
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    JdbcOutbox(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public boolean enqueue(OutgoingMessage m) {
        Timestamp notBefore = Timestamp.from(m.notBefore());
        return jdbc.update("insert into outbox_message (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (idempotency_key) do nothing", m.idempotencyKey(), m.citizenId(), m.journeyKey(),
                m.channel().code(), m.purpose(), m.recipient(), OutboxBodies.write(m.body()), notBefore, notBefore) == 1;
    }

    @Override
    public int enqueueAll(Collection<OutgoingMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        Integer added = transaction.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                Savepoint before = connection.setSavepoint();
                try {
                    long copied = copy(connection, "outbox_message", messages);
                    connection.releaseSavepoint(before);
                    return (int) copied;
                } catch (SQLException e) {
                    if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    connection.rollback(before);
                }
                try (Statement st = connection.createStatement()) {
                    st.execute("create temp table if not exists outbox_stage as select " + COLUMNS
                            + " from outbox_message with no data");
                    st.execute("truncate outbox_stage");
                    copy(connection, "outbox_stage", messages);
                    int inserted = st.executeUpdate("insert into outbox_message (" + COLUMNS + ") select " + COLUMNS
                            + " from outbox_stage on conflict (idempotency_key) do nothing");
                    st.execute("truncate outbox_stage");
                    return inserted;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not queue " + messages.size() + " messages: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        return added == null ? 0 : added;
    }

    private static long copy(Connection connection, String table, Collection<OutgoingMessage> messages)
            throws SQLException {
        return BinaryCopyRows.copy(connection, table + " (" + COLUMNS + ")", messages, (m, row) -> {
            row.text(m.idempotencyKey()).uuid(m.citizenId()).text(m.journeyKey()).text(m.channel().code()).text(m.purpose())
                    .text(m.recipient()).text(OutboxBodies.write(m.body())).timestamp(m.notBefore()).timestamp(m.notBefore());
        });
    }
}
