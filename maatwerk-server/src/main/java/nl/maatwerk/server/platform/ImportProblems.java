package nl.maatwerk.server.platform;

import java.util.List;

/** An import refused as a whole, with the problems found (line and column each); nothing was written. */
public class ImportProblems extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public ImportProblems(List<FieldProblem> problems) {
        super(problems.size() + " problem(s), nothing imported; first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
