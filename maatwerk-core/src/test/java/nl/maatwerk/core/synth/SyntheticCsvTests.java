package nl.maatwerk.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCsvTests {

    private static SyntheticMunicipality town(long seed) {
        return SyntheticMunicipality.builder().citizens(3_000).months(6).endDate(LocalDate.of(2026, 3, 31)).seed(seed)
                .build();
    }

    @Test
    void write_sameSeedTwice_identicalBytes(@TempDir Path dir) throws IOException {
        SyntheticCsv.write(town(7), dir.resolve("a"), null);
        SyntheticCsv.write(town(7), dir.resolve("b"), null);

        for (String file : SyntheticCsv.FILES) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void write_otherSeed_differentFiles(@TempDir Path dir) throws IOException {
        SyntheticCsv.write(town(7), dir.resolve("a"), null);
        SyntheticCsv.write(town(8), dir.resolve("b"), null);

        for (String file : SyntheticCsv.FILES) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file).isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
    }

    @Test
    void write_headers_exactlyTheColumnsOfCsvFormatsDoc(@TempDir Path dir) throws IOException {
        SyntheticCsv.write(town(1), dir, null);

        assertThat(header(dir, "citizens.csv")).isEqualTo("id,bsn,birthDate,householdId,householdType,householdSize,"
                + "youngestChildAge,postcode,houseNumber,neighbourhood,district,municipality,language,status,attributes");
        assertThat(header(dir, "travel_documents.csv")).isEqualTo("citizenId,type,number,issueDate,expiryDate");
        assertThat(header(dir, "cases.csv")).isEqualTo("id,citizenId,type,status,submittedAt,decisionDeadline,"
                + "decisionDate,objectionDeadline,closedAt");
        assertThat(header(dir, "case_status_history.csv")).isEqualTo("caseId,status,at");
        assertThat(header(dir, "contacts.csv")).isEqualTo("source,sourceId,citizenId,bsn,channel,direction,kind,topic,"
                + "subtopic,occurredAt,closedAt,resolvedFirstContact,satisfaction,neighbourhood,district,text");
        assertThat(header(dir, "truth_preferences.csv"))
                .isEqualTo("citizenId,preferredChannel,preferredHourBlock,responsiveness");
        assertThat(header(dir, "digital_addresses.csv"))
                .isEqualTo("citizenId,email,mobilePhone,pushToken,preferredChannel");
    }

    private static String header(Path dir, String file) throws IOException {
        try (var lines = Files.lines(dir.resolve(file))) {
            return lines.findFirst().orElseThrow();
        }
    }

    @Test
    void write_rows_parseAsRfc4180WithCodesIsoInstantsAndJsonAttributes(@TempDir Path dir) throws IOException {
        GenerationCounts counts = SyntheticCsv.write(town(3), dir, null);

        List<CSVRecord> citizens = read(dir.resolve("citizens.csv"));
        assertThat(citizens).hasSize((int) counts.citizens()).hasSize(3_000);
        CSVRecord first = citizens.get(0);
        UUID.fromString(first.get("id"));
        LocalDate.parse(first.get("birthDate"));
        assertThat(first.get("householdType")).isIn("single", "couple", "family_with_children", "single_parent", "other");
        assertThat(first.get("status")).isIn("resident", "moved_out", "deceased");
        assertThat(first.get("attributes")).startsWith("{\"income_band\":\"").contains("\"wmo_indication\":")
                .endsWith("}");

        List<CSVRecord> contacts = read(dir.resolve("contacts.csv"));
        assertThat(contacts).hasSize((int) counts.contacts());
        for (CSVRecord c : contacts) {
            assertThat(c.get("occurredAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            Instant.parse(c.get("occurredAt"));
            assertThat(c.get("channel")).matches("[a-z]+");
            assertThat(c.get("resolvedFirstContact")).isIn("", "true", "false");
            assertThat(c.get("bsn")).isEmpty();
        }
        assertThat(read(dir.resolve("travel_documents.csv")).get(0).get("type")).isIn("PN", "NI");
        assertThat(read(dir.resolve("truth_preferences.csv"))).hasSize(3_000)
                .allSatisfy(r -> assertThat(r.get("preferredHourBlock")).isIn("morning", "afternoon", "evening"));
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            return parser.getRecords();
        }
    }

    @Test
    void write_progress_stepsOfAThousandEndingAtTotal(@TempDir Path dir) {
        List<long[]> calls = new ArrayList<>();

        SyntheticCsv.write(town(4), dir, (done, total) -> calls.add(new long[] {done, total}));

        assertThat(calls).extracting(c -> c[0]).containsExactly(1_000L, 2_000L, 3_000L);
        assertThat(calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(3_000L));
    }
}
