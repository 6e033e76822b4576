package nl.maatwerk.server.privacy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import nl.maatwerk.server.platform.TraceId;

/**
 * Who asks, as far as we know: recorded with every consent change and every read of personal data.
 *
 * <p>Temporary, until login exists: the actor is the {@code X-Maatwerk-Actor} header (a plain name, at most 100
 * characters) or {@code anonymous}, and the role is always {@code unauthenticated}. Nothing checks the header;
 * the login issue replaces both with the authenticated user and role.
 */
public record Requester(String actor, String role, String traceId, String path) {

    public static final String ACTOR_HEADER = "X-Maatwerk-Actor";
    public static final String ANONYMOUS = "anonymous";
    public static final String UNAUTHENTICATED = "unauthenticated";

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} ._@-]{1,100}");

    public Requester {
        if (actor == null || actor.isBlank() || role == null || role.isBlank()) {
            throw new IllegalArgumentException("a requester needs an actor and a role");
        }
    }

    public static Requester of(HttpServletRequest request) {
        String header = request.getHeader(ACTOR_HEADER);
        String actor = header != null && PLAIN.matcher(header.strip()).matches() ? header.strip() : ANONYMOUS;
        // the path without its query: a query may hold a BSN
        return new Requester(actor, UNAUTHENTICATED, TraceId.of(request), request.getRequestURI());
    }

    /** A command run on the server itself (no request). */
    public static Requester system(String command) {
        return new Requester("system:" + command, "system", null, null);
    }
}
