package nl.maatwerk.server.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes rows in PostgreSQL's binary COPY format: each value with its length, in the column type's own binary form, so
 * neither side formats, escapes or parses numbers, uuids and timestamps. The caller writes each value with the method
 * of its column's type ({@code text} for text and jsonb goes through {@link #jsonb}); a wrong type is refused by the
 * server with the column's name.
 */
public final class BinaryCopyRows {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final long MICROS_1970_TO_2000 = 946_684_800_000_000L;

    private final OutputStream out;
    private byte[] buffer = new byte[1 << 16];
    private int length;
    private int rowStart = -1;
    private int fields;

    BinaryCopyRows(OutputStream out) throws IOException {
        this.out = out;
        out.write(HEADER);
    }

    /** Writes one item's values, in the column order of the COPY. */
    @FunctionalInterface
    public interface RowWriter<T> {
        void write(T item, BinaryCopyRows row);
    }

    /**
     * COPYs {@code items} into {@code target} ("table (col, ...)") on the connection, in its transaction; returns the
     * rows written. A failure of the server (a constraint, a value of the wrong type) comes back as its
     * {@link SQLException}.
     */
    public static <T> long copy(Connection connection, String target, Iterable<T> items, RowWriter<T> writer)
            throws SQLException {
        return CopyIn.copy(connection, target, true, out -> {
            BinaryCopyRows rows = new BinaryCopyRows(out);
            for (T item : items) {
                rows.startRow();
                writer.write(item, rows);
                rows.endRow();
            }
            rows.finish();
        });
    }

    public BinaryCopyRows text(String value) {
        return value == null ? nullValue() : bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A jsonb value from its JSON text (format version 1). */
    public BinaryCopyRows jsonb(String json) {
        if (json == null) {
            return nullValue();
        }
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        field(text.length + 1);
        buffer[length++] = 1;
        System.arraycopy(text, 0, buffer, length, text.length);
        length += text.length;
        return this;
    }

    public BinaryCopyRows bigint(long value) {
        field(8);
        putLong(value);
        return this;
    }

    public BinaryCopyRows integer(int value) {
        field(4);
        putInt(value);
        return this;
    }

    public BinaryCopyRows uuid(UUID value) {
        if (value == null) {
            return nullValue();
        }
        field(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    /** A timestamptz: microseconds since 2000-01-01 UTC (the sub-microsecond part is dropped; the server would round it). */
    public BinaryCopyRows timestamp(Instant value) {
        if (value == null) {
            return nullValue();
        }
        field(8);
        putLong(Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000)
                - MICROS_1970_TO_2000);
        return this;
    }

    public BinaryCopyRows nullValue() {
        field(-1);
        return this;
    }

    private BinaryCopyRows bytes(byte[] value) {
        field(value.length);
        System.arraycopy(value, 0, buffer, length, value.length);
        length += value.length;
        return this;
    }

    /** Starts a value of {@code size} bytes (-1: null): its length, with room for the bytes. */
    private void field(int size) {
        if (rowStart < 0) {
            throw new IllegalStateException("a value outside a row");
        }
        ensure(4 + Math.max(size, 0));
        putInt(size);
        fields++;
    }

    private void startRow() throws IOException {
        if (length > (1 << 16)) {
            flush();
        }
        ensure(2);
        rowStart = length;
        length += 2;
        fields = 0;
    }

    private void endRow() {
        buffer[rowStart] = (byte) (fields >>> 8);
        buffer[rowStart + 1] = (byte) fields;
        rowStart = -1;
    }

    private void finish() throws IOException {
        ensure(2);
        buffer[length++] = (byte) 0xff;
        buffer[length++] = (byte) 0xff;
        flush();
    }

    private void flush() throws IOException {
        out.write(buffer, 0, length);
        length = 0;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private void putInt(int v) {
        buffer[length++] = (byte) (v >>> 24);
        buffer[length++] = (byte) (v >>> 16);
        buffer[length++] = (byte) (v >>> 8);
        buffer[length++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
