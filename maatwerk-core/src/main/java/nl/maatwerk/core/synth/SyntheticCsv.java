package nl.maatwerk.core.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Coded;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;
import nl.maatwerk.core.model.TravelDocumentType;

/**
 * Writes a synthetic municipality as the six CSV files of {@code docs/csv-formats.md}: UTF-8, comma
 * separated, a header row, RFC 4180 quoting, {@code \n} line ends, empty fields for missing values,
 * instants in UTC ISO-8601 and {@code attributes} as compact JSON. Existing files are overwritten.
 */
public final class SyntheticCsv {

    public static final String CITIZENS = "citizens.csv";
    public static final String TRAVEL_DOCUMENTS = "travel_documents.csv";
    public static final String CASES = "cases.csv";
    public static final String CASE_STATUS_HISTORY = "case_status_history.csv";
    public static final String CONTACTS = "contacts.csv";
    public static final String TRUTH_PREFERENCES = "truth_preferences.csv";
    public static final String DIGITAL_ADDRESSES = "digital_addresses.csv";

    /** The files in the order an importer should load them (citizens before what refers to them). */
    public static final List<String> FILES = List.of(CITIZENS, TRAVEL_DOCUMENTS, CASES, CASE_STATUS_HISTORY, CONTACTS,
            TRUTH_PREFERENCES, DIGITAL_ADDRESSES);

    static final String[] CITIZEN_COLUMNS = {"id", "bsn", "birthDate", "householdId", "householdType",
        "householdSize", "youngestChildAge", "postcode", "houseNumber", "neighbourhood", "district", "municipality",
        "language", "status", "attributes"};
    static final String[] DOCUMENT_COLUMNS = {"citizenId", "type", "number", "issueDate", "expiryDate"};
    static final String[] CASE_COLUMNS = {"id", "citizenId", "type", "status", "submittedAt", "decisionDeadline",
        "decisionDate", "objectionDeadline", "closedAt"};
    static final String[] HISTORY_COLUMNS = {"caseId", "status", "at"};
    static final String[] CONTACT_COLUMNS = {"source", "sourceId", "citizenId", "bsn", "channel", "direction", "kind",
        "topic", "subtopic", "occurredAt", "closedAt", "resolvedFirstContact", "satisfaction", "neighbourhood",
        "district", "text"};
    static final String[] TRUTH_COLUMNS = {"citizenId", "preferredChannel", "preferredHourBlock", "responsiveness"};
    static final String[] DIGITAL_ADDRESS_COLUMNS = {"citizenId", "email", "mobilePhone", "pushToken", "preferredChannel"};

    private static final int PROGRESS_STEP = 1_000;

    private SyntheticCsv() {
    }

    /**
     * Generates {@code municipality} into {@code directory} (created if missing).
     *
     * @param progress told after every 1,000 residents and at the end; may be null
     * @return the number of records written per file
     * @throws UncheckedIOException when a file cannot be written
     */
    public static GenerationCounts write(SyntheticMunicipality municipality, Path directory, ProgressListener progress) {
        ProgressListener listener = progress != null ? progress : ProgressListener.NONE;
        try {
            Files.createDirectories(directory);
            try (CsvRows citizens = new CsvRows(directory.resolve(CITIZENS), CITIZEN_COLUMNS);
                 CsvRows documents = new CsvRows(directory.resolve(TRAVEL_DOCUMENTS), DOCUMENT_COLUMNS);
                 CsvRows cases = new CsvRows(directory.resolve(CASES), CASE_COLUMNS);
                 CsvRows history = new CsvRows(directory.resolve(CASE_STATUS_HISTORY), HISTORY_COLUMNS);
                 CsvRows contacts = new CsvRows(directory.resolve(CONTACTS), CONTACT_COLUMNS);
                 CsvRows truth = new CsvRows(directory.resolve(TRUTH_PREFERENCES), TRUTH_COLUMNS);
                 CsvRows addresses = new CsvRows(directory.resolve(DIGITAL_ADDRESSES), DIGITAL_ADDRESS_COLUMNS)) {
                CsvSink sink = new CsvSink(citizens, documents, cases, history, contacts, truth, listener,
                        municipality.citizens());
                sink.addresses = addresses;
                sink.addressGenerator = new DigitalAddressGenerator(municipality.seed(), municipality.endDate());
                municipality.generate(sink);
                listener.progress(sink.counts[0], municipality.citizens());
                return new GenerationCounts(sink.counts[0], sink.counts[1], sink.counts[2], sink.counts[3],
                        sink.counts[4], sink.counts[5]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write synthetic municipality to " + directory, e);
        }
    }

    /** Turns records into CSV rows; counts them and reports progress every 1,000 residents. */
    private static final class CsvSink implements SyntheticSink {

        private static final String[] CHANNEL = codes(Channel.values());
        private static final String[] DIRECTION = codes(Direction.values());
        private static final String[] KIND = codes(ContactKind.values());
        private static final String[] CASE_TYPE = codes(CaseType.values());
        private static final String[] CASE_STATUS = codes(CaseStatus.values());
        private static final String[] HOUSEHOLD = codes(HouseholdType.values());
        private static final String[] STATUS = codes(RegistrationStatus.values());
        private static final String[] DOCUMENT = codes(TravelDocumentType.values());

        private final CsvRows citizens;
        private final CsvRows documents;
        private final CsvRows cases;
        private final CsvRows history;
        private final CsvRows contacts;
        private final CsvRows truth;
        private final ProgressListener listener;
        private final long total;
        final long[] counts = new long[6];
        CsvRows addresses;
        DigitalAddressGenerator addressGenerator;

        CsvSink(CsvRows citizens, CsvRows documents, CsvRows cases, CsvRows history, CsvRows contacts, CsvRows truth,
                ProgressListener listener, long total) {
            this.citizens = citizens;
            this.documents = documents;
            this.cases = cases;
            this.history = history;
            this.contacts = contacts;
            this.truth = truth;
            this.listener = listener;
            this.total = total;
        }

        private static String[] codes(Coded[] values) {
            String[] codes = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                codes[i] = values[i].code();
            }
            return codes;
        }

        @Override
        public void citizen(GeneratedCitizen c) {
            if (counts[0] > 0 && counts[0] % PROGRESS_STEP == 0) {
                listener.progress(counts[0], total);
            }
            counts[0]++;
            citizens.uuid(c.id()).text(c.bsn().value()).date(c.birthDate()).uuid(c.householdId())
                    .text(HOUSEHOLD[c.householdType().ordinal()]).number(c.householdSize()).number(c.youngestChildAge())
                    .text(c.postcode()).number(c.houseNumber()).text(c.neighbourhood()).text(c.district())
                    .text(c.municipality()).text(c.language()).text(STATUS[c.status().ordinal()])
                    .text(Json.object(c.attributes())).end();
            GeneratedDigitalAddress a = addressGenerator.of(c);
            if (a != null) {
                addresses.uuid(a.citizenId()).text(a.email()).text(a.mobilePhone()).text(a.pushToken())
                        .text(CHANNEL[a.preferredChannel().ordinal()]).end();
            }
        }

        @Override
        public void travelDocument(GeneratedTravelDocument d) {
            counts[1]++;
            documents.uuid(d.citizenId()).text(DOCUMENT[d.type().ordinal()]).text(d.number()).date(d.issueDate())
                    .date(d.expiryDate()).end();
        }

        @Override
        public void caseFile(GeneratedCase c) {
            counts[2]++;
            cases.uuid(c.id()).uuid(c.citizenId()).text(CASE_TYPE[c.type().ordinal()])
                    .text(CASE_STATUS[c.status().ordinal()]).instant(c.submittedAt()).date(c.decisionDeadline())
                    .date(c.decisionDate()).date(c.objectionDeadline()).instant(c.closedAt()).end();
        }

        @Override
        public void caseStatusChange(GeneratedCaseStatusChange s) {
            counts[3]++;
            history.uuid(s.caseId()).text(CASE_STATUS[s.status().ordinal()]).instant(s.at()).end();
        }

        @Override
        public void contact(GeneratedContact c) {
            counts[4]++;
            contacts.text(c.source()).text(c.sourceId()).uuid(c.citizenId()).text(c.bsn())
                    .text(CHANNEL[c.channel().ordinal()]).text(DIRECTION[c.direction().ordinal()])
                    .text(KIND[c.kind().ordinal()]).text(c.topic()).text(c.subtopic()).instant(c.occurredAt())
                    .instant(c.closedAt()).bool(c.resolvedFirstContact()).number(c.satisfaction())
                    .text(c.neighbourhood()).text(c.district()).text(c.text()).end();
        }

        @Override
        public void plantedPreference(PlantedPreference p) {
            counts[5]++;
            truth.uuid(p.citizenId()).text(CHANNEL[p.preferredChannel().ordinal()]).text(p.preferredHourBlock())
                    .decimal(p.responsiveness()).end();
        }
    }
}
