package nl.maatwerk.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import nl.maatwerk.server.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class EmbeddedDatabaseTests {

    @Autowired
    JdbcTemplate jdbc;

    /** Regression: zonky's default synchronous_commit=off lost acknowledged contacts in bench/crash-restart. */
    @Test
    void embeddedDatabase_waitsForTheWalFlushBeforeAcknowledging() {
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
    }

    @Test
    void embeddedDatabase_isPostgresql15OrNewer() {
        assertThat(jdbc.queryForObject("show server_version_num", Integer.class)).isGreaterThanOrEqualTo(150000);
    }
}
