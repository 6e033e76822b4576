package nl.maatwerk.server.profile;

import java.nio.file.Path;
import javax.sql.DataSource;
import nl.maatwerk.server.platform.CsvCopy;
import nl.maatwerk.server.platform.CsvFiles;
import nl.maatwerk.server.platform.CsvTable;
import nl.maatwerk.server.platform.ProgressListener;
import nl.maatwerk.server.privacy.AttributeRegister;
import org.springframework.stereotype.Service;

/** Bulk import of citizens, travel documents, cases and case history from CSV: each file all or nothing. */
@Service
public class ProfileImport {

    /** The kinds of profile file, by their import name. */
    public enum Kind { CITIZENS, DOCUMENTS, CASES, CASE_HISTORY, DIGITAL_ADDRESSES }

    private final CsvCopy copy;
    private final AttributeRegister register;

    ProfileImport(DataSource dataSource, AttributeRegister register) {
        this.copy = new CsvCopy(dataSource);
        this.register = register;
    }

    public CsvCopy.Result importCsv(Kind kind, Path file, ProgressListener progress) {
        CsvTable table = switch (kind) {
            case CITIZENS -> new CitizenCsv(new CitizenJson(register));
            case DOCUMENTS -> ProfileCsvTables.travelDocuments();
            case CASES -> ProfileCsvTables.cases();
            case CASE_HISTORY -> ProfileCsvTables.caseHistory();
            case DIGITAL_ADDRESSES -> new DigitalAddressCsv();
        };
        return copy.load(table, () -> CsvFiles.open(file, progress), ProgressListener.NONE);
    }
}
