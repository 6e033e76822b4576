package nl.maatwerk.server;

import java.nio.file.Path;
import java.time.LocalDate;
import nl.maatwerk.core.synth.SyntheticCsv;
import nl.maatwerk.core.synth.SyntheticMunicipality;
import nl.maatwerk.server.contact.ContactImport;
import nl.maatwerk.server.platform.ProgressListener;
import nl.maatwerk.server.profile.ProfileImport;
import org.springframework.context.ApplicationContext;

/**
 * A small generated municipality loaded once into the shared test database, for tests that need a
 * realistic spread of contacts. Loading again is harmless: imports are idempotent.
 */
public final class TestTown {

    public static final SyntheticMunicipality TOWN = SyntheticMunicipality.builder()
            .citizens(4_000).months(15).endDate(LocalDate.of(2026, 6, 30)).seed(11).contactsPerCitizenYear(4).build();
    private static boolean loaded;

    private TestTown() {
    }

    public static synchronized void load(ApplicationContext context) {
        if (loaded) {
            return;
        }
        Path dir = Path.of("target/test-town");
        SyntheticCsv.write(TOWN, dir, null);
        ProfileImport profiles = context.getBean(ProfileImport.class);
        profiles.importCsv(ProfileImport.Kind.CITIZENS, dir.resolve("citizens.csv"), ProgressListener.NONE);
        profiles.importCsv(ProfileImport.Kind.DOCUMENTS, dir.resolve("travel_documents.csv"), ProgressListener.NONE);
        profiles.importCsv(ProfileImport.Kind.CASES, dir.resolve("cases.csv"), ProgressListener.NONE);
        profiles.importCsv(ProfileImport.Kind.CASE_HISTORY, dir.resolve("case_status_history.csv"), ProgressListener.NONE);
        context.getBean(ContactImport.class).importCsv(dir.resolve("contacts.csv"), null, ProgressListener.NONE);
        loaded = true;
    }
}
