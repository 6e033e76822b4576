package nl.maatwerk.server.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem+json body directly, for failures that happen before Spring MVC is reached. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(HttpServletResponse response, int status, String type, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = "{\"type\":\"urn:maatwerk:problem:" + type + "\",\"status\":" + status
                + ",\"title\":\"" + escape(title(status)) + "\",\"detail\":\"" + escape(detail) + "\"}";
        response.getWriter().write(body);
    }

    private static String title(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            default -> "Error";
        };
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
