package nl.maatwerk.server.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.maatwerk.server.platform.CsvRows;
import nl.maatwerk.server.platform.CsvTable;
import nl.maatwerk.server.platform.FieldProblem;
import org.apache.commons.csv.CSVRecord;

/** Citizens from CSV (docs/csv-formats.md), checked by the same rules as the API. Re-imports replace. */
final class CitizenCsv implements CsvTable {

    static final List<String> COLUMNS = List.of("id", "bsn", "birth_date", "household_id", "household_type",
            "household_size", "youngest_child_age", "postcode", "house_number", "neighbourhood", "district",
            "municipality", "language", "status", "attributes");
    private static final Set<String> HEADERS = Set.of("id", "bsn", "birthDate", "householdId", "householdType",
            "householdSize", "youngestChildAge", "postcode", "houseNumber", "neighbourhood", "district", "municipality",
            "language", "status", "attributes");
    private static final Set<String> INTEGERS = Set.of("size", "youngestChildAge", "houseNumber");
    private static final Map<String, String> HOUSEHOLD = Map.of("householdId", "id", "householdType", "type",
            "householdSize", "size", "youngestChildAge", "youngestChildAge");
    private static final Set<String> ADDRESS = Set.of("postcode", "houseNumber", "neighbourhood", "district", "municipality");

    private final CitizenJson reader;
    private final ObjectMapper json = new ObjectMapper();

    CitizenCsv(CitizenJson reader) {
        this.reader = reader;
    }

    @Override
    public String table() {
        return "citizen";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> requiredHeaders() {
        return Set.of("id", "birthDate", "householdType");
    }

    @Override
    public Set<String> knownHeaders() {
        return HEADERS;
    }

    @Override
    public String[] convert(CSVRecord record, long line, List<FieldProblem> problems) {
        ObjectNode node = CsvRows.object();
        ObjectNode household = node.putObject("household");
        ObjectNode address = node.putObject("address");
        for (String header : HEADERS) {
            if (!record.isMapped(header)) {
                continue;
            }
            String value = record.get(header);
            if (HOUSEHOLD.containsKey(header)) {
                CsvRows.put(household, HOUSEHOLD.get(header), value, INTEGERS, Set.of());
            } else if (ADDRESS.contains(header)) {
                CsvRows.put(address, header, value, INTEGERS, Set.of());
            } else if (header.equals("attributes") && !value.isEmpty()) {
                try {
                    node.set("attributes", json.readTree(value));
                } catch (JsonProcessingException e) {
                    problems.add(FieldProblem.atCsv(line, "attributes", "is not a JSON object: " + e.getOriginalMessage()));
                    return null;
                }
            } else {
                CsvRows.put(node, header, value, INTEGERS, Set.of());
            }
        }
        List<FieldProblem> jsonProblems = new ArrayList<>();
        CitizenSubmission c = reader.read(node, "", null, jsonProblems);
        if (c == null) {
            for (FieldProblem p : jsonProblems) {
                String[] path = p.pointer().replaceFirst("^#/", "").split("/");
                String column = path[0].equals("household") && path.length > 1
                        ? HOUSEHOLD.entrySet().stream().filter(e -> e.getValue().equals(path[1])).map(Map.Entry::getKey).findFirst().orElse(path[1])
                        : path[0].equals("address") && path.length > 1 ? path[1] : path[0];
                problems.add(FieldProblem.atCsv(line, column, p.detail()));
            }
            return null;
        }
        return new String[] {c.id().toString(), c.bsn(), c.birthDate().toString(), str(c.householdId()), c.householdType(),
                str(c.householdSize()), str(c.youngestChildAge()), c.postcode(), str(c.houseNumber()), c.neighbourhood(),
                c.district(), c.municipality(), c.language(), c.status(), c.attributesJson()};
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    @Override
    public String insertFromStage(String stage) {
        String columns = String.join(", ", COLUMNS);
        StringBuilder update = new StringBuilder();
        for (String column : COLUMNS.subList(1, COLUMNS.size())) {
            update.append(update.isEmpty() ? "" : ", ").append(column).append(" = excluded.").append(column);
        }
        return "insert into citizen (" + columns + ") select distinct on (id) " + columns + " from " + stage
                + " order by id, line desc on conflict (id) do update set " + update + ", updated_at = now()";
    }
}
