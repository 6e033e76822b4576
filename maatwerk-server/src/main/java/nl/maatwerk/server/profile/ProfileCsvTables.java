package nl.maatwerk.server.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.model.TravelDocumentType;
import nl.maatwerk.server.platform.CsvTable;
import nl.maatwerk.server.platform.FieldProblem;
import org.apache.commons.csv.CSVRecord;

/** The simple profile files (travel documents, cases, case history): one CSV column per table column. */
final class ProfileCsvTables {

    private ProfileCsvTables() {
    }

    /** A CSV column, the table column it fills, and how its text is checked (a reason, or null when fine). */
    record Column(String header, String column, boolean required, Function<String, String> problem) {
    }

    static CsvTable travelDocuments() {
        return new Simple("travel_document", List.of(
                new Column("citizenId", "citizen_id", true, ProfileCsvTables::uuid),
                new Column("type", "type", true, v -> code(TravelDocumentType.class, v)),
                new Column("number", "number", true, v -> v.matches("[A-Z0-9]{9}") ? null : "is not 9 capitals and digits"),
                new Column("issueDate", "issue_date", true, ProfileCsvTables::date),
                new Column("expiryDate", "expiry_date", true, ProfileCsvTables::date)),
                "on conflict (number) do nothing", "number");
    }

    static CsvTable cases() {
        return new Simple("municipal_case", List.of(
                new Column("id", "id", true, ProfileCsvTables::uuid),
                new Column("citizenId", "citizen_id", true, ProfileCsvTables::uuid),
                new Column("type", "type", true, v -> code(CaseType.class, v)),
                new Column("status", "status", true, v -> code(CaseStatus.class, v)),
                new Column("submittedAt", "submitted_at", true, ProfileCsvTables::instant),
                new Column("decisionDeadline", "decision_deadline", false, ProfileCsvTables::date),
                new Column("decisionDate", "decision_date", false, ProfileCsvTables::date),
                new Column("objectionDeadline", "objection_deadline", false, ProfileCsvTables::date),
                new Column("closedAt", "closed_at", false, ProfileCsvTables::instant)),
                "on conflict (id) do update set status = excluded.status, decision_date = excluded.decision_date,"
                        + " objection_deadline = excluded.objection_deadline, closed_at = excluded.closed_at", "id");
    }

    static CsvTable caseHistory() {
        return new Simple("case_status_change", List.of(
                new Column("caseId", "case_id", true, ProfileCsvTables::uuid),
                new Column("status", "status", true, v -> code(CaseStatus.class, v)),
                new Column("at", "at", true, ProfileCsvTables::instant)),
                "on conflict do nothing", "case_id, at, status");
    }

    private static String uuid(String v) {
        try {
            UUID.fromString(v);
            return null;
        } catch (IllegalArgumentException e) {
            return "\"" + v + "\" is not a UUID";
        }
    }

    private static String date(String v) {
        try {
            LocalDate.parse(v);
            return null;
        } catch (DateTimeParseException e) {
            return "\"" + v + "\" is not a date such as 2026-03-02";
        }
    }

    private static String instant(String v) {
        try {
            OffsetDateTime.parse(v);
            return null;
        } catch (DateTimeParseException e) {
            return "\"" + v + "\" is not a date-time with offset such as 2026-03-02T08:15:00Z";
        }
    }

    private static <E extends Enum<E> & nl.maatwerk.core.model.Coded> String code(Class<E> type, String v) {
        return Codes.find(type, v).isPresent() ? null : "unknown value \"" + v + "\"; expected one of " + Codes.list(type);
    }

    private record Simple(String table, List<Column> spec, String onConflict, String key) implements CsvTable {

        @Override
        public List<String> columns() {
            return spec.stream().map(Column::column).toList();
        }

        @Override
        public Set<String> requiredHeaders() {
            return Set.copyOf(spec.stream().filter(Column::required).map(Column::header).toList());
        }

        @Override
        public Set<String> knownHeaders() {
            return Set.copyOf(spec.stream().map(Column::header).toList());
        }

        @Override
        public String[] convert(CSVRecord record, long line, List<FieldProblem> problems) {
            String[] values = new String[spec.size()];
            List<FieldProblem> found = new ArrayList<>();
            for (int i = 0; i < spec.size(); i++) {
                Column c = spec.get(i);
                String value = record.isMapped(c.header()) ? record.get(c.header()) : "";
                if (value.isEmpty()) {
                    if (c.required()) {
                        found.add(FieldProblem.atCsv(line, c.header(), "is required"));
                    }
                    continue;
                }
                String problem = c.problem().apply(value);
                if (problem != null) {
                    found.add(FieldProblem.atCsv(line, c.header(), problem));
                }
                values[i] = value;
            }
            problems.addAll(found);
            return found.isEmpty() ? values : null;
        }

        @Override
        public String insertFromStage(String stage) {
            String columns = String.join(", ", columns());
            return "insert into " + table + " (" + columns + ") select distinct on (" + key + ") " + columns + " from "
                    + stage + " order by " + key + ", line desc " + onConflict;
        }
    }
}
