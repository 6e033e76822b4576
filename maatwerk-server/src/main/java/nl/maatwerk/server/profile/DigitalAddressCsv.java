package nl.maatwerk.server.profile;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.server.platform.CsvTable;
import nl.maatwerk.server.platform.FieldProblem;
import org.apache.commons.csv.CSVRecord;

/** {@code digital_addresses.csv} (docs/csv-formats.md): one row per citizen; a later row for a citizen replaces it. */
final class DigitalAddressCsv implements CsvTable {

    private static final List<String> HEADERS = List.of("citizenId", "email", "mobilePhone", "pushToken", "preferredChannel");

    @Override
    public String table() {
        return "digital_address";
    }

    @Override
    public List<String> columns() {
        return List.of("citizen_id", "email", "mobile_phone", "push_token", "preferred_channel");
    }

    @Override
    public Set<String> requiredHeaders() {
        return Set.of("citizenId");
    }

    @Override
    public Set<String> knownHeaders() {
        return Set.copyOf(HEADERS);
    }

    @Override
    public String[] convert(CSVRecord record, long line, List<FieldProblem> problems) {
        String[] values = new String[HEADERS.size()];
        int before = problems.size();
        for (int i = 0; i < HEADERS.size(); i++) {
            String header = HEADERS.get(i);
            String value = record.isMapped(header) ? record.get(header) : "";
            if (value.isEmpty()) {
                if (i == 0) {
                    problems.add(FieldProblem.atCsv(line, header, "is required"));
                }
                continue;
            }
            String problem = switch (header) {
                case "citizenId" -> value.matches("[0-9a-fA-F-]{36}") ? null : "\"" + value + "\" is not a UUID";
                case "email" -> value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? null : "\"" + value + "\" is not an e-mail address";
                case "mobilePhone" -> value.matches("\\+[1-9][0-9]{7,14}") ? null : "\"" + value + "\" is not a phone number in E.164 form";
                case "pushToken" -> value.length() >= 8 ? null : "a push token has at least 8 characters";
                default -> Codes.find(Channel.class, value).filter(DigitalAddresses.PREFERABLE::contains).isPresent() ? null
                        : "unknown value \"" + value + "\"; expected email, sms, whatsapp, app or letter";
            };
            if (problem != null) {
                problems.add(FieldProblem.atCsv(line, header, problem));
            }
            values[i] = value;
        }
        return problems.size() == before ? values : null;
    }

    @Override
    public List<FieldProblem> checkStaged(Connection connection, String stage) throws SQLException {
        List<FieldProblem> problems = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select s.line, s.citizen_id from "
                + stage + " s where not exists (select 1 from citizen c where c.id = s.citizen_id) order by s.line limit 100")) {
            while (rs.next()) {
                problems.add(FieldProblem.atCsv(rs.getLong(1), "citizenId", "no citizen with id " + rs.getString(2)));
            }
        }
        return problems;
    }

    @Override
    public String insertFromStage(String stage) {
        return "insert into digital_address (citizen_id, email, mobile_phone, push_token, preferred_channel)"
                + " select distinct on (citizen_id) citizen_id, email, mobile_phone, push_token, preferred_channel from "
                + stage + " order by citizen_id, line desc on conflict (citizen_id) do update set email = excluded.email,"
                + " mobile_phone = excluded.mobile_phone, push_token = excluded.push_token,"
                + " preferred_channel = excluded.preferred_channel, updated_at = now()";
    }
}
