package nl.maatwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class LoginTests {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcTemplate jdbc;

    String name;

    @BeforeEach
    void account() {
        name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(users.create(name, PASSWORD, Set.of(Role.KCC))).isTrue();
    }

    @Test
    void login_withTheRightPassword_opensTheRequestedPageAndShowsNameAndRole() throws Exception {
        WebSession session = new WebSession(port);
        HttpResponse<String> citizens = session.get("/citizens");
        assertThat(citizens.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(citizens)).endsWith("/login");

        HttpResponse<String> login = session.login(name, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(login)).contains("/citizens");

        HttpResponse<String> page = session.get("/citizens");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(name).contains("kcc").contains("Uitloggen");
        assertThat(page.body()).as("nav shows only what kcc may open").contains("/citizens\"").doesNotContain("href=\"/dashboard\"")
                .doesNotContain("href=\"/beheer\"");
        assertThat(session.get("/dashboard").statusCode()).as("not for kcc").isEqualTo(403);
        assertThat(session.get("/api/v1/citizens/" + UUID.randomUUID()).statusCode()).as("the session works for the API too")
                .isEqualTo(404);
    }

    @Test
    void formPostWithoutCsrfToken_isRefused_andWithTheTokenAccepted_logout() throws Exception {
        WebSession session = new WebSession(port);
        session.login(name, PASSWORD);
        assertThat(session.postForm("/logout", Map.of()).statusCode()).as("no token").isEqualTo(403);
        String token = WebSession.csrf(session.get("/citizens").body());
        HttpResponse<String> logout = session.postForm("/logout", Map.of("_csrf", token));
        assertThat(WebSession.location(logout)).endsWith("/login?logout");
        assertThat(WebSession.location(session.get("/citizens"))).endsWith("/login");
    }

    @Test
    void wrongPassword_backToTheFormWithAMessage() throws Exception {
        WebSession session = new WebSession(port);
        HttpResponse<String> login = session.login(name, "wrong password!");
        assertThat(WebSession.location(login)).endsWith("/login?error");
        assertThat(session.get("/login?error").body()).contains("Onjuiste gebruikersnaam of wachtwoord");
        assertThat(WebSession.location(new WebSession(port).login("nobody-" + name, PASSWORD))).endsWith("/login?error");
    }

    @Test
    void fiveFailures_lockTheAccountForFifteenMinutes_evenForTheRightPassword() throws Exception {
        WebSession session = new WebSession(port);
        for (int i = 0; i < 4; i++) {
            assertThat(WebSession.location(session.login(name, "wrong password " + i))).endsWith("/login?error");
        }
        assertThat(jdbc.queryForObject("select failed_attempts from user_account where name = ?", Integer.class, name))
                .isEqualTo(4);
        assertThat(WebSession.location(session.login(name, "wrong password 5"))).endsWith("/login?error");
        Instant lockedUntil = jdbc.queryForObject("select locked_until from user_account where name = ?", Timestamp.class, name)
                .toInstant();
        assertThat(Duration.between(Instant.now(), lockedUntil)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));

        HttpResponse<String> right = new WebSession(port).login(name, PASSWORD);
        assertThat(WebSession.location(right)).as("locked: the right password is refused too").endsWith("/login?locked");
        assertThat(session.get("/login?locked").body()).contains("tijdelijk geblokkeerd");

        jdbc.update("update user_account set locked_until = now() - interval '1 second' where name = ?", name);
        assertThat(WebSession.location(new WebSession(port).login(name, PASSWORD))).as("after the lock-out")
                .doesNotContain("/login");
        assertThat(users.find(name).orElseThrow().failedAttempts()).isZero();
    }

    @Test
    void successResetsTheCount_soFailuresMustBeInARow() throws Exception {
        for (int i = 0; i < 4; i++) {
            new WebSession(port).login(name, "wrong password " + i);
        }
        new WebSession(port).login(name, PASSWORD);
        for (int i = 0; i < 4; i++) {
            new WebSession(port).login(name, "wrong again " + i);
        }
        assertThat(users.find(name).orElseThrow().lockedAt(Instant.now())).isFalse();
    }

    @Test
    void disabledAccount_cannotLogIn_untilEnabled() throws Exception {
        users.setEnabled(name, false);
        assertThat(WebSession.location(new WebSession(port).login(name, PASSWORD))).endsWith("/login?error");
        users.setEnabled(name, true);
        assertThat(WebSession.location(new WebSession(port).login(name, PASSWORD))).doesNotContain("/login");
    }

    @Test
    void passwordIsStoredAsABcryptHash() {
        String stored = jdbc.queryForObject("select password_hash from user_account where name = ?", String.class, name);
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
    }
}
