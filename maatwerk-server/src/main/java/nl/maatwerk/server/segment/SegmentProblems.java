package nl.maatwerk.server.segment;

import java.util.List;
import java.util.Locale;
import nl.maatwerk.core.segment.SegmentException;
import nl.maatwerk.core.segment.SegmentProblem;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;

/**
 * Segment problems as API problems: a syntax or JSON-form problem is 400 (the request is malformed), every other
 * kind 422 (well-formed, but not allowed or not known). The type is {@code segment-<kind>} after the first
 * problem ({@code segment-syntax}, {@code segment-special-category}, {@code segment-cycle}, …); each problem is
 * an error at the request's {@code /expression} with line, column, token and expected, in the caller's language.
 */
final class SegmentProblems {

    private SegmentProblems() {
    }

    static ApiProblem of(SegmentException e, String pointer) {
        Locale locale = LocaleContextHolder.getLocale();
        List<SegmentProblem> problems = e.problems();
        SegmentProblem first = problems.get(0);
        boolean malformed = problems.stream().allMatch(p -> p.kind() == SegmentProblem.Kind.SYNTAX
                || p.kind() == SegmentProblem.Kind.JSON);
        List<FieldProblem> errors = problems.stream().map(p -> FieldProblem.atText(
                p.kind() == SegmentProblem.Kind.UNKNOWN_PURPOSE ? "/purpose" : pointer, p.line(), p.column(), p.token(),
                p.expected(), p.message(locale))).toList();
        String detail = errors.size() == 1 ? first.message(locale) : first.message(locale) + " (+" + (errors.size() - 1) + ")";
        return ApiProblem.of(malformed ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY, type(first.kind()),
                detail, errors);
    }

    static String type(SegmentProblem.Kind kind) {
        return kind.key().replace('.', '-');
    }
}
