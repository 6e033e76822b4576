package nl.maatwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.maatwerk.server.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every HTTP route of the running application (each handler method's patterns × methods, plus the static assets and
 * actuator endpoints served outside Spring MVC) must have a line in {@link PolicyTable}, and every role, and no role at
 * all, gets exactly the access that line gives: a real request with an API key of that role.
 */
@ApiTest
class RouteRoleMatrixTests {

    /** Served by resource handlers and actuator, not by @RequestMapping methods. */
    private static final List<Route> NOT_IN_MVC = List.of(
            new Route(HttpMethod.GET, "/css/maatwerk.css"),
            new Route(HttpMethod.GET, "/js/csrf.js"),
            new Route(HttpMethod.GET, "/webjars/htmx.org/dist/htmx.min.js"),
            new Route(HttpMethod.GET, "/api/v1/swagger-ui/index.html"),
            new Route(HttpMethod.GET, "/actuator/health"),
            new Route(HttpMethod.GET, "/actuator/health/liveness"),
            new Route(HttpMethod.GET, "/actuator"));

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::((?:[^{}]|\\{[^{}]*\\})*))?}");
    private static final Pattern ALTERNATIVES = Pattern.compile("[\\w-]+(\\|[\\w-]+)*");

    record Route(HttpMethod method, String pattern) {
        String path() {
            return samplePath(pattern);
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mvc;

    @Autowired
    ApiKeys keys;

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final Map<Role, IssuedApiKey> issued = new EnumMap<>(Role.class);
    static ApiKeys issuer;
    final Map<Role, String> keyOf = new EnumMap<>(Role.class);

    @BeforeEach
    void keysForEveryRole() {
        issuer = keys;
        for (Role role : Role.values()) {
            keyOf.put(role, issued.computeIfAbsent(role, r -> keys.issue("matrix-" + r.key(), Set.of(r), null)).secret());
        }
    }

    @AfterAll
    static void revokeTheKeys() {
        issued.values().forEach(k -> issuer.revoke(k.key().id()));
        issued.clear();
    }

    Set<Route> routes() {
        Set<Route> routes = new LinkedHashSet<>();
        for (RequestMappingInfo info : mvc.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add(new Route(HttpMethod.GET, pattern));
                    routes.add(new Route(HttpMethod.POST, pattern));
                }
                methods.forEach(m -> routes.add(new Route(HttpMethod.valueOf(m.name()), pattern)));
            }
        }
        routes.addAll(NOT_IN_MVC);
        return routes;
    }

    static Optional<PolicyTable.Entry> entryFor(Route route) {
        MockHttpServletRequest request = new MockHttpServletRequest(route.method().name(), route.path());
        return PolicyTable.ENTRIES.stream()
                .filter(e -> PathPatternRequestMatcher.withDefaults().matcher(e.method(), e.pattern()).matches(request))
                .findFirst();
    }

    @Test
    void everyRoute_hasALineInThePolicyTable() {
        Set<String> missing = new TreeSet<>();
        for (Route route : routes()) {
            if (entryFor(route).isEmpty()) {
                missing.add(route.method() + " " + route.pattern());
            }
        }
        assertThat(missing).as("routes without a line in PolicyTable (add one: see docs/development.md)").isEmpty();
    }

    @Test
    void everyRoleAndAnonymous_getExactlyTheAccessThePolicyTableGives() throws Exception {
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Route route : routes()) {
            PolicyTable.Entry entry = entryFor(route).orElse(null);
            if (entry == null) {
                continue;   // reported by everyRoute_hasALineInThePolicyTable
            }
            boolean api = route.path().startsWith("/api/");
            // /error asked for directly answers 500: it reports the failure of the request that was forwarded to it
            int serverError = route.pattern().equals("/error") ? 600 : 500;
            for (Role role : Role.values()) {
                HttpResponse<String> response = send(route, keyOf.get(role));
                requests++;
                boolean allowed = entry.allowed().contains(role);
                int status = response.statusCode();
                // allowed: anything but a refusal, and no server error either (the sample input is nonsense: 4xx)
                boolean ok = allowed ? status != 401 && status != 403 && status < serverError && !toLogin(response) : status == 403;
                if (!ok) {
                    wrong.add(route.method() + " " + route.path() + " as " + role.key() + ": " + status
                            + (allowed ? " (should be allowed, without a server error)" : " (should be 403)"));
                }
            }
            HttpResponse<String> anonymous = send(route, null);
            requests++;
            int status = anonymous.statusCode();
            boolean ok;
            if (entry.open()) {
                ok = status != 401 && status != 403 && status < serverError && !toLogin(anonymous);
            } else if (api) {
                ok = status == 401;
            } else {
                ok = toLogin(anonymous);
            }
            if (!ok) {
                wrong.add(route.method() + " " + route.path() + " anonymous: " + status + " " + anonymous.headers()
                        .firstValue("Location").orElse("") + (entry.open() ? " (public)" : " (should be denied)"));
            }
        }
        assertThat(requests).isGreaterThan(400);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPathThatExistsNowhere_404WhenLoggedIn_401OrLoginWhenAnonymous() throws Exception {
        Route api = new Route(HttpMethod.GET, "/api/v1/no-such-thing");
        Route page = new Route(HttpMethod.GET, "/no-such-page");
        assertThat(entryFor(api)).isEmpty();
        assertThat(send(api, keyOf.get(Role.WEB)).statusCode()).isEqualTo(404);
        assertThat(send(api, null).statusCode()).isEqualTo(401);
        assertThat(send(page, keyOf.get(Role.KCC)).statusCode()).isEqualTo(404);
        assertThat(toLogin(send(page, null))).isTrue();
    }

    private HttpResponse<String> send(Route route, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + route.path()));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpRequest.BodyPublisher body = route.method() == HttpMethod.GET || route.method() == HttpMethod.DELETE
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        if (route.method() != HttpMethod.GET && route.method() != HttpMethod.DELETE) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.method(route.method().name(), body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean toLogin(HttpResponse<String> response) {
        return response.statusCode() == 302
                && response.headers().firstValue("Location").map(l -> l.endsWith("/login")).orElse(false);
    }

    /** A concrete path for a route pattern: variables get a sample value that fits their regex. */
    static String samplePath(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(sample(m.group(1), m.group(2))));
        }
        m.appendTail(path);
        return path.toString().replace("/**", "/x").replace("/*", "/x");
    }

    private static String sample(String name, String regex) {
        if (regex != null) {
            if (ALTERNATIVES.matcher(regex).matches()) {
                return regex.split("\\|")[0];
            }
            if (regex.equals("\\d+")) {
                return "987654321";
            }
            if (regex.equals("\\d{4}-\\d{2}-\\d{2}")) {
                return "1999-01-04";
            }
            throw new AssertionError("no sample value for {" + name + ":" + regex + "}: add one to RouteRoleMatrixTests");
        }
        return switch (name) {
            case "id" -> UUID.randomUUID().toString();
            case "week" -> "1999-01-04";
            case "purpose" -> "participation";
            case "kind" -> "profiling";
            case "name" -> "no-such-user";
            default -> "no-such-" + name.toLowerCase();
        };
    }
}
