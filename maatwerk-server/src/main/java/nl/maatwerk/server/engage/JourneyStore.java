package nl.maatwerk.server.engage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** JDBC access to journeys, their occurrences and decisions (V16). */
@Repository
class JourneyStore {

    /** A stored journey: its definition as JSON text, and whether it is switched on. */
    record Row(String key, String name, String purpose, String definition, boolean enabled, int version,
            Instant updatedAt) {
    }

    /** One citizen's way through one journey. */
    record Occurrence(long id, String journeyKey, UUID citizenId, String occurrence, String triggerValues,
            String segmentKey, String state, int step, int attempt, Instant dueAt, String linkSecret) {
    }

    /** A decision as stored. */
    record Decision(long id, long occurrenceId, String journeyKey, UUID citizenId, int step, String kind,
            String channel, String reason, String detail, String messageKey, Instant notBefore, Instant decidedAt) {
    }

    private final JdbcTemplate jdbc;

    JourneyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(String key, String name, String purpose, String definition, boolean enabled) {
        return jdbc.update("insert into journey (key, name, purpose, definition, enabled) values (?, ?, ?, ?::jsonb, ?)"
                + " on conflict (key) do nothing", key, name, purpose, definition, enabled) == 1;
    }

    void update(String key, String name, String purpose, String definition) {
        jdbc.update("update journey set name = ?, purpose = ?, definition = ?::jsonb, version = version + 1,"
                + " updated_at = now() where key = ?", name, purpose, definition, key);
    }

    boolean setEnabled(String key, boolean enabled) {
        return jdbc.update("update journey set enabled = ?, updated_at = now() where key = ?", enabled, key) == 1;
    }

    boolean delete(String key) {
        return jdbc.update("delete from journey where key = ?", key) == 1;
    }

    Optional<Row> find(String key) {
        return jdbc.query("select * from journey where key = ?", (rs, n) -> row(rs), key).stream().findFirst();
    }

    /** The journey, locked against a concurrent kill switch until the transaction ends. */
    Optional<Row> findForShare(String key) {
        return jdbc.query("select * from journey where key = ? for share", (rs, n) -> row(rs), key).stream().findFirst();
    }

    List<Row> all() {
        return jdbc.query("select * from journey order by key", (rs, n) -> row(rs));
    }

    List<Row> enabled() {
        return jdbc.query("select * from journey where enabled order by key", (rs, n) -> row(rs));
    }

    /** Inserts an occurrence unless (journey, citizen, occurrence) exists; true when it is new. */
    boolean insertOccurrence(String journeyKey, UUID citizenId, String occurrence, String values, String segmentKey,
            Instant now) {
        return jdbc.update("""
                insert into journey_occurrence (journey_key, citizen_id, occurrence, trigger_values, segment_key, state,
                    due_at, created_at)
                values (?, ?, ?, ?::jsonb, ?, 'active', ?, ?)
                on conflict (journey_key, citizen_id, occurrence) do nothing
                """, journeyKey, citizenId, occurrence, values, segmentKey, ts(now), ts(now)) == 1;
    }

    /** Active occurrences due at {@code now} of enabled journeys (or of one journey), oldest first. */
    List<Long> due(Instant now, String journeyKey, boolean includeDisabled, long afterId, int limit) {
        return jdbc.queryForList("""
                select o.id from journey_occurrence o join journey j on j.key = o.journey_key
                where o.state = 'active' and o.due_at <= ? and (j.enabled or ?) and (?::text is null or o.journey_key = ?)
                  and o.id > ?
                order by o.id limit ?
                """, Long.class, ts(now), includeDisabled, journeyKey, journeyKey, afterId, limit);
    }

    /** An occurrence due at a step, with its citizen (for chunking by citizen). */
    record Due(long id, UUID citizenId) {
    }

    /** A journey's active occurrences due at {@code now} at {@code step}, first attempt (a fallback's next is not). */
    List<Due> dueAtStep(String journeyKey, int step, Instant now) {
        return jdbc.query("""
                select id, citizen_id from journey_occurrence
                where journey_key = ? and state = 'active' and due_at <= ? and step = ? and attempt = 0
                """, (rs, n) -> new Due(rs.getLong(1), rs.getObject(2, UUID.class)), journeyKey, ts(now), step);
    }

    /** Locks those of {@code ids} still due at {@code step} for this transaction; others' and changed ones are left out. */
    List<Occurrence> lockDueAtStep(long[] ids, int step, Instant now) {
        return jdbc.query("""
                select * from journey_occurrence where id = any(?) and state = 'active' and due_at <= ? and step = ?
                  and attempt = 0 order by id for update skip locked
                """, (rs, n) -> occurrence(rs), ids, ts(now), step);
    }

    /** Where an occurrence goes next. */
    record Move(long id, String state, int step, Instant dueAt) {
    }

    /** Moves many occurrences at once (attempt back to 0), in one statement. */
    void moveAll(List<Move> moves) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.update("""
                update journey_occurrence o set state = m.state, step = m.step, attempt = 0, due_at = m.due_at
                from unnest(?::bigint[], ?::text[], ?::int[], ?::timestamptz[]) as m(id, state, step, due_at)
                where o.id = m.id
                """, moves.stream().map(m -> Long.toString(m.id())).toArray(String[]::new),
                moves.stream().map(Move::state).toArray(String[]::new),
                moves.stream().map(m -> Integer.toString(m.step())).toArray(String[]::new),
                moves.stream().map(m -> m.dueAt().toString()).toArray(String[]::new));
    }

    /** Locks a due occurrence for this transaction; empty when another worker has it or it is no longer due. */
    Optional<Occurrence> lockDue(long id, Instant now) {
        return jdbc.query("select * from journey_occurrence where id = ? and state = 'active' and due_at <= ?"
                + " for update skip locked", (rs, n) -> occurrence(rs), id, ts(now)).stream().findFirst();
    }

    Optional<Occurrence> lock(long id) {
        return jdbc.query("select * from journey_occurrence where id = ? for update", (rs, n) -> occurrence(rs), id)
                .stream().findFirst();
    }

    Optional<Occurrence> occurrence(long id) {
        return jdbc.query("select * from journey_occurrence where id = ?", (rs, n) -> occurrence(rs), id).stream().findFirst();
    }

    List<Occurrence> occurrencesOf(String journeyKey, UUID citizenId) {
        return jdbc.query("select * from journey_occurrence where journey_key = ? and citizen_id = ? order by id",
                (rs, n) -> occurrence(rs), journeyKey, citizenId);
    }

    void moveTo(long id, String state, int step, int attempt, Instant dueAt) {
        jdbc.update("update journey_occurrence set state = ?, step = ?, attempt = ?, due_at = ? where id = ?",
                state, step, attempt, ts(dueAt), id);
    }

    /** Serialises decisions about one citizen across journeys (caps) until the transaction ends. */
    void lockCitizen(UUID citizenId) {
        jdbc.query("select pg_advisory_xact_lock(?, ?)", rs -> null, CITIZEN_LOCKS, bucket(citizenId));
    }

    /** {@link #lockCitizen} for many citizens at once, their buckets in ascending order (so two callers never deadlock). */
    void lockCitizens(Collection<UUID> citizenIds) {
        String[] buckets = citizenIds.stream().mapToInt(JourneyStore::bucket).distinct().sorted()
                .mapToObj(Integer::toString).toArray(String[]::new);
        jdbc.query("select pg_advisory_xact_lock(?, b) from unnest(?::int[]) b", rs -> null, CITIZEN_LOCKS, buckets);
    }

    /** The advisory lock class of the citizen buckets. */
    private static final int CITIZEN_LOCKS = 0x4d57_0001;

    /**
     * A citizen's lock bucket for the frequency cap: the first 12 bits of the id, so a bulk chunk (a range of ids) takes
     * a few dozen locks, not one per citizen, and chunks cut at bucket edges never wait for each other.
     */
    static int bucket(UUID citizenId) {
        return (int) (citizenId.getMostSignificantBits() >>> 52);
    }

    long decide(Occurrence o, int step, String kind, String channel, String reason, String detail, String messageKey,
            Instant notBefore, Instant now) {
        return jdbc.queryForObject("""
                insert into journey_decision (occurrence_id, journey_key, citizen_id, step, kind, channel, reason, detail,
                    message_key, not_before, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, o.id(), o.journeyKey(), o.citizenId(), step, kind, channel, reason, detail, messageKey,
                notBefore == null ? null : ts(notBefore), ts(now));
    }

    List<Decision> decisions(long occurrenceId) {
        return jdbc.query("select * from journey_decision where occurrence_id = ? order by id", (rs, n) -> decision(rs),
                occurrenceId);
    }

    List<Decision> decisionsAfter(String journeyKey, long afterId) {
        return jdbc.query("select * from journey_decision where journey_key = ? and id > ? order by id",
                (rs, n) -> decision(rs), journeyKey, afterId);
    }

    long lastDecisionId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from journey_decision", Long.class);
    }

    /** The send decision behind a queued message, by its key {@code journey:<journey>:<occurrence id>:<step>:<channel>}. */
    Optional<Decision> decisionByMessage(String messageKey) {
        String[] parts = messageKey.split(":");
        if (parts.length != 5 || !parts[0].equals("journey") || !parts[2].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return jdbc.query("select * from journey_decision where occurrence_id = ? and message_key = ?",
                (rs, n) -> decision(rs), Long.parseLong(parts[2]), messageKey).stream().findFirst();
    }

    /**
     * The moments of the messages queued for a citizen (by any journey or sender) that go out after {@code from} and
     * did not fail or get cancelled: what the frequency cap counts.
     */
    List<Instant> sendsSince(UUID citizenId, Instant from) {
        return jdbc.query(SENDS_SINCE + " = ? order by not_before", (rs, n) -> instant(rs, 2), ts(from), citizenId);
    }

    /** {@link #sendsSince}'s query up to its citizen condition: (citizen_id, not_before), {@code from} as parameter 1. */
    static final String SENDS_SINCE = "select citizen_id, not_before from outbox_message where not_before > ?"
            + " and status not in ('permanent_failure', 'cancelled') and citizen_id";

    boolean responded(long occurrenceId, String outcome) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from journey_response where occurrence_id = ?"
                + " and (?::text is null or (kind = 'outcome' and name = ?)))", Boolean.class, occurrenceId, outcome, outcome));
    }

    void respond(long occurrenceId, String kind, String name, Instant at) {
        jdbc.update("insert into journey_response (occurrence_id, kind, name, at) values (?, ?, ?, ?)", occurrenceId, kind,
                name, ts(at));
    }

    /**
     * Journey messages that failed or were cancelled before {@code settledBefore} (in the week before it) and whose
     * status the journey never recorded ({@link #messageStatus}): their event was lost (a crash right after the status
     * committed) or its handling failed. At most {@code limit}, oldest first.
     */
    List<MessageStatusChanged> unhandledEnds(Instant settledBefore, int limit) {
        return jdbc.query("""
                select m.id, m.idempotency_key, m.citizen_id, m.journey_key, m.channel, m.status, m.last_error, m.updated_at
                from outbox_message m
                where m.status in ('permanent_failure', 'cancelled') and m.journey_key is not null
                  and m.updated_at < ? and m.updated_at > ?
                  and not exists (select 1 from journey_message_status s  -- in its key's collation: its primary key
                                  where s.message_key = m.idempotency_key collate "default" and s.status = upper(m.status))
                order by m.updated_at, m.id limit ?
                """, (rs, n) -> OutboxStore.statusChange(rs, OutboxStore.status(rs.getString("status")),
                        rs.getString("last_error"), instant(rs, "updated_at")),
                ts(settledBefore), ts(settledBefore.minus(java.time.Duration.ofDays(7))), limit);
    }

    void messageStatus(String messageKey, String status, String reason, Instant at) {
        jdbc.update("""
                insert into journey_message_status (message_key, status, reason, at) values (?, ?, ?, ?)
                on conflict (message_key) do update set status = excluded.status, reason = excluded.reason, at = excluded.at
                where journey_message_status.at <= excluded.at
                """, messageKey, status, reason, ts(at));
    }

    /** The citizen's registration status, or null when unknown. */
    String citizenStatus(UUID citizenId) {
        return jdbc.query("select status from citizen where id = ?", rs -> rs.next() ? rs.getString(1) : null, citizenId);
    }

    /** A boolean attribute of the citizen (the register's "needs help" signal). */
    boolean attributeTrue(UUID citizenId, String attribute) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select coalesce((attributes ->> ?)::boolean, false) from citizen"
                + " where id = ?", Boolean.class, attribute, citizenId));
    }

    static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("key"), rs.getString("name"), rs.getString("purpose"), rs.getString("definition"),
                rs.getBoolean("enabled"), rs.getInt("version"), instant(rs, "updated_at"));
    }

    private static Occurrence occurrence(ResultSet rs) throws SQLException {
        return new Occurrence(rs.getLong("id"), rs.getString("journey_key"), rs.getObject("citizen_id", UUID.class),
                rs.getString("occurrence"), rs.getString("trigger_values"), rs.getString("segment_key"),
                rs.getString("state"), rs.getInt("step"), rs.getInt("attempt"), instant(rs, "due_at"),
                rs.getString("link_secret"));
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(rs.getLong("id"), rs.getLong("occurrence_id"), rs.getString("journey_key"),
                rs.getObject("citizen_id", UUID.class), rs.getInt("step"), rs.getString("kind"), rs.getString("channel"),
                rs.getString("reason"), rs.getString("detail"), rs.getString("message_key"), instant(rs, "not_before"),
                instant(rs, "decided_at"));
    }
}
