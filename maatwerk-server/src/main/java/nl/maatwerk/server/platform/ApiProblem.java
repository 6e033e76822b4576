package nl.maatwerk.server.platform;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request we refuse, with the problem type, the HTTP status and each offending field. Thrown anywhere
 * below a controller; {@link ProblemAdvice} turns it into {@code application/problem+json}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final transient List<FieldProblem> errors;

    private ApiProblem(HttpStatus status, String type, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem invalid(List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input",
                errors.size() == 1 ? errors.get(0).toString() : errors.size() + " problems in the request; see errors", errors);
    }

    public static ApiProblem invalid(FieldProblem error) {
        return invalid(List.of(error));
    }

    public static ApiProblem unknownReference(List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-reference",
                errors.size() == 1 ? errors.get(0).toString() : errors.size() + " unknown references; see errors", errors);
    }

    public static ApiProblem conflict(String detail, List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", detail, errors);
    }

    /** A refusal of its own kind (a stable type key such as {@code segment-cycle}), for capabilities with richer rules. */
    public static ApiProblem of(HttpStatus status, String type, String detail, List<FieldProblem> errors) {
        if (!type.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a problem type is lower-case words joined by -, was " + type);
        }
        return new ApiProblem(status, type, detail, errors);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", detail, List.of());
    }

    public static ApiProblem tooLarge(String detail) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable problem type URI. */
    public URI type() {
        return typeUri(type);
    }

    public String typeKey() {
        return type;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    static URI typeUri(String key) {
        return URI.create("urn:maatwerk:problem:" + key);
    }
}
