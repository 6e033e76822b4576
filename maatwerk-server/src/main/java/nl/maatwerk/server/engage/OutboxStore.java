package nl.maatwerk.server.engage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Status changes of queued messages. Every change is one statement that also appends to
 * {@code outbox_status_history} and only applies from the status it expects, so a late or repeated answer never
 * overwrites a final status. Callers wrap changes in a transaction and publish the event after it commits.
 */
@Component
class OutboxStore {

    private final JdbcTemplate jdbc;

    OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due messages of a channel ({@code FOR UPDATE SKIP LOCKED}, so dispatchers never
     * share one) and marks them {@code sending} with a lease: a message whose sender dies stays {@code sending} and
     * is due again when the lease runs out.
     */
    List<QueuedMessage> claim(Channel channel, String provider, Instant now, int limit, Duration lease) {
        return jdbc.query("""
                with due as (
                    select id from outbox_message where channel = ? and next_attempt_at <= ?
                    order by next_attempt_at limit ? for update skip locked),
                claimed as (
                    update outbox_message m set status = 'sending', attempts = m.attempts + 1, next_attempt_at = ?,
                        provider = ?, updated_at = ?
                    from due where m.id = due.id
                    returning m.id, m.idempotency_key, m.citizen_id, m.journey_key, m.channel, m.purpose, m.recipient,
                        m.body::text as body, m.attempts, m.created_at),
                logged as (
                    insert into outbox_status_history (message_id, status, reason, at)
                    select id, 'sending', case when attempts > 1 then 'attempt ' || attempts end, ? from claimed)
                select c.*, z.status as citizen_status from claimed c left join citizen z on z.id = c.citizen_id
                order by c.id
                """, (rs, n) -> queued(rs), channel.code(), ts(now), limit, ts(now.plus(lease)), provider, ts(now),
                ts(now));
    }

    /** The peer took it: delivered when it says so, otherwise sending until its callback. False when no longer sending. */
    boolean accepted(long id, String providerMessageId, boolean delivered, Instant now) {
        return jdbc.update("""
                with changed as (
                    update outbox_message set status = ?, provider_message_id = ?, next_attempt_at = null,
                        last_error = null, sent_at = coalesce(sent_at, ?), delivered_at = ?, updated_at = ?
                    where id = ? and status = 'sending' returning id)
                insert into outbox_status_history (message_id, status, reason, at)
                select id, ?, ?, ? from changed
                """, delivered ? "delivered" : "sending", providerMessageId, ts(now), delivered ? ts(now) : null, ts(now),
                id, delivered ? "delivered" : "sending", "accepted by the peer as " + providerMessageId, ts(now)) == 1;
    }

    /**
     * The peer's callback came before the dispatcher recorded the acceptance (a fast provider, a slow batch): the
     * status stays as the callback set it; only the sending is recorded. False when there is nothing to record.
     */
    boolean acceptedAfterCallback(long id, String providerMessageId, Instant now) {
        return jdbc.update("update outbox_message set sent_at = ?, provider_message_id = coalesce(provider_message_id, ?)"
                + " where id = ? and sent_at is null and status in ('delivered', 'permanent_failure')", ts(now),
                providerMessageId, id) == 1;
    }

    /** A status that ends (or pauses, with {@code nextAttempt}) the message's way; only from {@code sending}. */
    boolean settle(long id, MessageStatus status, String reason, Instant nextAttempt, Instant now) {
        return jdbc.update("""
                with changed as (
                    update outbox_message set status = ?, next_attempt_at = ?, last_error = ?, updated_at = ?
                    where id = ? and status = 'sending' returning id)
                insert into outbox_status_history (message_id, status, reason, at)
                select id, ?, ?, ? from changed
                """, code(status), nextAttempt == null ? null : ts(nextAttempt), reason, ts(now), id, code(status), reason,
                ts(now)) == 1;
    }

    /**
     * A provider's callback: from {@code sending} (or from a report given up on, {@link #giveUpReports}: a late report
     * is still the truth) to delivered or permanently failed. False when already settled.
     */
    boolean callback(long id, boolean delivered, String reason, Instant now) {
        return jdbc.update("""
                with changed as (
                    update outbox_message set status = ?, next_attempt_at = null, last_error = ?,
                        delivered_at = case when ?::boolean then ?::timestamptz end, updated_at = ?
                    where id = ? and (status = 'sending'
                        or (status = 'temporary_failure' and next_attempt_at is null and sent_at is not null))
                    returning id)
                insert into outbox_status_history (message_id, status, reason, at)
                select id, ?, ?, ? from changed
                """, delivered ? "delivered" : "permanent_failure", delivered ? null : reason, delivered, ts(now), ts(now),
                id, delivered ? "delivered" : "permanent_failure", reason, ts(now)) == 1;
    }

    /**
     * Accepted by the peer before {@code acceptedBefore} and still without a report ({@code sending}, nothing left for
     * the dispatcher): {@code temporary_failure} with the reason and no next attempt. At most {@code limit} at a time.
     */
    List<MessageStatusChanged> giveUpReports(Instant acceptedBefore, String reason, Instant now, int limit) {
        return jdbc.query("""
                with overdue as (
                    select id from outbox_message where status = 'sending' and next_attempt_at is null and sent_at < ?
                    order by sent_at limit ? for update skip locked),
                changed as (
                    update outbox_message m set status = 'temporary_failure', last_error = ?, updated_at = ?
                    from overdue where m.id = overdue.id
                    returning m.id, m.idempotency_key, m.citizen_id, m.journey_key, m.channel),
                logged as (
                    insert into outbox_status_history (message_id, status, reason, at)
                    select id, 'temporary_failure', ?, ? from changed)
                select * from changed order by id
                """, (rs, n) -> statusChange(rs, MessageStatus.TEMPORARY_FAILURE, reason, now),
                ts(acceptedBefore), limit, reason, ts(now), reason, ts(now));
    }

    /** The event for a message row (its id, key, citizen, journey and channel columns) that reached {@code status}. */
    static MessageStatusChanged statusChange(ResultSet rs, MessageStatus status, String reason, Instant at)
            throws SQLException {
        return new MessageStatusChanged(rs.getLong("id"), rs.getString("idempotency_key"),
                rs.getObject("citizen_id", UUID.class), rs.getString("journey_key"),
                Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)), status, reason, at);
    }

    /**
     * The relay returned the e-mail (a bounce read from the bounce mailbox): permanently failed, also after it was
     * recorded as delivered (a 250 only meant the relay took it). False when it had failed or been cancelled already,
     * so a bounce read twice changes nothing.
     */
    boolean bounced(long id, String reason, Instant now) {
        return jdbc.update("""
                with changed as (
                    update outbox_message set status = 'permanent_failure', next_attempt_at = null, last_error = ?,
                        delivered_at = null, updated_at = ?
                    where id = ? and status in ('sending', 'delivered', 'temporary_failure') returning id)
                insert into outbox_status_history (message_id, status, reason, at)
                select id, 'permanent_failure', ?, ? from changed
                """, reason, ts(now), id, reason, ts(now)) == 1;
    }

    /**
     * The e-mail with one of these Message-IDs, for a bounce without our key header. Not indexed (an index would
     * slow every send for a rare case): a sequential scan, only when a relay dropped the key header.
     */
    Optional<SentMessage> findByProviderMessageId(String provider, Set<String> messageIds) {
        return jdbc.query("select * from outbox_message where provider = ? and provider_message_id = any(?) order by id"
                + " limit 1", (rs, n) -> sent(rs), provider, messageIds.toArray(String[]::new)).stream().findFirst();
    }

    /** The message a provider's callback names, by our idempotency key and the provider that took it. */
    Optional<SentMessage> findForProvider(String provider, String idempotencyKey) {
        return jdbc.query("select * from outbox_message where provider = ? and idempotency_key = ?",
                (rs, n) -> sent(rs), provider, idempotencyKey).stream().findFirst();
    }

    Optional<SentMessage> find(long id) {
        return jdbc.query("select * from outbox_message where id = ?", (rs, n) -> sent(rs), id).stream().findFirst();
    }

    /** Newest first; {@code channel} and {@code status} may be null for all. */
    List<SentMessage> list(Channel channel, MessageStatus status, int offset, int limit) {
        return jdbc.query("select * from outbox_message where (?::text is null or channel = ?) and (?::text is null or status = ?)"
                + " order by id desc offset ? limit ?", (rs, n) -> sent(rs),
                channel == null ? null : channel.code(), channel == null ? null : channel.code(),
                status == null ? null : code(status), status == null ? null : code(status), offset, limit);
    }

    List<StatusStep> history(long id) {
        return jdbc.query("select status, reason, at from outbox_status_history where message_id = ? order by at, ctid",
                (rs, n) -> new StatusStep(status(rs.getString(1)), rs.getString(2), rs.getTimestamp(3).toInstant()), id);
    }

    /** One step of a message's way. */
    record StatusStep(MessageStatus status, String reason, Instant at) {
    }

    static String code(MessageStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    static MessageStatus status(String code) {
        return MessageStatus.valueOf(code.toUpperCase(Locale.ROOT));
    }

    private static QueuedMessage queued(ResultSet rs) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT));
        return new QueuedMessage(rs.getLong("id"), rs.getString("idempotency_key"), rs.getObject("citizen_id", UUID.class),
                rs.getString("journey_key"), channel, rs.getString("purpose"), rs.getString("recipient"),
                OutboxBodies.read(channel, rs.getString("body")), rs.getInt("attempts"), rs.getString("citizen_status"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static SentMessage sent(ResultSet rs) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT));
        return new SentMessage(rs.getLong("id"), rs.getString("idempotency_key"), rs.getObject("citizen_id", UUID.class),
                rs.getString("journey_key"), channel, rs.getString("purpose"), rs.getString("recipient"),
                OutboxBodies.read(channel, rs.getString("body")), status(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("provider"), rs.getString("provider_message_id"),
                instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
