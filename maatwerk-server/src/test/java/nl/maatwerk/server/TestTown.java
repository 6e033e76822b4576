package nl.maatwerk.server;

import java.nio.file.Path;
import java.time.LocalDate;
import nl.maatwerk.core.synth.PlantedSurge;
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

    /** Week with a planted surge: the topic openbare-ruimte tripled in the largest district. */
    public static final LocalDate SURGE_WEEK = LocalDate.of(2025, 10, 20);
    public static final String SURGE_TOPIC = "openbare-ruimte";
    public static final String SURGE_DISTRICT = "WK036394";
    public static final SyntheticMunicipality TOWN = SyntheticMunicipality.builder()
            .citizens(20_000).months(15).endDate(LocalDate.of(2026, 6, 30)).seed(11).contactsPerCitizenYear(6)
            .surge(new PlantedSurge(SURGE_TOPIC, SURGE_DISTRICT, SURGE_WEEK, 3)).build();
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
