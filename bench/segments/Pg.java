import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * Starts the embedded PostgreSQL of a Maatwerk data dir the way the product does (zonky, the settings of
 * maatwerk-server's EmbeddedDatabase), without the server around it, prints "port N", and keeps it running until
 * this JVM gets SIGTERM (its shutdown hook stops PostgreSQL). Usage: java -cp <zonky + deps> Pg.java DATA_DIR/pg
 */
public class Pg {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("stop: " + e.getMessage());
            }
        }));
        System.out.println("port " + postgres.getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
