package nl.maatwerk.server.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/** Writes rows in PostgreSQL's COPY text format (tab separated, \N for null), buffered. */
public final class CopyRows implements RowValues, AutoCloseable {

    private final OutputStream out;
    private final StringBuilder row = new StringBuilder(256);
    private boolean first = true;

    public CopyRows(OutputStream out) {
        this.out = out;
    }

    /** Writes one item's values, in the column order of the COPY. */
    @FunctionalInterface
    public interface RowWriter<T> {
        void write(T item, CopyRows row);
    }

    /**
     * COPYs {@code items} into {@code target} ("table (col, ...)") on the connection, in its transaction; returns the
     * rows written. A failure of the server (a constraint) comes back as its {@link SQLException}.
     */
    public static <T> long copy(Connection connection, String target, Iterable<T> items, RowWriter<T> writer)
            throws SQLException {
        PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "copy " + target + " from stdin", 1 << 16);
        try {
            CopyRows rows = new CopyRows(out);
            for (T item : items) {
                writer.write(item, rows);
                rows.endRow();
            }
            return out.endCopy();
        } catch (IOException e) {
            if (out.isActive()) {
                out.cancelCopy();
            }
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("could not copy into " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CopyRows value(String value) {
        if (!first) {
            row.append('\t');
        }
        first = false;
        if (value == null) {
            row.append("\\N");
            return this;
        }
        int plain = 0;
        while (plain < value.length() && !escaped(value.charAt(plain))) {
            plain++;
        }
        row.append(value, 0, plain);   // most values need no escaping: appended in one go
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return this;
    }

    private static boolean escaped(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    public void endRow() throws IOException {
        row.append('\n');
        out.write(row.toString().getBytes(StandardCharsets.UTF_8));
        row.setLength(0);
        first = true;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Collects one row's values into an array instead of writing them. */
    public static final class Collector implements RowValues {
        private final String[] values;
        private int next;

        public Collector(String[] values) {
            this.values = values;
        }

        @Override
        public Collector value(String value) {
            values[next++] = value;
            return this;
        }
    }
}
