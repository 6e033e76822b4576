package nl.maatwerk.server;

import java.net.URI;
import java.util.Set;
import nl.maatwerk.server.security.Role;
import nl.maatwerk.server.security.UserAccounts;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;

/**
 * Security stays on in tests, and stays out of the way: every request a test's {@code TestRestTemplate} sends to the
 * application without an {@code Authorization} header gets the bootstrap {@code beheer} key (set in
 * application-test.yml), and browser tests can log in as {@link #BROWSER_USER}. Tests about denial send a key of
 * another role, or use a plain HTTP client.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurity {

    /** Also in application-test.yml as maatwerk.security.bootstrap-api-key. */
    public static final String BEHEER_KEY = "mwk_test-bootstrap-beheer-key-not-secret-0001";
    public static final String BROWSER_USER = "browser-test";
    public static final String BROWSER_PASSWORD = "browser-test-password";

    @Bean
    RestTemplateCustomizer beheerKeyByDefault(Environment environment) {
        return template -> template.getInterceptors().add((request, body, execution) -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION) && isThisApplication(request.getURI(), environment)) {
                request.getHeaders().setBearerAuth(BEHEER_KEY);
            }
            return execution.execute(request, body);
        });
    }

    private static boolean isThisApplication(URI uri, Environment environment) {
        String port = environment.getProperty("local.server.port");
        return "localhost".equals(uri.getHost()) && port != null && port.equals(String.valueOf(uri.getPort()));
    }

    @Bean
    ApplicationRunner browserTestUser(UserAccounts users) {
        return args -> users.createOrReset(BROWSER_USER, BROWSER_PASSWORD, Set.of(Role.BEHEER));
    }
}
