package nl.maatwerk.server.security;

import static nl.maatwerk.server.security.Role.ANALIST;
import static nl.maatwerk.server.security.Role.CAMPAGNE;
import static nl.maatwerk.server.security.Role.INTEGRATOR;
import static nl.maatwerk.server.security.Role.KCC;
import static nl.maatwerk.server.security.Role.PRIVACY;
import static nl.maatwerk.server.security.Role.WEB;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may reach which route: one line per route pattern (Spring path patterns) and method, first match wins. A route
 * that matches no line is denied to everyone, and {@code RouteRoleMatrixTests} fails for every handler without a
 * line. {@link Role#BEHEER} is added to every non-public line (administration may do everything; each read of personal
 * data is still audit-logged with its role).
 */
final class PolicyTable {

    /** {@code null} method: any method. An empty role set with {@code open}: no login needed. */
    record Entry(HttpMethod method, String pattern, Set<Role> roles, boolean open) {
        Set<Role> allowed() {
            if (open) {
                return EnumSet.allOf(Role.class);
            }
            Set<Role> all = EnumSet.copyOf(roles);
            all.add(Role.BEHEER);
            return all;
        }
    }

    private static final HttpMethod ANY = null;
    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod PUT = HttpMethod.PUT;
    private static final HttpMethod DELETE = HttpMethod.DELETE;
    private static final Role[] STAFF = {KCC, ANALIST, CAMPAGNE, INTEGRATOR, PRIVACY};
    private static final Role[] EVERY_ROLE = {KCC, ANALIST, CAMPAGNE, WEB, INTEGRATOR, PRIVACY};

    static final List<Entry> ENTRIES = List.of(
            // public: login, assets, health, API documentation, and callbacks that check a signature of their own
            open(GET, "/login"),
            open(ANY, "/error"),
            open(GET, "/css/**"),
            open(GET, "/js/**"),
            open(GET, "/webjars/**"),
            open(GET, "/favicon.ico"),
            open(GET, "/actuator/health"),
            open(GET, "/actuator/health/**"),
            open(GET, "/api/v1/openapi.json"),
            open(GET, "/api/v1/openapi.json/**"),
            open(GET, "/api/v1/openapi.json.yaml"),
            open(GET, "/api/v1/docs"),
            open(GET, "/api/v1/docs/**"),
            open(GET, "/api/v1/swagger-ui/**"),
            open(ANY, "/api/v1/delivery/callbacks/**"),
            open(GET, "/r/**"),

            rule(GET, "/actuator/**"),

            // pages
            rule(GET, "/", STAFF),
            rule(GET, "/dashboard", ANALIST, CAMPAGNE),
            rule(GET, "/dashboard/{page}", ANALIST, CAMPAGNE),
            rule(GET, "/bulletins", ANALIST, CAMPAGNE, KCC),
            rule(GET, "/bulletins/{week}", ANALIST, CAMPAGNE, KCC),
            rule(GET, "/bulletins/{week}.pdf", ANALIST, CAMPAGNE, KCC),
            rule(POST, "/bulletins", ANALIST),
            rule(POST, "/bulletins/{week}/send", ANALIST),
            rule(GET, "/citizens", KCC, PRIVACY),
            rule(GET, "/citizens/{id}", KCC, PRIVACY),
            rule(GET, "/citizens/{id}/contacts", KCC, PRIVACY),
            rule(GET, "/segments", CAMPAGNE),
            rule(POST, "/segments", CAMPAGNE),
            rule(POST, "/segments/preview", CAMPAGNE),
            rule(GET, "/segments/{key}", CAMPAGNE),
            rule(GET, "/segments/{key}/overlap", CAMPAGNE),
            rule(GET, "/privacy/audit", PRIVACY),
            rule(ANY, "/privacy/**", PRIVACY),
            rule(ANY, "/beheer/**"),
            rule(GET, "/beheer"),

            // API: ingest
            rule(POST, "/api/v1/contacts", INTEGRATOR),
            rule(POST, "/api/v1/contacts/batch", INTEGRATOR),
            rule(PUT, "/api/v1/citizens/{id}", INTEGRATOR),
            rule(POST, "/api/v1/citizens/batch", INTEGRATOR),
            // API: one citizen at a time
            rule(GET, "/api/v1/contacts/{id}", KCC, PRIVACY),
            rule(GET, "/api/v1/citizens/{id}", KCC, PRIVACY),
            rule(GET, "/api/v1/citizens/{id}/contacts", KCC, PRIVACY),
            rule(GET, "/api/v1/citizens/{id}/travel-documents", KCC, PRIVACY),
            rule(GET, "/api/v1/citizens/{id}/cases", KCC, PRIVACY),
            rule(GET, "/api/v1/citizens/{id}/segments", KCC, PRIVACY),
            rule(GET, "/api/v1/citizens/{id}/consents", KCC, PRIVACY),
            rule(PUT, "/api/v1/citizens/{id}/consents/{purpose}", KCC, INTEGRATOR, PRIVACY),
            rule(PUT, "/api/v1/citizens/{id}/objections/{kind}", KCC, INTEGRATOR, PRIVACY),
            rule(GET, "/api/v1/citizens/{id}/digital-addresses", KCC, PRIVACY),
            rule(PUT, "/api/v1/citizens/{id}/digital-addresses", KCC, INTEGRATOR),
            // API: segments (counts; the member list is an export of personal data: administration only)
            rule(GET, "/api/v1/segments/{key}/members"),
            rule(GET, "/api/v1/segments", CAMPAGNE),
            rule(POST, "/api/v1/segments", CAMPAGNE),
            rule(POST, "/api/v1/segments/preview", CAMPAGNE),
            rule(GET, "/api/v1/segments/tree", CAMPAGNE),
            rule(GET, "/api/v1/segments/{key}", CAMPAGNE),
            rule(PUT, "/api/v1/segments/{key}", CAMPAGNE),
            rule(DELETE, "/api/v1/segments/{key}", CAMPAGNE),
            rule(GET, "/api/v1/segments/{key}/overlap/{otherKey}", CAMPAGNE),
            rule(GET, "/api/v1/segments/{key}/profile", CAMPAGNE),
            rule(GET, "/api/v1/segments/{key}/consistency", CAMPAGNE),
            // API: aggregates
            rule(GET, "/api/v1/analytics/**", ANALIST, CAMPAGNE),
            rule(GET, "/api/v1/bulletins", ANALIST, CAMPAGNE, KCC),
            rule(GET, "/api/v1/bulletins/{week}", ANALIST, CAMPAGNE, KCC),
            rule(POST, "/api/v1/bulletins", ANALIST),
            rule(POST, "/api/v1/bulletins/{week}/send", ANALIST),
            // API: privacy
            rule(GET, "/api/v1/registers/**", EVERY_ROLE),
            rule(GET, "/api/v1/audit", PRIVACY),
            rule(GET, "/api/v1/audit/verification", PRIVACY),
            rule(ANY, "/api/v1/privacy/**", PRIVACY),
            // engage: journeys (counts for campaign staff; real-citizen previews and dry-run samples check the role
            // inside), contact-centre tasks, outcomes posted by integrators
            rule(GET, "/journeys", CAMPAGNE),
            rule(POST, "/journeys", CAMPAGNE),
            rule(GET, "/journeys/{key}", CAMPAGNE),
            rule(POST, "/journeys/{key}", CAMPAGNE),
            rule(POST, "/journeys/{key}/enabled", CAMPAGNE),
            rule(POST, "/journeys/{key}/dry-run", CAMPAGNE),
            rule(GET, "/tasks", KCC),
            rule(GET, "/tasks/{id}", KCC),
            rule(POST, "/tasks/{id}/done", KCC),
            rule(GET, "/api/v1/journeys/{key}/citizens/{citizenId}/decisions", KCC),
            rule(POST, "/api/v1/journeys/{key}/preview", CAMPAGNE, KCC),
            rule(ANY, "/api/v1/journeys", CAMPAGNE),
            rule(ANY, "/api/v1/journeys/**", CAMPAGNE),
            rule(GET, "/api/v1/tasks", KCC),
            rule(GET, "/api/v1/tasks/{id}", KCC),
            rule(POST, "/api/v1/tasks/{id}/done", KCC),
            rule(POST, "/api/v1/outcomes", INTEGRATOR),
            // engage: sent messages (the list shows no recipient or content; a message is personal data, audit-logged)
            rule(GET, "/messages", KCC, CAMPAGNE),
            rule(GET, "/messages/{id}", KCC),
            rule(GET, "/messages/{id}/email.html", KCC),
            rule(GET, "/messages/{id}/letter.pdf", KCC),
            // API: the website
            rule(ANY, "/api/v1/personalization/**", WEB),
            // API: administration
            rule(ANY, "/api/v1/api-keys/**"),
            rule(ANY, "/api/v1/api-keys"));

    private PolicyTable() {
    }

    private static Entry open(HttpMethod method, String pattern) {
        return new Entry(method, pattern, Set.of(), true);
    }

    private static Entry rule(HttpMethod method, String pattern, Role... roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(List.of(roles));
        return new Entry(method, pattern, set, false);
    }
}
