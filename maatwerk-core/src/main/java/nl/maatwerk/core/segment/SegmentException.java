package nl.maatwerk.core.segment;

import java.util.List;
import java.util.stream.Collectors;

/** A segment expression that cannot be used, with every problem found (not only the first). */
public final class SegmentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SegmentProblem> problems;

    public SegmentException(List<SegmentProblem> problems) {
        super(problems.stream().map(SegmentProblem::message).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a segment exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<SegmentProblem> problems() {
        return problems;
    }
}
