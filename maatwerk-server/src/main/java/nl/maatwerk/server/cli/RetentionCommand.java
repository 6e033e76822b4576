package nl.maatwerk.server.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import nl.maatwerk.server.privacy.Retention;
import nl.maatwerk.server.privacy.RetentionRun;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Retention periods per data category (docs/privacy.md).",
        subcommands = RetentionCommand.Run.class)
final class RetentionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Deletes or anonymises what is older than its retention period now (the server does this every",
                    "night at 03:15). Prints rows per category; --dry-run only counts."})
    static final class Run implements Callable<Integer> {

        @Option(names = "--data-dir", defaultValue = "./data", description = "data dir of the embedded database, when no MAATWERK_DB_URL is set (default: ${DEFAULT-VALUE})")
        Path dataDir;

        @Option(names = "--dry-run", description = "count what would be handled, change nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext context = ServerLauncher.withoutWeb(dataDir)) {
                RetentionRun run = context.getBean(Retention.class).run(Instant.now(), dryRun);
                for (RetentionRun.Result r : run.results()) {
                    System.out.printf("%-28s %-10s older than %s: %d rows%s%n", r.category(), r.action(), r.cutoff(), r.rows(),
                            dryRun ? " (dry run)" : "");
                }
                return 0;
            }
        }
    }
}
