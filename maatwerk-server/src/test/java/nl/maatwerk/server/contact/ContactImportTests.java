package nl.maatwerk.server.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.ImportProblems;
import nl.maatwerk.server.platform.ProgressListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class ContactImportTests {

    private static final String HEADER = "source,sourceId,citizenId,bsn,channel,direction,kind,topic,subtopic,occurredAt,"
            + "closedAt,resolvedFirstContact,satisfaction,neighbourhood,district,text\n";

    @Autowired
    ContactImport contactImport;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate rest;

    @TempDir
    Path dir;

    String source;

    @BeforeEach
    void setUp() {
        source = "csv-" + UUID.randomUUID();
    }

    long stored() {
        return jdbc.queryForObject("select count(*) from contact where source = ?", Long.class, source);
    }

    Path file(String body) throws IOException {
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, body);
        return file;
    }

    String row(int i, String citizenId, String bsn, String channel, String satisfaction) {
        return String.join(",", source, "r" + i, citizenId, bsn, channel, "inbound", "question", "afval", "grofvuil",
                "2026-03-0" + (1 + i % 9) + "T08:00:00Z", "", "true", satisfaction, "BU03630000", "", "\"Vraag, met komma\"") + "\n";
    }

    @Test
    void importCsv_validFile_storesEveryRowAndReimportAddsNothing() throws IOException {
        Path file = file(HEADER + row(1, "", "", "phone", "4") + row(2, "", "", "webform", "") + row(3, "", "", "desk", "5"));
        assertThat(contactImport.importCsv(file, null, ProgressListener.NONE).inserted()).isEqualTo(3);
        ContactImport.Outcome again = contactImport.importCsv(file, null, ProgressListener.NONE);
        assertThat(again.rows()).isEqualTo(3);
        assertThat(again.inserted()).isZero();
        assertThat(stored()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select text from contact where source = ? and source_id = 'r1'", String.class, source))
                .isEqualTo("Vraag, met komma");
    }

    @Test
    void importCsv_sameAsApi_isTheSameContact() throws IOException {
        Path file = file(HEADER + row(1, "", "", "phone", "4"));
        contactImport.importCsv(file, null, ProgressListener.NONE);
        String json = """
                {"source":"%s","sourceId":"r1","channel":"phone","direction":"inbound","kind":"question","topic":"afval",
                 "subtopic":"grofvuil","occurredAt":"2026-03-02T08:00:00Z","resolvedFirstContact":true,"satisfaction":4,
                 "neighbourhood":"BU03630000","text":"Vraag, met komma"}
                """.formatted(source);
        assertThat(new Http(rest).post("/api/v1/contacts", json).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void importCsv_badRows_reportsLineAndColumnAndWritesNothing() throws IOException {
        Path file = file(HEADER + row(1, "", "", "phone", "4") + row(2, "", "", "fax", "") + row(3, "", "", "desk", "9"));
        assertThatThrownBy(() -> contactImport.importCsv(file, null, ProgressListener.NONE))
                .isInstanceOfSatisfying(ImportProblems.class, e -> assertThat(e.problems()).extracting(FieldProblem::line,
                        FieldProblem::column).containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "channel"),
                        org.assertj.core.groups.Tuple.tuple(4L, "satisfaction")));
        assertThat(stored()).isZero();
    }

    /** Found by fuzzing (bench/fuzz/RESULTS.md): commons-csv refused the header with an IllegalArgumentException. */
    @Test
    void importCsv_emptyOrRepeatedHeaderName_isAProblemOnLineOne() throws IOException {
        for (String header : List.of("source,sourceId,,channel\n", "source,sourceId,source\n")) {
            Path file = file(header + "a,b,c,d\n");
            assertThatThrownBy(() -> contactImport.importCsv(file, null, ProgressListener.NONE))
                    .isInstanceOfSatisfying(ImportProblems.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::line).containsExactly(1L));
        }
        assertThat(stored()).isZero();
    }

    @Test
    void importCsv_unknownCitizen_reportsLineAndWritesNothing() throws IOException {
        Path file = file(HEADER + row(1, "", "", "phone", "4") + row(2, UUID.randomUUID().toString(), "", "phone", ""));
        assertThatThrownBy(() -> contactImport.importCsv(file, null, ProgressListener.NONE))
                .isInstanceOfSatisfying(ImportProblems.class, e -> assertThat(e.problems()).extracting(FieldProblem::line,
                        FieldProblem::column).containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "citizenId")));
        assertThat(stored()).isZero();
    }

    @Test
    void importCsv_citizenByBsn_resolvesToTheirId() throws IOException {
        UUID citizen = UUID.randomUUID();
        String bsn = TestCitizens.newBsn();
        new Http(rest).put("/api/v1/citizens/" + citizen, TestCitizens.json(citizen, bsn));
        contactImport.importCsv(file(HEADER + row(1, "", bsn, "phone", "4")), null, ProgressListener.NONE);
        assertThat(jdbc.queryForObject("select citizen_id from contact where source = ?", UUID.class, source)).isEqualTo(citizen);
    }

    @Test
    void importCsv_malformedCsv_reportedAndNothingWritten() throws IOException {
        Path file = file(HEADER + row(1, "", "", "phone", "4") + source + ",2,,,phone,inbound,question,\"afval,,,\n");
        assertThatThrownBy(() -> contactImport.importCsv(file, null, ProgressListener.NONE))
                .isInstanceOfSatisfying(ImportProblems.class, e -> assertThat(e.problems().get(0).detail()).contains("malformed CSV"));
        assertThat(stored()).isZero();
    }

    @Test
    void importCsv_missingAndUnknownColumns_reportedOnLineOne() throws IOException {
        Path file = file("source,sourceId,colour\n" + source + ",1,red\n");
        assertThatThrownBy(() -> contactImport.importCsv(file, null, ProgressListener.NONE))
                .isInstanceOfSatisfying(ImportProblems.class, e -> {
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(1L));
                    assertThat(e.problems()).extracting(FieldProblem::column).contains("colour", "channel", "occurredAt");
                });
    }

    @Test
    void importCsv_clashWithStoredContent_reportsLineAndWritesNothing() throws IOException {
        contactImport.importCsv(file(HEADER + row(1, "", "", "phone", "4")), null, ProgressListener.NONE);
        Path changed = file(HEADER + row(2, "", "", "phone", "") + row(1, "", "", "phone", "2"));
        assertThatThrownBy(() -> contactImport.importCsv(changed, null, ProgressListener.NONE))
                .isInstanceOfSatisfying(ImportProblems.class, e -> assertThat(e.problems()).extracting(FieldProblem::line)
                        .containsExactly(3L));
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void importCsv_foreignFileWithMapping_mapsColumnsValuesAndTimezone() throws IOException {
        Path file = dir.resolve("311.csv");
        Files.writeString(file, """
                case_enquiry_id,open_dt,closed_dt,reason,type,channel,neighborhood
                101,2015-01-01T00:20:09,2015-01-02T10:00:00,Sanitation,Missed Trash,phone,Dorchester
                102,2015-01-03T09:00:00,,Highway Maintenance,Pothole,internal_staff,Roxbury
                103,2015-01-04T12:30:00,,Street Lights,Street Light Outages,mobile_app,
                """);
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, Files.readString(Path.of("../examples/boston311.yaml")).replace("source: boston311", "source: " + source));
        ContactImport.Outcome outcome = contactImport.importCsv(file, ContactMapping.read(mapping), ProgressListener.NONE);
        assertThat(outcome.inserted()).isEqualTo(2);
        assertThat(outcome.skipped()).isEqualTo(1);
        assertThat(jdbc.queryForList("select channel from contact where source = ? order by source_id", String.class, source))
                .containsExactly("phone", "app");
        assertThat(jdbc.queryForObject("select occurred_at = '2015-01-01T05:20:09Z'::timestamptz from contact where source = ? and source_id = '101'",
                Boolean.class, source)).isTrue();
    }

    @Test
    void importCsv_foreignFileWithBadValue_namesTheirColumn() throws IOException {
        Path file = dir.resolve("311.csv");
        Files.writeString(file, "case_enquiry_id,open_dt,closed_dt,reason,type,channel\n1,yesterday,,A,B,phone\n");
        Path mapping = dir.resolve("mapping.yaml");
        Files.writeString(mapping, Files.readString(Path.of("../examples/boston311.yaml")).replace("source: boston311", "source: " + source));
        assertThatThrownBy(() -> contactImport.importCsv(file, ContactMapping.read(mapping), ProgressListener.NONE))
                .isInstanceOfSatisfying(ImportProblems.class, e -> assertThat(e.problems()).extracting(FieldProblem::column)
                        .containsExactly("open_dt"));
    }

    @Test
    void mapping_unknownField_isRefusedWithItsName() throws IOException {
        Path mapping = dir.resolve("bad.yaml");
        Files.writeString(mapping, "columns:\n  colour: x\n");
        assertThatThrownBy(() -> ContactMapping.read(mapping)).hasMessageContaining("colour");
    }
}
