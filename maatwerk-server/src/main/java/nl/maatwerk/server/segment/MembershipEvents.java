package nl.maatwerk.server.segment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.core.segment.MembershipChange;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores who entered and left a segment in {@code segment_membership_event}, then publishes it. */
@Component
class MembershipEvents {

    private static final String INSERT = "insert into segment_membership_event (segment_key, citizen_id, change, at)"
            + " select ?, c.id, ?, ? from citizen c where c.seq = any(?) order by c.seq returning citizen_id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher publisher;

    MembershipEvents(JdbcTemplate jdbc, TransactionTemplate transaction, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.publisher = publisher;
    }

    void record(String key, MembershipChange change, Instant at) {
        SegmentMembershipChanged event = transaction.execute(status -> new SegmentMembershipChanged(key,
                insert(key, "entered", change.entered(), at), insert(key, "left", change.left(), at), at));
        if (event != null && !(event.entered().isEmpty() && event.left().isEmpty())) {
            publisher.publishEvent(event);
        }
    }

    private List<UUID> insert(String key, String kind, RoaringBitmap seqs, Instant at) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        Integer[] array = new Integer[seqs.getCardinality()];
        int i = 0;
        for (int seq : seqs) {
            array[i++] = seq;
        }
        return jdbc.queryForList(INSERT, UUID.class, key, kind, Timestamp.from(at), array);
    }
}
