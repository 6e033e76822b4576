package nl.maatwerk.core.segment;

import java.util.List;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;

/** Compiles the {@code where} of {@code count(cases …)} into a test over a {@link StoredCase}. */
final class CaseFilters {

    private static final long OPEN = ~Masks.of(CaseStatus.class, List.of("decided", "closed"));

    private CaseFilters() {
    }

    /** A compiled case filter. */
    @FunctionalInterface
    interface CaseTest {
        boolean test(StoredCase row);
    }

    static CaseTest test(Plan where) {
        if (where == null) {
            return row -> true;
        } else if (where instanceof Plan.All all) {
            List<CaseTest> tests = all.parts().stream().map(CaseFilters::test).toList();
            return row -> tests.stream().allMatch(t -> t.test(row));
        } else if (where instanceof Plan.Any any) {
            List<CaseTest> tests = any.parts().stream().map(CaseFilters::test).toList();
            return row -> tests.stream().anyMatch(t -> t.test(row));
        } else if (where instanceof Plan.Not not) {
            CaseTest inner = test(not.part());
            return row -> !inner.test(row);
        } else if (where instanceof Plan.Flag) {
            return row -> (OPEN & 1L << row.status()) != 0;
        } else if (where instanceof Plan.Range r) {
            return row -> {
                long v;
                long missing;
                switch (r.field().column()) {
                    case CASE_SUBMITTED_AT -> {
                        v = row.submitted();
                        missing = StoredCase.NO_MOMENT;
                    }
                    case CASE_CLOSED_AT -> {
                        v = row.closed();
                        missing = StoredCase.NO_MOMENT;
                    }
                    case CASE_DECISION_DEADLINE -> {
                        v = row.decisionDeadline();
                        missing = NumberColumn.MISSING;
                    }
                    case CASE_DECISION_DATE -> {
                        v = row.decisionDate();
                        missing = NumberColumn.MISSING;
                    }
                    case CASE_OBJECTION_DEADLINE -> {
                        v = row.objectionDeadline();
                        missing = NumberColumn.MISSING;
                    }
                    default -> throw new IllegalArgumentException("no case column " + r.field());
                }
                return v != missing && (v >= r.from() && v < r.to()) != r.negated();
            };
        } else if (where instanceof Plan.Among a) {
            long mask = a.field().column() == Column.CASE_TYPE ? Masks.of(CaseType.class, a.values())
                    : Masks.of(CaseStatus.class, a.values());
            boolean type = a.field().column() == Column.CASE_TYPE;
            return row -> ((mask & 1L << (type ? row.type() : row.status())) != 0) != a.negated();
        }
        throw new IllegalArgumentException("not a case filter: " + where);
    }
}
