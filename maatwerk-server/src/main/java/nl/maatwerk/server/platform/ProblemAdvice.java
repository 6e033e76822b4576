package nl.maatwerk.server.platform;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API failure leaves as RFC 9457 {@code application/problem+json}, titled in the caller's language. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final MessageSource messages;

    ProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> handle(ApiProblem problem) {
        log.warn("{} {}: {}", problem.status().value(), problem.typeKey(), problem.getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(problem.type());
        body.setTitle(title(problem.typeKey(), problem.status().getReasonPhrase()));
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        return ResponseEntity.status(problem.status()).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed to handle the request; nothing was written. The failure has been logged.");
        body.setType(ApiProblem.typeUri("internal"));
        body.setTitle(title("internal", "Internal Server Error"));
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimit.TooLarge tooLarge) {
                return ResponseEntity.status(413).body(handle(ApiProblem.tooLarge(tooLarge.getMessage())).getBody());
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        log.warn("{} {}", statusCode.value(), ex.getMessage());
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(ApiProblem.typeUri("http-" + statusCode.value()));
        }
        return response;
    }

    private String title(String key, String fallback) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("problem.title." + key, null, fallback, locale);
    }
}
