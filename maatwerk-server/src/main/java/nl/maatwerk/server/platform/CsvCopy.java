package nl.maatwerk.server.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a CSV file into a table in one transaction with PostgreSQL COPY: all rows or none. Rows are first
 * copied straight into the table (the fast path for new data); if that clashes with rows already there,
 * the transaction is rolled back and the file is staged and merged instead, which skips exact repeats.
 * Every bad field is reported with its line and column, and then nothing is written.
 */
public final class CsvCopy {

    private static final Logger log = LoggerFactory.getLogger(CsvCopy.class);
    private static final int MAX_PROBLEMS = 100;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(false).get();

    private final DataSource dataSource;

    public CsvCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The outcome of a load: rows read and rows that were new. */
    public record Result(long rows, long inserted) {
    }

    public Result load(CsvTable table, Supplier<Reader> input, ProgressListener progress) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Result result = directOrStaged(connection, table, input, progress);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                // COPY goes around the pool's proxy, so the pool would not roll back; resetting autocommit would commit
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import into " + table.table() + " failed, nothing written: " + e.getMessage(), e);
        }
    }

    private Result directOrStaged(Connection connection, CsvTable table, Supplier<Reader> input, ProgressListener progress)
            throws SQLException {
        if (table.directCopyAllowed()) {
            try {
                return copy(connection, table, input, table.table(), table.columns(), false, progress);
            } catch (SQLException e) {
                connection.rollback();
                if (!isClash(e)) {
                    throw e;
                }
                log.info("Rows of {} clash with stored ones ({}); merging through a staging table", table.table(), e.getMessage());
            }
        }
        return staged(connection, table, input, progress);
    }

    private Result staged(Connection connection, CsvTable table, Supplier<Reader> input, ProgressListener progress)
            throws SQLException {
        String stage = "stage_" + table.table().replace('.', '_');
        try (Statement st = connection.createStatement()) {
            st.execute("create temp table " + stage + " on commit drop as select " + String.join(", ", table.columns())
                    + " from " + table.table() + " with no data");
            st.execute("alter table " + stage + " add column line bigint");
        }
        List<String> columns = new ArrayList<>(table.columns());
        columns.add("line");
        long rows = copy(connection, table, input, stage, columns, true, progress).rows();
        List<FieldProblem> problems = table.checkStaged(connection, stage);
        if (!problems.isEmpty()) {
            throw new ImportProblems(problems);
        }
        try (Statement st = connection.createStatement()) {
            long inserted = st.executeUpdate(table.insertFromStage(stage));
            return new Result(rows, inserted);
        }
    }

    /** Copies the file's rows; the result counts rows read and rows written (the mapping may drop some). */
    private Result copy(Connection connection, CsvTable table, Supplier<Reader> input, String target, List<String> columns,
            boolean withLine, ProgressListener progress) throws SQLException {
        List<FieldProblem> problems = new ArrayList<>();
        long rows = 0;
        long written = 0;
        String sql = "copy " + target + " (" + String.join(", ", columns) + ") from stdin";
        PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        try (Reader reader = input.get(); CSVParser parser = parse(reader, out); CopyRows copy = new CopyRows(out)) {
            checkHeader(table, parser.getHeaderNames(), problems);
            if (!problems.isEmpty()) {
                out.cancelCopy();
                throw new ImportProblems(problems);
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                if (!record.isConsistent()) {
                    problems.add(FieldProblem.atCsv(line, null, "has " + record.size() + " fields; the header has "
                            + parser.getHeaderNames().size()));
                } else {
                    String[] values = table.convert(record, line, problems);
                    if (values != null && problems.isEmpty()) {
                        for (String value : values) {
                            copy.value(value);
                        }
                        if (withLine) {
                            copy.value(Long.toString(line));
                        }
                        copy.endRow();
                        written++;
                    }
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
                rows++;
                if (rows % 50_000 == 0) {
                    progress.progress(rows, -1);
                }
            }
            if (!problems.isEmpty()) {
                out.cancelCopy();
                throw new ImportProblems(problems);
            }
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql2) {
                throw sql2;
            }
            throw new UncheckedIOException("could not read the CSV file: " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalStateException e) {  // how commons-csv reports a malformed record
            if (e.getCause() instanceof IOException io) {
                throw new ImportProblems(List.of(FieldProblem.atCsv(rows + 2, null, "malformed CSV: " + io.getMessage())));
            }
            throw e;
        }
        progress.progress(rows, rows);
        return new Result(rows, written);
    }

    /**
     * Opens a CSV file in our format (RFC 4180 with a header). A header commons-csv refuses (an empty or a repeated
     * column name) is a problem on line 1, not an {@link IllegalArgumentException}: found by fuzzing
     * ({@code ContactFuzzTests}, bench/fuzz/RESULTS.md).
     */
    public static CSVParser parse(Reader reader) throws IOException {
        CSVParser parser;
        try {
            parser = FORMAT.parse(reader);
        } catch (IllegalArgumentException e) {
            throw new ImportProblems(List.of(FieldProblem.atCsv(1, null, "the header cannot be used: " + e.getMessage())));
        }
        // commons-csv lets a name occur twice; its record check then counts names once and a row can be one short
        Set<String> seen = new HashSet<>();
        for (String name : parser.getHeaderNames()) {
            if (!seen.add(name)) {
                parser.close();
                throw new ImportProblems(List.of(FieldProblem.atCsv(1, name, "the column occurs more than once in the header")));
            }
        }
        return parser;
    }

    private static CSVParser parse(Reader reader, PGCopyOutputStream out) throws IOException, SQLException {
        try {
            return parse(reader);
        } catch (ImportProblems e) {
            out.cancelCopy();
            throw e;
        }
    }

    private static void checkHeader(CsvTable table, List<String> header, List<FieldProblem> problems) {
        Set<String> present = new HashSet<>(header);
        for (String required : table.requiredHeaders()) {
            if (!present.contains(required)) {
                problems.add(FieldProblem.atCsv(1, required, "required column is missing from the header"));
            }
        }
        for (String name : header) {
            if (!table.knownHeaders().isEmpty() && !table.knownHeaders().contains(name)) {
                problems.add(FieldProblem.atCsv(1, name, "unknown column; known columns are "
                        + String.join(", ", table.knownHeaders())));
            }
        }
    }

    private static boolean isClash(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("23505".equals(s.getSQLState()) || "23503".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
