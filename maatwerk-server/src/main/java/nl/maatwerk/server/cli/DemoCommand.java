package nl.maatwerk.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import nl.maatwerk.core.synth.SyntheticCsv;
import nl.maatwerk.core.synth.SyntheticMunicipality;
import nl.maatwerk.server.contact.ContactImport;
import nl.maatwerk.server.engage.JourneyExamples;
import nl.maatwerk.server.platform.CsvCopy;
import nl.maatwerk.server.platform.CsvFiles;
import nl.maatwerk.server.platform.ProgressListener;
import nl.maatwerk.server.profile.ProfileImport;
import nl.maatwerk.server.security.Role;
import nl.maatwerk.server.security.UserAccounts;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts Maatwerk with a synthetic municipality on a private embedded PostgreSQL.",
                "The first start generates and loads the municipality; later starts reuse the data in --data-dir."})
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_USER = "demo";

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Mixin
    TownOptions options;

    @Option(names = "--data-dir", defaultValue = "./data", description = "where the database and generated files live (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() {
        SyntheticMunicipality town = options.town();
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("logging.level.root", "warn"));
        settings.putAll(demoSinks(port));
        ConfigurableApplicationContext context = ServerLauncher.serve(port, dataDir, settings);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        if (isLoaded(jdbc)) {
            System.out.println("Reusing the municipality in " + dataDir.toAbsolutePath() + " (" + count(jdbc, "citizen")
                    + " citizens, " + count(jdbc, "contact") + " contacts).");
        } else {
            load(context, town);
        }
        List<String> examples = context.getBean(JourneyExamples.class).load();
        if (!examples.isEmpty()) {
            System.out.println("Example journeys defined: " + String.join(", ", examples));
        }
        System.out.printf("%nMaatwerk demo: http://localhost:%d/%n", port);
        System.out.printf("  Contact dashboard: http://localhost:%d/dashboard%n", port);
        System.out.printf("  Weekly tamtam:     http://localhost:%d/bulletins (last week's is composed within a minute)%n", port);
        System.out.printf("  Journeys:          http://localhost:%d/journeys  (contact-centre tasks: /tasks)%n", port);
        System.out.printf("  Sent messages:     http://localhost:%d/messages (e-mail, SMS, WhatsApp and push go to local demo sinks,"
                + " letters to %s)%n", port, dataDir.resolve("print-street").toAbsolutePath());
        System.out.printf("  API documentation: http://localhost:%d/api/v1/docs%n", port);
        String password = UserAccounts.randomPassword();
        context.getBean(UserAccounts.class).createOrReset(DEMO_USER, password, Set.of(Role.BEHEER));
        System.out.printf("  Log in as %s with password %s (role beheer; a new password at every start).%n", DEMO_USER, password);
        System.out.printf("  More accounts and API keys: http://localhost:%d/beheer%n", port);
        System.out.println("  Stop with Ctrl-C; start again with the same --data-dir to reuse the data.");
        return 0;
    }

    /**
     * The local SMTP and HTTP provider sinks (started inside the application) and the dispatchers pointed at them,
     * with a fresh callback secret per provider for this run.
     */
    static Map<String, Object> demoSinks(int port) {
        int smtp = freePort();
        int provider = freePort();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("maatwerk.demo.sinks", "true");
        props.put("maatwerk.demo.smtp-port", smtp);
        props.put("maatwerk.demo.provider-port", provider);
        props.put("maatwerk.delivery.email.host", "localhost");
        props.put("maatwerk.delivery.email.port", smtp);
        props.put("maatwerk.delivery.callback-base-url", "http://localhost:" + port + "/api/v1/delivery/callbacks");
        for (String name : new String[] {"sms", "whatsapp", "push"}) {
            props.put("maatwerk.delivery.providers." + name + ".base-url", "http://localhost:" + provider);
            props.put("maatwerk.delivery.providers." + name + ".api-key", "demo");
            props.put("maatwerk.delivery.providers." + name + ".callback-secret", UUID.randomUUID().toString());
        }
        return props;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the demo sinks", e);
        }
    }

    private static boolean isLoaded(JdbcTemplate jdbc) {
        return count(jdbc, "citizen") > 0 && count(jdbc, "contact") > 0;
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private void load(ConfigurableApplicationContext context, SyntheticMunicipality town) {
        Path generated = dataDir.resolve("generated");
        ConsoleProgress generating = new ConsoleProgress(System.out, "Generating municipality");
        SyntheticCsv.write(town, generated, generating::progress);
        generating.done(town.citizens() + " citizens");

        ProfileImport profiles = context.getBean(ProfileImport.class);
        step("Loading citizens", p -> profiles.importCsv(ProfileImport.Kind.CITIZENS, generated.resolve("citizens.csv"), p));
        step("Loading travel documents", p -> profiles.importCsv(ProfileImport.Kind.DOCUMENTS, generated.resolve("travel_documents.csv"), p));
        step("Loading cases", p -> profiles.importCsv(ProfileImport.Kind.CASES, generated.resolve("cases.csv"), p));
        step("Loading case history", p -> profiles.importCsv(ProfileImport.Kind.CASE_HISTORY, generated.resolve("case_status_history.csv"), p));
        step("Loading digital addresses", p -> profiles.importCsv(ProfileImport.Kind.DIGITAL_ADDRESSES, generated.resolve("digital_addresses.csv"), p));
        ContactImport contacts = context.getBean(ContactImport.class);
        step("Loading contacts", p -> {
            ContactImport.Outcome outcome = contacts.importCsv(generated.resolve("contacts.csv"), null, p);
            return new CsvCopy.Result(outcome.rows(), outcome.inserted());
        });
        CsvCopy truth = new CsvCopy(context.getBean(DataSource.class));
        Path truthFile = generated.resolve("truth_preferences.csv");
        step("Loading planted preferences", p -> truth.load(new TruthCsv(), () -> CsvFiles.open(truthFile, p), ProgressListener.NONE));
    }

    private static void step(String label, java.util.function.Function<ProgressListener, CsvCopy.Result> load) {
        ConsoleProgress progress = new ConsoleProgress(System.out, label);
        CsvCopy.Result result = load.apply(progress);
        progress.done(result.rows() + " rows");
    }
}
