package nl.maatwerk.server.cli;

import java.util.List;
import java.util.Set;
import nl.maatwerk.server.platform.CsvTable;
import nl.maatwerk.server.platform.FieldProblem;
import org.apache.commons.csv.CSVRecord;

/**
 * The generator's hidden planted preferences, loaded into the separate schema {@code truth} that the
 * product never reads; later learning is scored against it.
 */
final class TruthCsv implements CsvTable {

    private static final List<String> HEADERS = List.of("citizenId", "preferredChannel", "preferredHourBlock", "responsiveness");

    @Override
    public String table() {
        return "truth.planted_preference";
    }

    @Override
    public List<String> columns() {
        return List.of("citizen_id", "preferred_channel", "preferred_hour_block", "responsiveness");
    }

    @Override
    public Set<String> requiredHeaders() {
        return Set.copyOf(HEADERS);
    }

    @Override
    public Set<String> knownHeaders() {
        return Set.copyOf(HEADERS);
    }

    @Override
    public String[] convert(CSVRecord record, long line, List<FieldProblem> problems) {
        return HEADERS.stream().map(record::get).toArray(String[]::new);
    }

    @Override
    public String insertFromStage(String stage) {
        return "insert into truth.planted_preference select citizen_id, preferred_channel, preferred_hour_block, responsiveness"
                + " from " + stage + " on conflict (citizen_id) do nothing";
    }
}
