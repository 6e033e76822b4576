package nl.maatwerk.server.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import nl.maatwerk.server.security.Role;
import nl.maatwerk.server.security.UserAccounts;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Local accounts for the web UI (docs/privacy.md).",
        subcommands = UserCommand.Add.class)
final class UserCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates an account with a random password, printed once. With an existing name: gives it a new",
                    "password and these roles, enabled and unlocked.",
                    "Roles: kcc, analist, campagne, web, integrator, privacy, beheer."})
    static final class Add implements Callable<Integer> {

        @Parameters(index = "0", description = "user name: 2 to 64 of a-z 0-9 . _ @ -")
        String name;

        @Option(names = "--role", required = true, split = ",", description = "one or more roles (repeat or comma separate)")
        List<String> roles;

        @Option(names = "--data-dir", defaultValue = "./data", description = "data dir of the embedded database, when no MAATWERK_DB_URL is set (default: ${DEFAULT-VALUE})")
        Path dataDir;

        @Override
        public Integer call() {
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            for (String key : roles) {
                Role role = Role.of(key).orElse(null);
                if (role == null) {
                    System.err.println("Unknown role " + key + "; known: kcc, analist, campagne, web, integrator, privacy, beheer");
                    return 2;
                }
                chosen.add(role);
            }
            if (UserAccounts.normalName(name) == null) {
                System.err.println("A user name is 2 to 64 of a-z 0-9 . _ @ -");
                return 2;
            }
            try (ConfigurableApplicationContext context = ServerLauncher.withoutWeb(dataDir)) {
                String password = UserAccounts.randomPassword();
                context.getBean(UserAccounts.class).createOrReset(name, password, chosen);
                System.out.println("User " + UserAccounts.normalName(name) + " (" + String.join(", ",
                        chosen.stream().map(Role::key).toList()) + ") can log in with password: " + password);
                System.out.println("This password is shown only now.");
                return 0;
            }
        }
    }
}
