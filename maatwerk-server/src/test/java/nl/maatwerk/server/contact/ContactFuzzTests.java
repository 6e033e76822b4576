package nl.maatwerk.server.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.CsvCopy;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.ImportProblems;
import nl.maatwerk.server.platform.JsonBody;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Fuzzes the contact ingest's parsers without HTTP: the body of {@code POST /api/v1/contacts} through the same
 * {@link JsonBody} and {@link ContactJson} the controller uses, and a contacts CSV file through the same CSV format and
 * {@link ContactCsv} row conversion {@code maatwerk import contacts} uses ({@link CsvCopy#parse}). Bad input must end as our own problems
 * (problem+json fields, CSV line and column), never as another exception. Seeds in {@code ContactFuzzTestsInputs/};
 * {@code bench/fuzz/run.sh} fuzzes each for minutes.
 */
class ContactFuzzTests {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @FuzzTest(maxDuration = "5m")
    void contactJson(@NotNull byte[] body) {
        JsonNode node;
        try {
            node = JsonBody.parse(JSON, body);
        } catch (ApiProblem expected) {
            assertThat(expected.errors()).isNotEmpty();
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        ContactSubmission contact = ContactJson.read(node, "", problems);
        assertThat(contact == null).as("a contact, or problems: %s", problems).isEqualTo(!problems.isEmpty());
        if (contact != null) {
            assertThat(contact.contentHash()).isNotNull();
        }
    }

    @FuzzTest(maxDuration = "5m")
    void contactCsv(@NotNull String file) {
        ContactCsv table = new ContactCsv(null, Map::of);
        List<FieldProblem> problems = new ArrayList<>();
        try (CSVParser parser = CsvCopy.parse(new StringReader(file))) {
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (record.isConsistent()) {
                    int before = problems.size();
                    String[] values = table.convert(record, line, problems);
                    assertThat(values == null).as("values, or problems").isEqualTo(problems.size() > before);
                    problems.subList(before, problems.size()).forEach(p -> assertThat(p.line()).isEqualTo(line));
                }
            }
        } catch (ImportProblems header) {
            assertThat(header.problems()).allMatch(p -> p.line() == 1L);
        } catch (IOException | UncheckedIOException expected) {
            // a malformed file: CsvCopy reports it as a problem on its line
        } catch (IllegalStateException malformed) {
            // commons-csv's malformed record; CsvCopy turns it into a problem only when an IOException caused it
            assertThat(malformed.getCause()).isInstanceOf(IOException.class);
        }
    }
}
