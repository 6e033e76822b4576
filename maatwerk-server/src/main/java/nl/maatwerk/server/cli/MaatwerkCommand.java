package nl.maatwerk.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code maatwerk} command and its subcommands. */
@Command(name = "maatwerk", mixinStandardHelpOptions = true, version = "Maatwerk 0.1.0",
        description = "Citizens as individuals: contact insight, segments and proactive service for municipalities.",
        subcommands = {DemoCommand.class, ServeCommand.class, GenerateCommand.class, ImportCommand.class, AuditCommand.class, UserCommand.class, RetentionCommand.class,
                CommandLine.HelpCommand.class})
public final class MaatwerkCommand implements Runnable {

    static Class<?> application;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command; a server command keeps the JVM alive, any other exits with its code. */
    public static void run(Class<?> applicationClass, String[] args) {
        int code = commandLine(applicationClass).execute(args);
        if (code != 0 || !ServerLauncher.isServing()) {
            System.exit(code);
        }
    }

    static CommandLine commandLine(Class<?> applicationClass) {
        application = applicationClass;
        return new CommandLine(new MaatwerkCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
