package nl.maatwerk.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.ChainVerification;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The read audit log (docs/privacy.md).",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walks the audit log's hash chain. Prints OK with the number of entries (exit 0), or the first",
                    "broken entry with its id and time (exit 1): an entry was changed, removed or inserted."})
    static final class Verify implements Callable<Integer> {

        @Option(names = "--data-dir", defaultValue = "./data", description = "data dir of the embedded database, when no MAATWERK_DB_URL is set (default: ${DEFAULT-VALUE})")
        Path dataDir;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = ServerLauncher.withoutWeb(dataDir)) {
                ChainVerification result = context.getBean(AuditLog.class).verify();
                if (result.ok()) {
                    System.out.println(result);
                    return 0;
                }
                System.err.println(result);
                return 1;
            }
        }
    }
}
