package nl.maatwerk.server.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a trace id: the caller's {@code X-Trace-Id} when it is a plain token, otherwise a new one.
 * It is returned in the response's {@code X-Trace-Id} header and read by the audit log through {@link #of}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceId extends OncePerRequestFilter {

    public static final String HEADER = "X-Trace-Id";

    private static final String ATTRIBUTE = TraceId.class.getName();
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The trace id of this request; a new one when the filter did not run (a test calling a bean directly). */
    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String s ? s : fresh();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : fresh();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
    }

    private static String fresh() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
