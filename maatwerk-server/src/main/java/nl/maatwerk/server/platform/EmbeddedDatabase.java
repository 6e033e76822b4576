package nl.maatwerk.server.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL server whose data lives under a directory of ours, so a restart keeps the data.
 * One server per directory per JVM; it stops when the JVM exits.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts (or returns the already running) server for {@code dataDirectory}. */
    public static EmbeddedDatabase startIn(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(dir, EmbeddedDatabase::start);
    }

    private static EmbeddedDatabase start(Path dir) {
        try {
            Files.createDirectories(dir);
            stopOrphan(dir);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    // a 1M-citizen municipality's tables and indexes are ~1 GB: with a smaller cache a campaign spends
                    // a tenth of the database's time evicting and re-reading pages (bench/engagement)
                    .setServerConfig("shared_buffers", "1GB")
                    // a campaign writes gigabytes of WAL (bench/engagement): fewer checkpoints in the middle of
                    // it mean fewer full-page images, and bigger WAL buffers fewer writes by the backends themselves
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("wal_buffers", "64MB")
                    // zonky's defaults trade durability for test speed (synchronous_commit=off); an
                    // acknowledged contact must survive a crash, so commits wait for the WAL flush.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            log.info("Embedded PostgreSQL in {} on port {} started in {} ms", dir, postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
            EmbeddedDatabase db = new EmbeddedDatabase(postgres, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "embedded-postgres-stop"));
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A server whose JVM was killed (kill -9, power loss of the app) leaves its PostgreSQL running and holding
     * the data directory. Stop it gracefully, so the data it committed is flushed and a new server can start.
     */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d+")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(first))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("PostgreSQL {} still holds {} after an unclean stop; stopping it first", orphan.pid(), dir);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        orphan.destroyForcibly();
                    }
                });
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL in {} did not stop cleanly: {}", dataDirectory, e.getMessage());
        }
    }
}
