package nl.maatwerk.server.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a CSV file for reading, gunzipping it when its name ends in .gz. */
public final class CsvFiles {

    private CsvFiles() {
    }

    public static Reader open(Path file) {
        return open(file, ProgressListener.NONE);
    }

    /** Opens the file and tells {@code progress} how many of its bytes were read, about every megabyte. */
    public static Reader open(Path file, ProgressListener progress) {
        try {
            long size = Files.size(file);
            InputStream in = new Counting(Files.newInputStream(file), size, progress);
            InputStream stream = file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
            return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class Counting extends java.io.FilterInputStream {
        private final long size;
        private final ProgressListener progress;
        private long read;
        private long reported;

        Counting(InputStream in, long size, ProgressListener progress) {
            super(in);
            this.size = size;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read - reported >= (1 << 20) || (read == size && reported != size)) {
                reported = read;
                progress.progress(read, size);
            }
        }
    }
}
