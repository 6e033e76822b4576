package nl.maatwerk.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import nl.maatwerk.server.platform.ImportProblems;
import nl.maatwerk.server.platform.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Digital addresses: the API (VNG shape, problems by pointer, audit-logged read) and the CSV import. */
@ApiTest
class DigitalAddressTests {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProfileImport profileImport;

    private UUID citizen(Http http) {
        UUID id = UUID.randomUUID();
        assertThat(http.put("/api/v1/citizens/" + id, TestCitizens.json(id, TestCitizens.newBsn())).getStatusCode().value())
                .isEqualTo(201);
        return id;
    }

    @Test
    void put_thenGet_roundTripsInTheVngShape_andTheReadIsAudited() {
        Http http = new Http(rest);
        UUID id = citizen(http);
        String body = """
                {"addresses":[{"type":"email","address":"jan@example.org"},{"type":"mobile_phone","address":"+31690001234"}],
                 "preferredChannel":"sms"}""";
        assertThat(http.put("/api/v1/citizens/" + id + "/digital-addresses", body).getStatusCode().value()).isEqualTo(201);
        assertThat(http.put("/api/v1/citizens/" + id + "/digital-addresses", body).getStatusCode().value()).isEqualTo(200);
        long before = jdbc.queryForObject("select count(*) from audit_log where (select pseudonym from audit_subject where citizen_id = ?) = any(citizen_ids)", Long.class, id);
        ResponseEntity<String> got = http.get("/api/v1/citizens/" + id + "/digital-addresses");
        assertThat(Http.json(got).path("preferredChannel").asText()).isEqualTo("sms");
        assertThat(Http.json(got).path("addresses").toString())
                .isEqualTo("[{\"type\":\"email\",\"address\":\"jan@example.org\"},{\"type\":\"mobile_phone\",\"address\":\"+31690001234\"}]");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where (select pseudonym from audit_subject where citizen_id = ?) = any(citizen_ids)", Long.class, id))
                .isEqualTo(before + 1);
    }

    @Test
    void put_badValues_400NamingEachAndNothingStored() {
        Http http = new Http(rest);
        UUID id = citizen(http);
        ResponseEntity<String> r = http.put("/api/v1/citizens/" + id + "/digital-addresses", """
                {"addresses":[{"type":"email","address":"geen-adres"},{"type":"fax","address":"x"},
                 {"type":"mobile_phone","address":"0612345678"}],"preferredChannel":"phone"}""");
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(Http.pointers(r)).containsExactlyInAnyOrder("#/addresses/0/address", "#/addresses/1/type",
                "#/addresses/2/address", "#/preferredChannel");
        assertThat(jdbc.queryForObject("select count(*) from digital_address where citizen_id = ?", Long.class, id)).isZero();
        assertThat(http.put("/api/v1/citizens/" + UUID.randomUUID() + "/digital-addresses", "{}").getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void importCsv_loadsAndReplaces_andAnUnknownCitizenRefusesTheWholeFile(@TempDir Path dir) throws Exception {
        Http http = new Http(rest);
        UUID a = citizen(http);
        UUID b = citizen(http);
        Path file = dir.resolve("digital_addresses.csv");
        Files.writeString(file, "citizenId,email,mobilePhone,pushToken,preferredChannel\n"
                + a + ",a@example.org,,,email\n" + b + ",,+31690009999,push-token-1234,app\n");
        profileImport.importCsv(ProfileImport.Kind.DIGITAL_ADDRESSES, file, ProgressListener.NONE);
        Files.writeString(file, "citizenId,email,mobilePhone,pushToken,preferredChannel\n" + a + ",a2@example.org,,,letter\n");
        profileImport.importCsv(ProfileImport.Kind.DIGITAL_ADDRESSES, file, ProgressListener.NONE);
        assertThat(jdbc.queryForObject("select email || ' ' || preferred_channel from digital_address where citizen_id = ?",
                String.class, a)).isEqualTo("a2@example.org letter");
        assertThat(jdbc.queryForObject("select push_token from digital_address where citizen_id = ?", String.class, b))
                .isEqualTo("push-token-1234");

        Files.writeString(file, "citizenId,email,mobilePhone,pushToken,preferredChannel\n" + b + ",b@example.org,,,email\n"
                + UUID.randomUUID() + ",c@example.org,,,email\n");
        try {
            profileImport.importCsv(ProfileImport.Kind.DIGITAL_ADDRESSES, file, ProgressListener.NONE);
            throw new AssertionError("an unknown citizen must refuse the file");
        } catch (ImportProblems e) {
            assertThat(e.problems().get(0).line()).isEqualTo(3L);
        }
        assertThat(jdbc.queryForObject("select email from digital_address where citizen_id = ?", String.class, b)).isNull();
    }
}
