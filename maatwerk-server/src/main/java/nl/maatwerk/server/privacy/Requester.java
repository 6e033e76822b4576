package nl.maatwerk.server.privacy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import nl.maatwerk.server.platform.TraceId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who asks: recorded with every consent change and every read of personal data. The actor and role come from the
 * authenticated principal (a user name, an OpenID Connect subject, or an API key as {@code owner (key id)}), never
 * from anything the caller merely claims.
 */
public record Requester(String actor, String role, String traceId, String path) {

    public static final String ANONYMOUS = "anonymous";

    public Requester {
        if (actor == null || actor.isBlank() || role == null || role.isBlank()) {
            throw new IllegalArgumentException("a requester needs an actor and a role");
        }
    }

    public static Requester of(HttpServletRequest request) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String actor = ANONYMOUS;
        String role = ANONYMOUS;
        if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
            actor = limit(who.getName());
            String roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().collect(Collectors.joining(","));
            role = roles.isEmpty() ? "none" : roles;
        }
        // the path without its query: a query may hold a BSN
        return new Requester(actor, role, TraceId.of(request), request.getRequestURI());
    }

    /** A command run on the server itself (no request). */
    public static Requester system(String command) {
        return new Requester("system:" + command, "system", null, null);
    }

    private static String limit(String name) {
        return name.length() <= 200 ? name : name.substring(0, 200);
    }
}
