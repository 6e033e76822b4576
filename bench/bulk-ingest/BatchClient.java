import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bench client for POST /api/v1/contacts/batch (bench/bulk-ingest). Reads an NDJSON file (one contact per
 * line, made by prepare.py from contacts.csv), cuts it into bodies of BATCH lines and POSTs them as
 * application/x-ndjson over CONNECTIONS concurrent HTTP/1.1 connections. A reader thread cuts the bodies
 * ahead of the senders (bounded queue), so the client costs little CPU. Times from the first request to the
 * last response. Any non-200 answer stops the run with exit code 1.
 *
 * Usage: java BatchClient.java URL NDJSON_FILE [BATCH=10000] [CONNECTIONS=3]
 * Prints one line: rows=... batches=... seconds=... rows_per_s=... created=... unchanged=...
 */
public class BatchClient {

    private static final byte[] END = new byte[0];
    private static final Pattern CREATED = Pattern.compile("\"created\"\\s*:\\s*(\\d+)");
    private static final Pattern UNCHANGED = Pattern.compile("\"unchanged\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java BatchClient.java URL NDJSON_FILE [BATCH=10000] [CONNECTIONS=3]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        Path file = Path.of(args[1]);
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        BlockingQueue<byte[]> bodies = new ArrayBlockingQueue<>(connections * 2);
        AtomicLong rows = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        AtomicLong created = new AtomicLong();
        AtomicLong unchanged = new AtomicLong();
        AtomicLong firstSent = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastAnswered = new AtomicLong();
        AtomicLong slowest = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();

        Thread reader = new Thread(() -> {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ByteArrayOutputStream body = new ByteArrayOutputStream(4 << 20);
                int n = 0;
                String line;
                while ((line = in.readLine()) != null && failure.get() == null) {
                    if (line.isEmpty()) {
                        continue;
                    }
                    body.write(line.getBytes(StandardCharsets.UTF_8));
                    body.write('\n');
                    if (++n == batch) {
                        bodies.put(body.toByteArray());
                        rows.addAndGet(n);
                        body.reset();
                        n = 0;
                    }
                }
                if (n > 0) {
                    bodies.put(body.toByteArray());
                    rows.addAndGet(n);
                }
            } catch (Exception e) {
                failure.compareAndSet(null, "reading " + file + ": " + e);
            } finally {
                for (int i = 0; i < connections; i++) {
                    try {
                        bodies.put(END);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }, "reader");
        reader.start();

        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        byte[] body = bodies.take();
                        if (body == END) {
                            return;
                        }
                        if (failure.get() != null) {
                            continue;  // drain until END
                        }
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                                .header("Content-Type", "application/x-ndjson")
                                .header("Authorization", "Bearer " + System.getenv().getOrDefault("MAATWERK_BOOTSTRAP_API_KEY", ""))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                        long sent = System.nanoTime();
                        firstSent.accumulateAndGet(sent, Math::min);
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long answered = System.nanoTime();
                        lastAnswered.accumulateAndGet(answered, Math::max);
                        slowest.accumulateAndGet(answered - sent, Math::max);
                        if (response.statusCode() != 200) {
                            String text = response.body();
                            failure.compareAndSet(null, "HTTP " + response.statusCode() + ": "
                                    + text.substring(0, Math.min(800, text.length())));
                            continue;
                        }
                        created.addAndGet(number(CREATED, response.body()));
                        unchanged.addAndGet(number(UNCHANGED, response.body()));
                        long done = batches.incrementAndGet();
                        if (done % 50 == 0) {
                            System.err.printf("  batch: %d batches, %d contacts created%n", done, created.get());
                        }
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e.toString());
                    // keep draining so the reader can finish
                    try {
                        while (bodies.take() != END) {
                            // drop
                        }
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "sender-" + c);
            t.start();
            senders.add(t);
        }
        reader.join();
        for (Thread t : senders) {
            t.join();
        }
        if (failure.get() != null) {
            System.err.println("batch client failed: " + failure.get());
            System.exit(1);
        }
        double seconds = (lastAnswered.get() - firstSent.get()) / 1e9;
        System.out.printf("rows=%d batches=%d seconds=%.2f rows_per_s=%.0f created=%d unchanged=%d slowest_batch_s=%.2f connections=%d%n",
                rows.get(), batches.get(), seconds, rows.get() / seconds, created.get(), unchanged.get(),
                slowest.get() / 1e9, connections);
    }

    private static long number(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return Long.parseLong(m.group(1));
    }
}
