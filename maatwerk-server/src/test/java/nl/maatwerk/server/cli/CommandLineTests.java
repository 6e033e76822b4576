package nl.maatwerk.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.maatwerk.server.MaatwerkApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTests {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream printedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream printedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(printedErr, true, StandardCharsets.UTF_8));
            int code = MaatwerkCommand.commandLine(MaatwerkApplication.class).execute(args);
            return new Run(code, printedOut.toString(StandardCharsets.UTF_8), printedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "serve", "generate", "import", "audit", "user"})
    void help_ofEachCommand_describesItsOptions(String command) {
        Run run = run(command, "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: maatwerk " + command).contains("--help");
    }

    @Test
    void noCommand_listsTheCommands() {
        assertThat(run().out()).contains("demo").contains("serve").contains("generate").contains("import");
    }

    @Test
    void generate_writesTheSevenFiles() throws Exception {
        Run run = run("generate", "--citizens", "300", "--months", "2", "--end-date", "2026-06-30", "--out", dir.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("citizens.csv")).lines()).hasSize(301);
        for (String file : new String[] {"travel_documents.csv", "cases.csv", "case_status_history.csv", "contacts.csv",
                "truth_preferences.csv", "digital_addresses.csv"}) {
            assertThat(dir.resolve(file)).exists();
        }
    }

    @Test
    void generate_nonsenseSettings_exit2WithTheReason() {
        Run run = run("generate", "--citizens", "0", "--out", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("citizens");
    }

    @Test
    void import_badFile_exit1NamingLineAndColumnAndNothingWritten() throws Exception {
        Path csv = dir.resolve("contacts.csv");
        Files.writeString(csv, "source,sourceId,channel,direction,kind,topic,occurredAt\n"
                + "cli,1,phone,inbound,question,afval,2026-01-01T10:00:00Z\n"
                + "cli,2,telegraph,inbound,question,afval,2026-01-01T10:00:00Z\n");
        Run run = run("import", "contacts", csv.toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Nothing imported").contains("line 3, column channel");
    }

    @Test
    void auditVerify_onAFreshDatabase_printsOkWithTheCount() {
        Run run = run("audit", "verify", "--data-dir", dir.resolve("data").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("OK: 0 audit log entries");
    }

    @Test
    void import_missingFile_exit2() {
        assertThat(run("import", "contacts", dir.resolve("nope.csv").toString()).code()).isEqualTo(2);
    }

    @Test
    void userAdd_printsAPasswordOnce_thatMatchesTheStoredBcryptHash() {
        Path data = dir.resolve("data");
        Run run = run("user", "add", "Anna.KCC", "--role", "kcc,privacy", "--data-dir", data.toString());
        assertThat(run.code()).as(run.err()).isZero();
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("password: (\\S+)").matcher(run.out());
        assertThat(printed.find()).as(run.out()).isTrue();
        assertThat(run.out()).contains("User anna.kcc (kcc, privacy)");
        try (var context = ServerLauncher.withoutWeb(data)) {
            var row = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForMap("select password_hash, array_to_string(roles, ',') roles from user_account where name = 'anna.kcc'");
            assertThat(row.get("roles")).isEqualTo("kcc,privacy");
            assertThat(context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
                    .matches(printed.group(1), (String) row.get("password_hash"))).isTrue();
        }
    }

    @Test
    void userAdd_unknownRole_exit2NamingTheRoles() {
        Run run = run("user", "add", "bert", "--role", "superuser", "--data-dir", dir.resolve("data").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("superuser").contains("beheer");
    }
}
