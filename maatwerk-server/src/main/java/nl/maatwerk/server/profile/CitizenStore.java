package nl.maatwerk.server.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * JDBC access to the citizen table. BSN parameters are cast to {@code bpchar}: {@code bsn} is char(9), and a
 * text parameter would make PostgreSQL compare as text and scan every citizen instead of using the index.
 */
@Repository
class CitizenStore {

    private static final String UPSERT = """
            insert into citizen (id, bsn, birth_date, household_id, household_type, household_size, youngest_child_age,
                                 postcode, house_number, neighbourhood, district, municipality, language, status, attributes)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            on conflict (id) do update set bsn = excluded.bsn, birth_date = excluded.birth_date,
                household_id = excluded.household_id, household_type = excluded.household_type,
                household_size = excluded.household_size, youngest_child_age = excluded.youngest_child_age,
                postcode = excluded.postcode, house_number = excluded.house_number,
                neighbourhood = excluded.neighbourhood, district = excluded.district,
                municipality = excluded.municipality, language = excluded.language, status = excluded.status,
                attributes = excluded.attributes, updated_at = now()
            returning (xmax = 0) as inserted
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CitizenStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts or replaces; true when the citizen is new. */
    boolean upsert(CitizenSubmission c) {
        return Boolean.TRUE.equals(jdbc.query(UPSERT, ps -> bind(ps, c), rs -> rs.next() && rs.getBoolean(1)));
    }

    void upsertAll(List<CitizenSubmission> citizens) {
        jdbc.batchUpdate(UPSERT.substring(0, UPSERT.indexOf("returning")), citizens, 500, this::bind);
    }

    Optional<Citizen> find(UUID id) {
        return jdbc.query("select * from citizen where id = ?", (rs, n) -> citizen(rs), id).stream().findFirst();
    }

    Optional<Citizen> findByBsn(String bsn) {
        return jdbc.query("select * from citizen where bsn = ?::bpchar", (rs, n) -> citizen(rs), bsn).stream().findFirst();
    }

    Citizens.Totals totals() {
        return jdbc.queryForObject("""
                select (select count(*) from citizen), (select count(*) from citizen where status = 'resident'),
                       (select count(*) from travel_document), (select count(*) from municipal_case),
                       (select count(*) from municipal_case where closed_at is null)
                """, (rs, n) -> new Citizens.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    /** Citizens (id → the one holding it) that already hold one of these BSNs. */
    List<CitizenRef> holdersOf(Collection<String> bsns) {
        if (bsns.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select id, bsn from citizen where bsn = any(?::bpchar[])");
            ps.setArray(1, con.createArrayOf("text", bsns.toArray()));
            return ps;
        }, (rs, n) -> ref(rs));
    }

    List<CitizenRef> resolve(Collection<UUID> ids, Collection<String> bsns) {
        if (ids.isEmpty() && bsns.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select id, bsn from citizen where id = any(?) or bsn = any(?::bpchar[])");
            ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
            ps.setArray(2, con.createArrayOf("text", bsns.toArray()));
            return ps;
        }, (rs, n) -> ref(rs));
    }

    java.util.Map<String, UUID> idsByBsn() {
        java.util.Map<String, UUID> map = new java.util.HashMap<>();
        jdbc.query("select bsn, id from citizen where bsn is not null", rs -> {
            map.put(rs.getString(1).trim(), rs.getObject(2, UUID.class));
        });
        return map;
    }

    List<TravelDocument> travelDocuments(UUID citizenId) {
        return jdbc.query("select * from travel_document where citizen_id = ? order by expiry_date desc",
                (rs, n) -> new TravelDocument(rs.getString("number"), rs.getString("type"),
                        rs.getObject("issue_date", java.time.LocalDate.class),
                        rs.getObject("expiry_date", java.time.LocalDate.class)), citizenId);
    }

    List<MunicipalCase> cases(UUID citizenId) {
        List<MunicipalCase> cases = new ArrayList<>();
        jdbc.query("""
                select c.*, coalesce(array_agg(h.status order by h.at) filter (where h.status is not null), '{}') as statuses,
                       coalesce(array_agg(h.at order by h.at) filter (where h.at is not null), '{}') as ats
                from municipal_case c left join case_status_change h on h.case_id = c.id
                where c.citizen_id = ? group by c.id order by c.submitted_at desc
                """, rs -> {
            cases.add(new MunicipalCase(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("status"),
                    instant(rs, "submitted_at"), rs.getObject("decision_deadline", java.time.LocalDate.class),
                    rs.getObject("decision_date", java.time.LocalDate.class),
                    rs.getObject("objection_deadline", java.time.LocalDate.class), instant(rs, "closed_at"),
                    history(rs.getArray("statuses"), rs.getArray("ats"))));
        }, citizenId);
        return cases;
    }

    private static List<MunicipalCase.StatusChange> history(Array statuses, Array ats) throws SQLException {
        String[] s = (String[]) statuses.getArray();
        Object[] a = (Object[]) ats.getArray();
        List<MunicipalCase.StatusChange> list = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            list.add(new MunicipalCase.StatusChange(s[i], ((java.sql.Timestamp) a[i]).toInstant()));
        }
        return list;
    }

    private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private void bind(PreparedStatement ps, CitizenSubmission c) throws SQLException {
        ps.setObject(1, c.id());
        ps.setString(2, c.bsn());
        ps.setDate(3, Date.valueOf(c.birthDate()));
        ps.setObject(4, c.householdId());
        ps.setString(5, c.householdType());
        setInt(ps, 6, c.householdSize());
        setInt(ps, 7, c.youngestChildAge());
        ps.setString(8, c.postcode());
        setInt(ps, 9, c.houseNumber());
        ps.setString(10, c.neighbourhood());
        ps.setString(11, c.district());
        ps.setString(12, c.municipality());
        ps.setString(13, c.language());
        ps.setString(14, c.status());
        ps.setString(15, c.attributesJson());
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private Citizen citizen(ResultSet rs) throws SQLException {
        try {
            return new Citizen(rs.getObject("id", UUID.class), trim(rs.getString("bsn")),
                    rs.getObject("birth_date", java.time.LocalDate.class),
                    new Citizen.Household(rs.getObject("household_id", UUID.class), rs.getString("household_type"),
                            (Integer) rs.getObject("household_size", Integer.class),
                            (Integer) rs.getObject("youngest_child_age", Integer.class)),
                    new Citizen.Address(rs.getString("postcode"), (Integer) rs.getObject("house_number", Integer.class),
                            rs.getString("neighbourhood"), rs.getString("district"), rs.getString("municipality")),
                    rs.getString("language"), rs.getString("status"), json.readTree(rs.getString("attributes")),
                    instant(rs, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes of citizen are not JSON", e);
        }
    }

    private static CitizenRef ref(ResultSet rs) throws SQLException {
        return new CitizenRef(rs.getObject("id", UUID.class), trim(rs.getString("bsn")));
    }

    private static String trim(String bsn) {
        return bsn == null ? null : bsn.trim();
    }
}
