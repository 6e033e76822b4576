package nl.maatwerk.server.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

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
        return CopyIn.copy(connection, target, false, out -> {
            CopyRows rows = new CopyRows(out);
            for (T item : items) {
                writer.write(item, rows);
                rows.endRow();
            }
        });
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
        // runs without an escape are appended in one go: a rendered body is kilobytes with a few line breaks
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char escape = c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : 0;
            if (escape != 0) {
                row.append(value, run, i).append('\\').append(escape);
                run = i + 1;
            }
        }
        row.append(value, run, value.length());
        return this;
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
