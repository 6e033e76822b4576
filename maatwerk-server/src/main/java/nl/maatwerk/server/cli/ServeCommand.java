package nl.maatwerk.server.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.maatwerk.server.security.UserAccounts;
import org.springframework.context.ConfigurableApplicationContext;
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
        ConfigurableApplicationContext context = ServerLauncher.serve(port, dataDir, Map.of());
        System.out.println("Maatwerk serves on http://localhost:" + port + "/");
        if (context.getBean(UserAccounts.class).count() == 0) {
            System.out.println("No accounts yet. Create the first administrator with:");
            System.out.println("  ./maatwerk user add NAME --role beheer" + (dataDir.equals(Path.of("./data")) ? "" : " --data-dir " + dataDir));
            System.out.println("(scripts: set MAATWERK_BOOTSTRAP_API_KEY=mwk_… and send Authorization: Bearer mwk_…)");
        }
        return 0;
    }
}
