package nl.maatwerk.server.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import nl.maatwerk.server.platform.CopyRows;
import nl.maatwerk.server.platform.CsvRows;
import nl.maatwerk.server.platform.CsvTable;
import nl.maatwerk.server.platform.FieldProblem;
import org.apache.commons.csv.CSVRecord;

/** Contacts from CSV, in our own format (docs/csv-formats.md) or a foreign one through a {@link ContactMapping}. */
final class ContactCsv implements CsvTable {

    private static final Set<String> INTEGERS = Set.of("satisfaction");
    private static final Set<String> BOOLEANS = Set.of("resolvedFirstContact");
    private static final Set<String> REQUIRED = Set.of("source", "sourceId", "channel", "direction", "kind", "topic", "occurredAt");

    private final ContactMapping mapping;
    private final Supplier<Map<String, UUID>> citizensByBsn;
    private Map<String, UUID> bsnIndex;
    private long skipped;
    private long droppedValues;

    ContactCsv(ContactMapping mapping, Supplier<Map<String, UUID>> citizensByBsn) {
        this.mapping = mapping;
        this.citizensByBsn = citizensByBsn;
    }

    long skipped() {
        return skipped;
    }

    long droppedValues() {
        return droppedValues;
    }

    /** Whether every problem is in a field the mapping lets go of when invalid. */
    private boolean droppable(List<FieldProblem> problems) {
        return !problems.isEmpty() && problems.stream().allMatch(p -> p.pointer() != null
                && mapping.dropInvalid().contains(p.pointer().substring(2)));
    }

    @Override
    public String table() {
        return "contact";
    }

    @Override
    public List<String> columns() {
        return ContactStore.COLUMNS;
    }

    @Override
    public Set<String> requiredHeaders() {
        if (mapping == null) {
            return REQUIRED;
        }
        return Set.copyOf(mapping.columns().values());
    }

    @Override
    public Set<String> knownHeaders() {
        return mapping == null ? ContactJson.FIELDS : Set.of();
    }

    @Override
    public String[] convert(CSVRecord record, long line, List<FieldProblem> problems) {
        ObjectNode node = CsvRows.object();
        if (mapping == null) {
            for (String field : ContactJson.FIELDS) {
                if (record.isMapped(field)) {
                    CsvRows.put(node, field, record.get(field), INTEGERS, BOOLEANS);
                }
            }
        } else {
            mapping.constants().forEach((field, value) -> CsvRows.put(node, field, value, INTEGERS, BOOLEANS));
            for (Map.Entry<String, String> column : mapping.columns().entrySet()) {
                String ours = mapping.translate(column.getKey(), record.get(column.getValue()));
                if (ContactMapping.SKIP.equals(ours)) {
                    skipped++;
                    return null;
                }
                CsvRows.put(node, column.getKey(), ours, INTEGERS, BOOLEANS);
            }
        }
        List<FieldProblem> jsonProblems = new ArrayList<>();
        ContactSubmission c = ContactJson.read(node, "", jsonProblems);
        if (c == null && mapping != null && droppable(jsonProblems)) {
            jsonProblems.forEach(p -> node.remove(p.pointer().substring(2)));
            droppedValues += jsonProblems.size();
            jsonProblems.clear();
            c = ContactJson.read(node, "", jsonProblems);
        }
        if (c == null) {
            CsvRows.toCsv(jsonProblems, line, field -> mapping == null ? field : mapping.columns().getOrDefault(field, field), problems);
            return null;
        }
        UUID hash = c.contentHash();
        if (c.citizenId() == null && c.bsn() != null) {
            if (bsnIndex == null) {
                bsnIndex = citizensByBsn.get();
            }
            UUID id = bsnIndex.get(c.bsn());
            if (id == null) {
                problems.add(FieldProblem.atCsv(line, "bsn", "no citizen with this BSN"));
                return null;
            }
            c = c.withCitizen(id);
        }
        String[] values = new String[ContactStore.COLUMNS.size()];
        CopyRows.Collector collector = new CopyRows.Collector(values);
        ContactStore.copyValues(collector, c, hash);
        return values;
    }

    @Override
    public List<FieldProblem> checkStaged(Connection connection, String stage) throws SQLException {
        List<FieldProblem> problems = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet unknown = st.executeQuery("select line, citizen_id from " + stage + " s where citizen_id is not null"
                     + " and not exists (select 1 from citizen c where c.id = s.citizen_id) order by line limit 100")) {
            while (unknown.next()) {
                problems.add(FieldProblem.atCsv(unknown.getLong(1), "citizenId", "no citizen with id " + unknown.getString(2)));
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet clash = st.executeQuery("select s.line from " + stage + " s join contact c on c.source = s.source"
                     + " and c.source_id = s.source_id where c.content_hash <> s.content_hash order by s.line limit 100")) {
            while (clash.next()) {
                problems.add(FieldProblem.atCsv(clash.getLong(1), "sourceId",
                        "source + sourceId already stored with other content"));
            }
        }
        try (Statement st = connection.createStatement();
             ResultSet twins = st.executeQuery("select max(line) from " + stage + " group by source, source_id"
                     + " having count(distinct content_hash) > 1 order by 1 limit 100")) {
            while (twins.next()) {
                problems.add(FieldProblem.atCsv(twins.getLong(1), "sourceId",
                        "source + sourceId appears earlier in the file with other content"));
            }
        }
        return problems;
    }

    @Override
    public String insertFromStage(String stage) {
        String columns = String.join(", ", ContactStore.COLUMNS);
        return "insert into contact (" + columns + ") select distinct on (source, source_id) " + columns + " from " + stage
                + " order by source, source_id, line on conflict (source, source_id) do nothing";
    }
}
