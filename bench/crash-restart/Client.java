import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash-restart client: streams contacts 0..total-1 of one source to a Maatwerk server through
 * {@code /api/v1/contacts/batch} and single {@code POST /api/v1/contacts}, and journals every contact the
 * server acknowledged with a 2xx. Run it again with the same journal and it sends only what is not
 * acknowledged yet. The content of contact i is a pure function of (source, i), so a resend is
 * byte-identical and the server must answer 200 (stored) or 201 (new), never 409.
 *
 * <pre>
 * java Client.java send --url http://127.0.0.1:18101 --source S --total 200000 --journal acked.txt --stats run.env
 *      [--batch-threads 2] [--batch-size 1000] [--single-threads 4] [--give-up-after 5] [--deadline 900]
 * java Client.java expected --source S --total 200000 --out expected.csv
 * </pre>
 *
 * Exit codes of {@code send}: 0 every contact acknowledged; 3 gave up (server unreachable for
 * --give-up-after seconds, or --deadline passed) with contacts left; 2 the server refused a contact
 * (4xx such as 409): a bug, never retried.
 */
public final class Client {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = options(args);
        switch (args[0]) {
            case "send" -> System.exit(new Sender(opts).run());
            case "expected" -> expected(opts);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: java Client.java send --url URL --source S --total N --journal FILE [--stats FILE]"
                + " [--batch-threads 2] [--batch-size 1000] [--single-threads 4] [--give-up-after 5] [--deadline 900]\n"
                + "       java Client.java expected --source S --total N --out FILE.csv");
        System.exit(64);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage();
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null) {
            System.err.println("missing --" + name);
            usage();
        }
        return value;
    }

    /** Writes the expected stored row of every contact as CSV, for the driver to compare in SQL. */
    private static void expected(Map<String, String> opts) throws IOException {
        String source = required(opts, "source");
        int total = Integer.parseInt(required(opts, "total"));
        try (Writer out = Files.newBufferedWriter(Path.of(required(opts, "out")), StandardCharsets.UTF_8)) {
            for (int i = 0; i < total; i++) {
                out.write(Generated.of(source, i).csvRow());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------

    /** One contact, derived from (source, index) alone. */
    record Generated(String source, String sourceId, String channel, String direction, String kind, String topic,
            String subtopic, String occurredAt, String closedAt, Boolean resolvedFirstContact, Integer satisfaction,
            String neighbourhood, String text) {

        private static final String[] CHANNELS = {"phone", "desk", "email", "webform", "chat", "whatsapp", "social",
            "letter", "app", "sms"};
        private static final String[] KINDS = {"question", "request", "report", "complaint", "compliment"};
        private static final String[] TOPICS = {"parkeren", "afval", "paspoort", "rijbewijs", "verhuizing",
            "belasting", "openbare-ruimte", "bijstand", "wmo", "jeugd", "vergunning", "geluidsoverlast"};
        private static final String[] PHRASES = {"Vraag over de aanslag van café ‘De Zon’", "Melding: lantaarnpaal kapot",
            "Klacht over \"overlast\" in de straat", "Compliment voor de snelle hulp — dank!",
            "Afspraak verzetten; graag terugbellen", "Übersetzung gewünscht, s'il vous plaît", "Rekening € 42,50 klopt niet",
            "Tab\tin tekst en backslash \\ erbij"};
        private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
        private static final long YEAR_2025 = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();

        static Generated of(String source, int i) {
            SplittableRandom r = new SplittableRandom(0x4D414154L * 1_000_003L + i);
            String channel = CHANNELS[r.nextInt(CHANNELS.length)];
            String direction = r.nextInt(5) == 0 ? "outbound" : "inbound";
            String kind = KINDS[r.nextInt(KINDS.length)];
            String topic = TOPICS[r.nextInt(TOPICS.length)];
            String subtopic = r.nextBoolean() ? topic + "/" + (char) ('a' + r.nextInt(6)) : null;
            long occurred = YEAR_2025 + r.nextLong(300L * 86_400);
            ZoneOffset offset = r.nextBoolean() ? ZoneOffset.ofHours(1) : ZoneOffset.ofHours(2);
            String occurredAt = ISO.format(Instant.ofEpochSecond(occurred).atOffset(offset));
            String closedAt = r.nextInt(10) < 7
                    ? ISO.format(Instant.ofEpochSecond(occurred + r.nextInt(3 * 86_400)).atOffset(offset)) : null;
            int rfc = r.nextInt(3);
            Boolean resolved = rfc == 0 ? null : rfc == 1;
            Integer satisfaction = r.nextInt(3) == 0 ? null : 1 + r.nextInt(5);
            String neighbourhood = r.nextInt(5) == 0 ? null : String.format("BU0363%04d", r.nextInt(10_000));
            String text = r.nextInt(5) < 3 ? PHRASES[r.nextInt(PHRASES.length)] + " (#" + i + ")" + ".".repeat(r.nextInt(200)) : null;
            return new Generated(source, String.format("c%07d", i), channel, direction, kind, topic, subtopic, occurredAt,
                    closedAt, resolved, satisfaction, neighbourhood, text);
        }

        String json() {
            StringBuilder s = new StringBuilder(512).append('{');
            field(s, "source", source);
            field(s, "sourceId", sourceId);
            field(s, "channel", channel);
            field(s, "direction", direction);
            field(s, "kind", kind);
            field(s, "topic", topic);
            field(s, "subtopic", subtopic);
            field(s, "occurredAt", occurredAt);
            field(s, "closedAt", closedAt);
            if (resolvedFirstContact != null) {
                s.append("\"resolvedFirstContact\":").append(resolvedFirstContact).append(',');
            }
            if (satisfaction != null) {
                s.append("\"satisfaction\":").append(satisfaction).append(',');
            }
            field(s, "neighbourhood", neighbourhood);
            field(s, "text", text);
            s.setLength(s.length() - 1);
            return s.append('}').toString();
        }

        /** source_id, channel, direction, kind, topic, subtopic, occurred_at, closed_at, resolved, satisfaction, neighbourhood, district, text. */
        String csvRow() {
            String district = neighbourhood == null ? null : "WK" + neighbourhood.substring(2, 8);
            List<String> cells = new ArrayList<>();
            for (Object v : new Object[] {sourceId, channel, direction, kind, topic, subtopic, occurredAt, closedAt,
                resolvedFirstContact, satisfaction, neighbourhood, district, text}) {
                cells.add(v == null ? "" : "\"" + v.toString().replace("\"", "\"\"") + "\"");
            }
            return String.join(",", cells) + "\n";
        }

        private static void field(StringBuilder s, String name, String value) {
            if (value == null) {
                return;
            }
            s.append('"').append(name).append("\":\"");
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\t' -> s.append("\\t");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format("\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            s.append("\",");
        }
    }

    // ------------------------------------------------------------------------------------------------------

    /** Sends every contact not yet in the journal, with batch and single workers drawing from one queue. */
    static final class Sender {

        private static final Pattern BATCH_BODY = Pattern.compile(
                "\"received\"\\s*:\\s*(\\d+).*\"created\"\\s*:\\s*(\\d+).*\"unchanged\"\\s*:\\s*(\\d+)", Pattern.DOTALL);

        private final URI single;
        private final URI batch;
        private final String source;
        private final int total;
        private final Path journalPath;
        private final Path statsPath;
        private final int batchThreads;
        private final int batchSize;
        private final int singleThreads;
        private final long giveUpNanos;
        private final long deadlineNanos;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        private int[] pending;
        private final AtomicInteger cursor = new AtomicInteger();
        private final AtomicInteger outstanding = new AtomicInteger();
        private final ConcurrentLinkedQueue<int[]> retryBatches = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Integer> retrySingles = new ConcurrentLinkedQueue<>();
        private volatile boolean stop;
        private volatile String stopReason = "";
        private final AtomicLong lastSuccess = new AtomicLong(System.nanoTime());
        private final AtomicLong failuresSinceSuccess = new AtomicLong();
        private BufferedWriter journal;

        // counters, reported in the stats file
        private final AtomicLong single201 = new AtomicLong();
        private final AtomicLong single200 = new AtomicLong();
        private final AtomicLong batchOk = new AtomicLong();
        private final AtomicLong batchCreated = new AtomicLong();
        private final AtomicLong batchUnchanged = new AtomicLong();
        private final AtomicLong transportErrors = new AtomicLong();
        private final AtomicLong serverErrors = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private final AtomicLong acknowledged = new AtomicLong();
        private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();

        Sender(Map<String, String> opts) {
            String url = required(opts, "url").replaceAll("/+$", "");
            this.single = URI.create(url + "/api/v1/contacts");
            this.batch = URI.create(url + "/api/v1/contacts/batch");
            this.source = required(opts, "source");
            this.total = Integer.parseInt(required(opts, "total"));
            this.journalPath = Path.of(required(opts, "journal"));
            this.statsPath = opts.containsKey("stats") ? Path.of(opts.get("stats")) : null;
            this.batchThreads = Integer.parseInt(opts.getOrDefault("batch-threads", "2"));
            this.batchSize = Integer.parseInt(opts.getOrDefault("batch-size", "1000"));
            this.singleThreads = Integer.parseInt(opts.getOrDefault("single-threads", "4"));
            this.giveUpNanos = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("give-up-after", "5"))).toNanos();
            this.deadlineNanos = System.nanoTime()
                    + Duration.ofSeconds(Long.parseLong(opts.getOrDefault("deadline", "900"))).toNanos();
        }

        int run() throws Exception {
            BitSet acked = readJournal();
            pending = new int[total - acked.cardinality()];
            for (int i = acked.nextClearBit(0), k = 0; i < total; i = acked.nextClearBit(i + 1)) {
                pending[k++] = i;
            }
            outstanding.set(pending.length);
            long started = System.nanoTime();
            log("source " + source + ": " + acked.cardinality() + " of " + total + " already acknowledged, sending "
                    + pending.length);
            journal = Files.newBufferedWriter(journalPath, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < batchThreads; t++) {
                workers.add(new Thread(this::batchWorker, "batch-" + t));
            }
            for (int t = 0; t < singleThreads; t++) {
                workers.add(new Thread(this::singleWorker, "single-" + t));
            }
            workers.forEach(Thread::start);
            while (outstanding.get() > 0 && !stop) {
                Thread.sleep(100);
                long now = System.nanoTime();
                if (failuresSinceSuccess.get() > 0 && now - lastSuccess.get() > giveUpNanos) {
                    stop("no 2xx for " + Duration.ofNanos(giveUpNanos).toSeconds() + " s while requests failed");
                } else if (now > deadlineNanos) {
                    stop("deadline passed");
                }
            }
            for (Thread w : workers) {
                w.join();
            }
            synchronized (this) {
                journal.close();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int left = outstanding.get();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("already_acked", acked.cardinality());
            stats.put("to_send", pending.length);
            stats.put("acked_now", acknowledged.get());
            stats.put("left", left);
            stats.put("single_201", single201.get());
            stats.put("single_200", single200.get());
            stats.put("batch_ok", batchOk.get());
            stats.put("batch_created", batchCreated.get());
            stats.put("batch_unchanged", batchUnchanged.get());
            stats.put("transport_errors", transportErrors.get());
            stats.put("server_errors", serverErrors.get());
            stats.put("refused", refused.get());
            stats.put("seconds", String.format("%.1f", seconds));
            stats.put("acked_per_second", String.format("%.0f", acknowledged.get() / Math.max(seconds, 1e-9)));
            stats.put("stop_reason", "'" + stopReason.replace("'", "") + "'");
            StringBuilder s = new StringBuilder();
            stats.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
            if (statsPath != null) {
                Files.writeString(statsPath, s.toString());
            }
            log("done in " + String.format("%.1f", seconds) + " s: " + s.toString().replace('\n', ' '));
            refusals.stream().limit(5).forEach(r -> log("refused: " + r));
            if (refused.get() > 0) {
                return 2;
            }
            return left == 0 ? 0 : 3;
        }

        private BitSet readJournal() throws IOException {
            BitSet acked = new BitSet(total);
            if (Files.exists(journalPath)) {
                for (String line : Files.readAllLines(journalPath, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        int id = Integer.parseInt(line.trim().split(" ")[0]);
                        if (id < 0 || id >= total) {
                            throw new IllegalStateException("journal holds id " + id + " outside 0.." + (total - 1));
                        }
                        acked.set(id);
                    }
                }
            }
            return acked;
        }

        private void stop(String reason) {
            if (!stop) {
                stopReason = reason;
                stop = true;
                log("stopping: " + reason);
            }
        }

        private void batchWorker() {
            int attempt = 0;
            while (!stop && outstanding.get() > 0) {
                int[] ids = retryBatches.poll();
                if (ids == null) {
                    int from = cursor.getAndAdd(batchSize);
                    if (from >= pending.length) {
                        idle();
                        continue;
                    }
                    int to = Math.min(from + batchSize, pending.length);
                    ids = java.util.Arrays.copyOfRange(pending, from, to);
                }
                StringBuilder body = new StringBuilder(ids.length * 400).append('[');
                for (int id : ids) {
                    body.append(Generated.of(source, id).json()).append(',');
                }
                body.setCharAt(body.length() - 1, ']');
                HttpRequest request = HttpRequest.newBuilder(batch).timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + System.getenv().getOrDefault("MAATWERK_BOOTSTRAP_API_KEY", ""))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
                Outcome outcome = send(request, "batch of " + ids.length + " from " + ids[0]);
                if (outcome.status == 200) {
                    Matcher m = BATCH_BODY.matcher(outcome.body);
                    if (!m.find() || Integer.parseInt(m.group(1)) != ids.length
                            || Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)) != ids.length) {
                        refuse("batch from " + ids[0] + ": unexpected body " + outcome.body);
                        continue;
                    }
                    batchOk.incrementAndGet();
                    batchCreated.addAndGet(Integer.parseInt(m.group(2)));
                    batchUnchanged.addAndGet(Integer.parseInt(m.group(3)));
                    acknowledge(ids, "batch");
                    attempt = 0;
                } else if (outcome.retry) {
                    retryBatches.add(ids);
                    attempt = backoff(attempt);
                }
            }
        }

        private void singleWorker() {
            int attempt = 0;
            while (!stop && outstanding.get() > 0) {
                Integer retry = retrySingles.poll();
                int id;
                if (retry != null) {
                    id = retry;
                } else {
                    int at = cursor.getAndIncrement();
                    if (at >= pending.length) {
                        idle();
                        continue;
                    }
                    id = pending[at];
                }
                HttpRequest request = HttpRequest.newBuilder(single).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + System.getenv().getOrDefault("MAATWERK_BOOTSTRAP_API_KEY", ""))
                        .POST(HttpRequest.BodyPublishers.ofString(Generated.of(source, id).json(), StandardCharsets.UTF_8))
                        .build();
                Outcome outcome = send(request, "contact " + id);
                if (outcome.status == 201 || outcome.status == 200) {
                    (outcome.status == 201 ? single201 : single200).incrementAndGet();
                    acknowledge(new int[] {id}, "single");
                    attempt = 0;
                } else if (outcome.retry) {
                    retrySingles.add(id);
                    attempt = backoff(attempt);
                }
            }
        }

        private record Outcome(int status, String body, boolean retry) {
        }

        /** 2xx: acknowledged. No answer, 5xx, 408 or 429: retry. Any other status is a refusal and ends the run in error. */
        private Outcome send(HttpRequest request, String what) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Outcome(status, response.body(), false);
                }
                if (status >= 500 || status == 408 || status == 429) {
                    serverErrors.incrementAndGet();
                    failuresSinceSuccess.incrementAndGet();
                    return new Outcome(status, response.body(), true);
                }
                refuse(what + ": HTTP " + status + " " + response.body());
                return new Outcome(status, response.body(), false);
            } catch (IOException e) {
                transportErrors.incrementAndGet();
                failuresSinceSuccess.incrementAndGet();
                return new Outcome(-1, e.toString(), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop("interrupted");
                return new Outcome(-1, "interrupted", false);
            }
        }

        private void refuse(String what) {
            refused.incrementAndGet();
            refusals.add(what);
            stop("the server refused a contact: " + what);
        }

        /** Journals the acknowledged ids, one line each: the id and the way it went ("single" or "batch"). */
        private void acknowledge(int[] ids, String way) {
            synchronized (this) {
                try {
                    for (int id : ids) {
                        journal.write(Integer.toString(id));
                        journal.write(' ');
                        journal.write(way);
                        journal.write('\n');
                    }
                    journal.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write the journal", e);
                }
            }
            acknowledged.addAndGet(ids.length);
            outstanding.addAndGet(-ids.length);
            lastSuccess.set(System.nanoTime());
            failuresSinceSuccess.set(0);
        }

        private int backoff(int attempt) {
            sleep(Math.min(1000, 50L << Math.min(attempt, 5)));
            return attempt + 1;
        }

        private void idle() {
            sleep(20);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " client: " + message);
    }
}
