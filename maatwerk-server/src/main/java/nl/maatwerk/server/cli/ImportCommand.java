package nl.maatwerk.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import nl.maatwerk.server.contact.ContactImport;
import nl.maatwerk.server.contact.ContactMapping;
import nl.maatwerk.server.platform.CsvCopy;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.ImportProblems;
import nl.maatwerk.server.profile.ProfileImport;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Bulk-imports a CSV file (optionally .gz) into the configured database: all rows or none.",
                "Re-importing the same file changes nothing. Formats: docs/csv-formats.md; mappings: docs/import-mapping.md."})
final class ImportCommand implements Callable<Integer> {

    enum Kind { contacts, citizens, documents, cases, case_history, digital_addresses }

    @Parameters(index = "0", description = "what the file holds: ${COMPLETION-CANDIDATES}")
    Kind kind;

    @Parameters(index = "1", description = "the CSV file")
    Path file;

    @Option(names = "--mapping", description = "YAML mapping of a foreign CSV onto the contact model (contacts only)")
    Path mapping;

    @Option(names = "--data-dir", defaultValue = "./data", description = "data dir of the embedded database, when no MAATWERK_DB_URL is set (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() {
        if (!Files.isReadable(file)) {
            System.err.println("Cannot read " + file);
            return 2;
        }
        if (mapping != null && kind != Kind.contacts) {
            System.err.println("--mapping applies to contacts only");
            return 2;
        }
        try (ConfigurableApplicationContext context = ServerLauncher.withoutWeb(dataDir)) {
            ConsoleProgress progress = new ConsoleProgress(System.out, "import " + kind);
            String summary = run(context, progress);
            progress.done(summary);
            return 0;
        } catch (ImportProblems e) {
            System.out.println();
            System.err.println("Nothing imported: " + e.problems().size() + " problem(s) in " + file);
            for (FieldProblem p : e.problems()) {
                System.err.println("  " + p);
            }
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private String run(ConfigurableApplicationContext context, ConsoleProgress progress) {
        if (kind == Kind.contacts) {
            ContactImport.Outcome outcome = context.getBean(ContactImport.class)
                    .importCsv(file, mapping == null ? null : ContactMapping.read(mapping), progress);
            return outcome.rows() + " rows, " + outcome.inserted() + " new, " + outcome.skipped() + " skipped by the mapping"
                    + (outcome.droppedValues() > 0 ? ", " + outcome.droppedValues() + " invalid values left out (dropInvalid)" : "");
        }
        ProfileImport.Kind profileKind = ProfileImport.Kind.valueOf(kind.name().toUpperCase(Locale.ROOT));
        CsvCopy.Result result = context.getBean(ProfileImport.class).importCsv(profileKind, file, progress);
        return result.rows() + " rows, " + result.inserted() + " new or updated";
    }
}
