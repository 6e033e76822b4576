package nl.maatwerk.server.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;
import nl.maatwerk.core.model.TravelDocumentType;
import nl.maatwerk.core.segment.AttributeDefinition;
import nl.maatwerk.core.segment.CaseRow;
import nl.maatwerk.core.segment.CitizenRow;
import nl.maatwerk.core.segment.ContactRow;
import nl.maatwerk.core.segment.TravelDocumentRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads citizens, contacts, travel documents and cases from PostgreSQL as the segment index's rows. Each query
 * takes a condition on the citizen ({@code c}) or contact ({@code k}) and streams with a cursor, so loading a
 * whole municipality does not hold every row at once. Attribute values are typed per the attribute register.
 */
@Component
class IndexLoader {

    /** A citizen row with the flag the index keeps apart. */
    record Citizen(CitizenRow row, boolean objected) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    IndexLoader(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(10_000);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
    }

    void citizens(String condition, Object[] args, Map<String, AttributeDefinition.Type> types, Consumer<Citizen> into) {
        stream("select c.seq, c.birth_date, c.household_type, c.household_size, c.youngest_child_age, c.postcode,"
                + " c.neighbourhood, c.district, c.language, c.status, c.attributes::text, c.profiling_objection"
                + " from citizen c where " + condition, args, rs -> into.accept(new Citizen(new CitizenRow(rs.getInt(1),
                rs.getObject(2, LocalDate.class), code(HouseholdType.class, rs.getString(3)), integer(rs, 4), integer(rs, 5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                code(RegistrationStatus.class, rs.getString(10)), attributes(rs.getString(11), types)), rs.getBoolean(12))));
    }

    /** A citizen's latest purpose-wide consent event for one purpose: does it keep them out of its segments? */
    record Withdrawal(int seq, String purpose, boolean withdrawn) {
    }

    /**
     * Per citizen and purpose, whether the latest consent event for the purpose as a whole (no channel) keeps the
     * citizen out of the purpose's segments: consent withdrawn (for a purpose resting on consent), or an objection
     * (for public task or legitimate interest; "withdrawn" there lifts the objection).
     */
    void withdrawals(String condition, Object[] args, Consumer<Withdrawal> into) {
        stream("select c.seq, e.purpose, e.state = 'objected' or (e.state = 'withdrawn' and e.legal_basis = 'consent')"
                + " from (select distinct on (citizen_id, purpose) citizen_id, purpose, state, legal_basis"
                + " from consent_event where channel is null order by citizen_id, purpose, id desc) e"
                + " join citizen c on c.id = e.citizen_id where " + condition, args,
                rs -> into.accept(new Withdrawal(rs.getInt(1), rs.getString(2), rs.getBoolean(3))));
    }

    void contacts(String condition, Object[] args, Consumer<ContactRow> into) {
        stream("select k.id, c.seq, k.channel, k.direction, k.kind, k.topic, k.subtopic, k.occurred_at, k.satisfaction"
                + " from contact k join citizen c on c.id = k.citizen_id where " + condition, args,
                rs -> into.accept(new ContactRow(rs.getLong(1), rs.getInt(2), code(Channel.class, rs.getString(3)),
                        code(Direction.class, rs.getString(4)), code(ContactKind.class, rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getTimestamp(8).toInstant(), integer(rs, 9))));
    }

    void travelDocuments(String condition, Object[] args, Consumer<TravelDocumentRow> into) {
        stream("select d.number, c.seq, d.type, d.issue_date, d.expiry_date from travel_document d"
                + " join citizen c on c.id = d.citizen_id where " + condition, args,
                rs -> into.accept(new TravelDocumentRow(rs.getString(1), rs.getInt(2), code(TravelDocumentType.class, rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))));
    }

    void cases(String condition, Object[] args, Consumer<CaseRow> into) {
        stream("select m.id, c.seq, m.type, m.status, m.submitted_at, m.decision_deadline, m.decision_date,"
                + " m.objection_deadline, m.closed_at from municipal_case m join citizen c on c.id = m.citizen_id where "
                + condition, args, rs -> into.accept(new CaseRow(rs.getObject(1, UUID.class), rs.getInt(2),
                code(CaseType.class, rs.getString(3)), code(CaseStatus.class, rs.getString(4)),
                rs.getTimestamp(5).toInstant(), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant())));
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void stream(String sql, Object[] args, RowHandler handler) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, rs -> {
            handler.handle(rs);
        }, args));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static <E extends Enum<E> & nl.maatwerk.core.model.Coded> E code(Class<E> type, String code) {
        return Codes.find(type, code).orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " " + code));
    }

    /** The register-typed values of a citizen's attributes; undeclared or mistyped ones are left out. */
    static Map<String, Object> attributes(String json, Map<String, AttributeDefinition.Type> types) {
        Map<String, Object> values = new HashMap<>();
        if (json == null || json.equals("{}")) {
            return values;
        }
        try {
            JsonNode node = JSON.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                AttributeDefinition.Type type = types.get(field.getKey());
                JsonNode v = field.getValue();
                Object value = type == null || v.isNull() ? null : switch (type) {
                    case TEXT -> v.isTextual() ? v.asText() : null;
                    case BOOLEAN -> v.isBoolean() ? v.asBoolean() : null;
                    case NUMBER -> v.isNumber() ? v.decimalValue() : null;
                    case DATE -> v.isTextual() ? date(v.asText()) : null;
                };
                if (value != null) {
                    values.put(field.getKey(), value);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("unreadable attributes " + json, e);
        }
        return values;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
