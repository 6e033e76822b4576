package nl.maatwerk.server.contact;

import java.nio.file.Path;
import javax.sql.DataSource;
import nl.maatwerk.server.platform.CsvCopy;
import nl.maatwerk.server.platform.CsvFiles;
import nl.maatwerk.server.platform.ProgressListener;
import nl.maatwerk.server.profile.Citizens;
import org.springframework.stereotype.Service;

/** Bulk import of contacts from a CSV file (optionally gzipped), all or nothing, idempotent on source + sourceId. */
@Service
public class ContactImport {

    private final CsvCopy copy;
    private final Citizens citizens;

    ContactImport(DataSource dataSource, Citizens citizens) {
        this.copy = new CsvCopy(dataSource);
        this.citizens = citizens;
    }

    /** Rows read, rows new, rows dropped by the mapping, invalid values left out as the mapping allows. */
    public record Outcome(long rows, long inserted, long skipped, long droppedValues) {
    }

    public Outcome importCsv(Path file, ContactMapping mapping, ProgressListener progress) {
        ContactCsv table = new ContactCsv(mapping, citizens::idsByBsn);
        CsvCopy.Result result = copy.load(table, () -> CsvFiles.open(file, progress), ProgressListener.NONE);
        return new Outcome(result.rows(), result.inserted(), table.skipped(), table.droppedValues());
    }
}
