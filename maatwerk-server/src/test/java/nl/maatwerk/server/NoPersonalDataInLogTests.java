package nl.maatwerk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import nl.maatwerk.server.platform.ProgressListener;
import nl.maatwerk.server.profile.ProfileImport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No BSN in the application log: reads the log the whole test run wrote ({@code target/test-run-<pid>.log}, INFO and up,
 * application-test.yml) and looks up every run of nine digits in it among the BSNs of the test database's
 * {@code citizen} table (TestTown's 20,000 and every test's own). Runs after every other test class.
 */
@ApiTest
@Order(Integer.MAX_VALUE)
class NoPersonalDataInLogTests {

    /** One file per test JVM (application-test.yml), so an earlier run's lines do not count. */
    private static final Path LOG = Path.of("target/test-run-" + ProcessHandle.current().pid() + ".log");
    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProfileImport profiles;

    @TempDir
    Path dir;

    @Test
    void applicationLog_holdsNoBsnOfAnyCitizen() throws IOException {
        // a known way in: an import whose BSN clashes with a stored citizen's; PostgreSQL names the key in its detail
        String taken = jdbc.queryForObject("select bsn from citizen where bsn is not null limit 1", String.class);
        Path file = dir.resolve("citizens.csv");
        Files.writeString(file, "id,bsn,birthDate,householdType\n" + UUID.randomUUID() + "," + taken + ",1980-01-01,single\n");
        try {
            profiles.importCsv(ProfileImport.Kind.CITIZENS, file, ProgressListener.NONE);
        } catch (RuntimeException refused) {
            // refused, as it should be; what matters is what was logged on the way
        }
        assertThat(LOG).exists();
        Set<String> bsns = new HashSet<>(jdbc.queryForList("select bsn from citizen where bsn is not null", String.class));
        assertThat(bsns).as("the test database has citizens").hasSizeGreaterThan(10);
        List<String> leaks = new ArrayList<>();
        long lines = 0;
        for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
            lines++;
            Matcher m = NINE_DIGITS.matcher(line);
            while (m.find()) {
                if (bsns.contains(m.group())) {
                    leaks.add(line.length() > 300 ? line.substring(0, 300) + "…" : line);
                }
            }
        }
        assertThat(lines).as("the run logged something").isPositive();
        assertThat(leaks).as("log lines with a citizen's BSN").isEmpty();
    }
}
