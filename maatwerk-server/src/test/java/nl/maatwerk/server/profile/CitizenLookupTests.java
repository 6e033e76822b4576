package nl.maatwerk.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class CitizenLookupTests {

    @Autowired
    Citizens citizens;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate rest;

    /** Regression (bench/bulk-ingest): a text[] of BSNs against the char(9) column scanned every citizen per batch. */
    @Test
    void resolveByBsn_usesTheBsnIndex() {
        List<String> plan = jdbc.execute((java.sql.Connection c) -> {
            List<String> lines = new java.util.ArrayList<>();
            try (var st = c.createStatement()) {
                st.execute("set enable_seqscan = off");  // the test table is small; ask whether the index *can* be used
                try (var rs = st.executeQuery("explain (costs off) select id, bsn from citizen where id = any('{}'::uuid[])"
                        + " or bsn = any('{999993653}'::text[]::bpchar[])")) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                st.execute("reset enable_seqscan");
            }
            return lines;
        });
        assertThat(String.join("\n", plan)).doesNotContain("Seq Scan").contains("citizen_bsn_key");
    }

    @Test
    void resolveAndFindByBsn_findTheCitizen() {
        UUID id = UUID.randomUUID();
        String bsn = TestCitizens.newBsn();
        new Http(rest).put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn));
        assertThat(citizens.resolve(Set.of(), Set.of(bsn))).extracting(CitizenRef::id).containsExactly(id);
        assertThat(citizens.findByBsn(bsn)).map(Citizen::id).contains(id);
    }
}
