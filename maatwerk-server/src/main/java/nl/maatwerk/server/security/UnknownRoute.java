package nl.maatwerk.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last rule, for requests that match no {@link PolicyTable} line: a route that exists (a controller method
 * answers it) is denied to everyone; a path that exists nowhere lets a logged-in caller through to the usual 404, so
 * a typo is reported as one. Anonymous callers learn nothing: 401 or the login form either way.
 */
final class UnknownRoute implements AuthorizationManager<RequestAuthorizationContext> {

    private final Supplier<RequestMappingHandlerMapping> controllers;

    UnknownRoute(Supplier<RequestMappingHandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication who = authentication.get();
        boolean loggedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
        return new AuthorizationDecision(loggedIn && !hasController(context.getRequest()));
    }

    private boolean hasController(HttpServletRequest request) {
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsed) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return controllers.get().getHandler(request) != null;
        } catch (Exception wrongMethodOrMediaType) {
            return true;
        } finally {
            if (!parsed) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
