package nl.maatwerk.server.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/** What {@link CsvCopy} needs to know to load one kind of CSV file into one table. */
public interface CsvTable {

    String table();

    /** The table columns each converted row fills, in order. */
    List<String> columns();

    Set<String> requiredHeaders();

    /** The headers a file may have; empty when any other column is ignored. */
    Set<String> knownHeaders();

    /**
     * Converts one record into values for {@link #columns()} (PostgreSQL text form, null for NULL), adding
     * a problem per bad field; returns null when the record had problems.
     */
    String[] convert(CSVRecord record, long line, List<FieldProblem> problems);

    /** Whether rows may be copied straight into the table, falling back to staging on a key clash. */
    default boolean directCopyAllowed() {
        return true;
    }

    /** Checks the staged rows (table {@code stage}, with a {@code line} column) against the database. */
    default List<FieldProblem> checkStaged(Connection connection, String stage) throws SQLException {
        return List.of();
    }

    /** SQL that moves the staged rows into the table, skipping or updating rows that are already there. */
    String insertFromStage(String stage);
}
