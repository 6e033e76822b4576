package nl.maatwerk.server.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the web app and API for real use.",
                "Uses the PostgreSQL server in MAATWERK_DB_URL (with MAATWERK_DB_USER and MAATWERK_DB_PASSWORD, or the "
                        + "spring.datasource.* properties); without one, a private embedded PostgreSQL under the data dir."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data-dir", defaultValue = "./data", description = "where the embedded database keeps its data (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() {
        ServerLauncher.serve(port, dataDir, Map.of());
        System.out.println("Maatwerk serves on http://localhost:" + port + "/");
        return 0;
    }
}
