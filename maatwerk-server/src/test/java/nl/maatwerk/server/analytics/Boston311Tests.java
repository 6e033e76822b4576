package nl.maatwerk.server.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.contact.ContactImport;
import nl.maatwerk.server.contact.ContactMapping;
import nl.maatwerk.server.platform.ProgressListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Real records: the public Boston 311 export (../shared/data), imported with the mapping shipped in
 * examples/, must show in the analytics API with exactly the per-channel counts of the file itself.
 */
@ApiTest
class Boston311Tests {

    private static final Path FILE = Path.of("../../shared/data/boston311_2015_sample.csv.gz");
    private static final Path MAPPING = Path.of("../examples/boston311.yaml");

    @Autowired
    ContactImport contactImport;
    @Autowired
    TestRestTemplate rest;

    @Test
    void perChannelCounts_equalTheFile() throws Exception {
        assumeTrue(Files.exists(FILE), "../shared/data/boston311_2015_sample.csv.gz is not there (see ../shared/README.md)");
        contactImport.importCsv(FILE, ContactMapping.read(MAPPING), ProgressListener.NONE);
        Map<String, Long> expected = countsInFile();

        long deadline = System.currentTimeMillis() + 15_000;
        Map<String, Long> answered = Map.of();
        while (!answered.equals(expected) && System.currentTimeMillis() < deadline) {
            answered = new HashMap<>();
            JsonNode body = Http.json(new Http(rest).get("/api/v1/analytics/contacts/counts?by=channel&source=boston311"));
            for (JsonNode row : body.path("rows")) {
                assertThat(row.path("suppressed").asBoolean()).isFalse();
                answered.put(row.path("channel").asText(), row.path("contacts").asLong());
            }
            Thread.sleep(100);
        }
        assertThat(answered).isEqualTo(expected);
        assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(90_000);
    }

    /** Rows per channel straight from the file, with the channel values translated by the mapping's own table. */
    private static Map<String, Long> countsInFile() throws Exception {
        JsonNode channelValues = new ObjectMapper(new YAMLFactory()).readTree(MAPPING.toFile()).path("values").path("channel");
        Map<String, Long> counts = new HashMap<>();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(FILE)), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
                JsonNode ours = channelValues.path(record.get("channel"));
                if (!ours.isNull() && !ours.isMissingNode() && !ours.asText().equals(ContactMapping.SKIP)) {
                    counts.merge(ours.asText(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }
}
