package nl.maatwerk.server.privacy;

import java.util.List;

/**
 * How long one category of data is kept (V13 {@code retention_rule}): rows of {@code table} older than
 * {@code period} by {@code timeColumn} are deleted, or anonymised by setting {@code clearColumns} to null.
 */
public record RetentionRule(String category, String description, String purpose, String table, String timeColumn,
        String period, String action, List<String> clearColumns) {

    public RetentionRule {
        clearColumns = List.copyOf(clearColumns);
    }
}
