package nl.maatwerk.server.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.util.PSQLException;

/** One {@code COPY … FROM STDIN} on a connection, in its transaction, for {@link CopyRows} and {@link BinaryCopyRows}. */
final class CopyIn {

    private CopyIn() {
    }

    /** Writes the data of one COPY. */
    @FunctionalInterface
    interface Data {
        void write(OutputStream out) throws IOException;
    }

    /**
     * COPYs what {@code data} writes into {@code target} ("table (col, ...)"), in the text or the binary format;
     * returns the rows written. A failure of the server (a constraint, a malformed value) comes back as its
     * {@link SQLException}; in the binary format with where it happened.
     */
    static long copy(Connection connection, String target, boolean binary, Data data) throws SQLException {
        PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "copy " + target + " from stdin" + (binary ? " (format binary)" : ""), 1 << 16);
        try {
            data.write(out);
            return out.endCopy();
        } catch (SQLException e) {
            throw located(e, binary);
        } catch (RuntimeException | Error e) {
            // a row that could not be written: end the COPY, or the connection waits on it for ever
            if (out.isActive()) {
                out.cancelCopy();
            }
            throw e;
        } catch (IOException e) {
            if (out.isActive()) {
                out.cancelCopy();
            }
            if (e.getCause() instanceof SQLException sql) {
                throw located(sql, binary);
            }
            throw new SQLException("could not copy into " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The server's error with where it happened ("COPY table, line 3, column n"), which its message leaves out. Only
     * that line, and only for the binary format: in the text format the server quotes the value or the whole line
     * there, and a jsonb value's own context quotes the JSON; either may be personal data, and errors are logged.
     */
    private static SQLException located(SQLException e, boolean binary) {
        String where = binary && e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getWhere() != null
                ? p.getServerErrorMessage().getWhere().lines().filter(l -> l.startsWith("COPY ")).findFirst().orElse(null)
                : null;
        return where == null ? e : new SQLException(e.getMessage() + " (" + where + ")", e.getSQLState(), e.getErrorCode(), e);
    }
}
