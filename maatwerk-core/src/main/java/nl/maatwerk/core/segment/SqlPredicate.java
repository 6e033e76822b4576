package nl.maatwerk.core.segment;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL boolean expression over {@code citizen c} with {@code ?} placeholders, and the values to bind
 * to them in order ({@link String}, {@link Long}, {@link java.math.BigDecimal}, {@link java.time.LocalDate},
 * {@link java.time.OffsetDateTime}); no user text is ever part of {@code sql}. Use it as
 * {@code select c.seq from citizen c where <sql>} and subtract the citizens who objected to profiling, as the
 * index does.
 */
public record SqlPredicate(String sql, List<Object> parameters) {

    public SqlPredicate {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
        long placeholders = sql.chars().filter(ch -> ch == '?').count();
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException(placeholders + " placeholders but " + parameters.size() + " parameters");
        }
    }
}
