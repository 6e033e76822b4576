package nl.maatwerk.core.synth;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/*
 * A fast RFC 4180 row writer for the generator's output files: fields are appended to a reused
 * StringBuilder and the builder goes to the file in 256 KB chunks, instead of one synchronized
 * Writer call per character. A field is quoted only when it contains a comma, quote, CR or LF
 * (quotes are doubled); null is an empty field. Dates and instants are formatted by hand
 * (yyyy-MM-dd, yyyy-MM-ddTHH:mm:ssZ; the generator's instants have whole seconds) because
 * DateTimeFormatter was the largest single cost of writing ten million contacts. Years are assumed
 * to be between 1000 and 9999.
 */
final class CsvRows implements Closeable {

    private static final int FLUSH_AT = 1 << 18;

    private final Writer out;
    private final StringBuilder row = new StringBuilder(FLUSH_AT + 4096);
    private boolean first = true;

    CsvRows(Path file, String[] header) throws IOException {
        this.out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
        for (String column : header) {
            text(column);
        }
        end();
    }

    private StringBuilder next() {
        if (!first) {
            row.append(',');
        }
        first = false;
        return row;
    }

    CsvRows text(String value) {
        StringBuilder b = next();
        if (value == null) {
            return this;
        }
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            b.append(value);
            return this;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        b.append('"');
        return this;
    }

    CsvRows number(long value) {
        next().append(value);
        return this;
    }

    CsvRows number(Integer value) {
        StringBuilder b = next();
        if (value != null) {
            b.append(value.intValue());
        }
        return this;
    }

    CsvRows decimal(double value) {
        next().append(value);
        return this;
    }

    CsvRows bool(Boolean value) {
        StringBuilder b = next();
        if (value != null) {
            b.append(value.booleanValue() ? "true" : "false");
        }
        return this;
    }

    CsvRows uuid(UUID value) {
        StringBuilder b = next();
        if (value != null) {
            b.append(value);
        }
        return this;
    }

    CsvRows date(LocalDate value) {
        StringBuilder b = next();
        if (value != null) {
            appendDate(b, value);
        }
        return this;
    }

    CsvRows instant(Instant value) {
        StringBuilder b = next();
        if (value == null) {
            return this;
        }
        if (value.getNano() != 0) {
            b.append(value);
            return this;
        }
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        appendDate(b, LocalDate.ofEpochDay(day));
        b.append('T');
        two(b, secondOfDay / 3600).append(':');
        two(b, secondOfDay / 60 % 60).append(':');
        two(b, secondOfDay % 60).append('Z');
        return this;
    }

    private static void appendDate(StringBuilder b, LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            b.append(date);
            return;
        }
        b.append(year).append('-');
        two(b, date.getMonthValue()).append('-');
        two(b, date.getDayOfMonth());
    }

    private static StringBuilder two(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    void end() {
        row.append('\n');
        first = true;
        if (row.length() >= FLUSH_AT) {
            flushRows();
        }
    }

    private void flushRows() {
        try {
            out.append(row);
            row.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            flushRows();
        } finally {
            out.close();
        }
    }
}
