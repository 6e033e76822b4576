package nl.maatwerk.server.engage;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the bounce mailbox ({@code maatwerk.delivery.email.bounces.*}) over IMAP(S). A bounce whose original is ours
 * makes that e-mail {@code permanent_failure} (from {@code sending}, {@code delivered} or {@code temporary_failure});
 * the change commits, is published as {@link MessageStatusChanged} (journeys fall back to the next channel), and only
 * then the bounce is flagged deleted and expunged: a crash in between reads it again, and the conditional update
 * makes that harmless. A bounce for no message of ours is consumed too. Everything else (delayed or delivered
 * reports, auto-replies, unreadable reports) is left in the mailbox for a person, flagged so it is not read again.
 */
@Component
class BounceMailbox {

    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    /** The keyword on mail left in the mailbox; {@code \Seen} when the server keeps no keywords. */
    static final String LEFT_KEYWORD = "$MaatwerkLeft";
    static final int MAX_PER_ROUND = 500;

    private final DeliverySettings.Bounces settings;
    private final OutboxStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Session session;

    BounceMailbox(DeliverySettings settings, OutboxStore store, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.settings = settings.email().bounces();
        this.store = store;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        Properties props = new Properties();
        String p = "mail." + this.settings.protocol() + ".";
        props.put(p + "connectiontimeout", Long.toString(this.settings.timeout().toMillis()));
        props.put(p + "timeout", Long.toString(this.settings.timeout().toMillis()));
        props.put(p + "writetimeout", Long.toString(this.settings.timeout().toMillis()));
        // reading a mail must not mark it \Seen: on a server without keywords that is the "left for a person" mark,
        // and a bounce whose status change fails would never be read again
        props.put(p + "peek", "true");
        this.session = Session.getInstance(props);
    }

    boolean configured() {
        return !settings.host().isBlank();
    }

    /** What one round did. */
    record Round(int read, int bounced, int unmatched, int left) {
    }

    /** Reads the mail not read before (at most {@value #MAX_PER_ROUND}), once. */
    Round readOnce(Instant now) throws MessagingException {
        if (!configured()) {
            return new Round(0, 0, 0, 0);
        }
        try (Store mailbox = session.getStore(settings.protocol())) {
            mailbox.connect(settings.host(), settings.port(), settings.username(), settings.password());
            Folder folder = mailbox.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            boolean expunge = false;
            try {
                Flags permanent = folder.getPermanentFlags();
                Flags left = permanent != null && permanent.contains(Flags.Flag.USER) ? new Flags(LEFT_KEYWORD)
                        : new Flags(Flags.Flag.SEEN);
                Flags done = new Flags(left);
                done.add(Flags.Flag.DELETED);
                Message[] unread = folder.search(new FlagTerm(done, false));
                int bounced = 0;
                int unmatched = 0;
                int leftCount = 0;
                Message[] round = Arrays.copyOf(unread, Math.min(unread.length, MAX_PER_ROUND));
                for (Message message : round) {
                    switch (handle(message, now)) {
                        case BOUNCED -> {
                            bounced++;
                            message.setFlag(Flags.Flag.DELETED, true);
                            expunge = true;
                        }
                        case UNMATCHED -> {
                            unmatched++;
                            message.setFlag(Flags.Flag.DELETED, true);
                            expunge = true;
                        }
                        case LEFT -> {
                            leftCount++;
                            message.setFlags(left, true);
                        }
                    }
                }
                return new Round(round.length, bounced, unmatched, leftCount);
            } finally {
                folder.close(expunge);
            }
        }
    }

    private enum Handled { BOUNCED, UNMATCHED, LEFT }

    private Handled handle(Message message, Instant now) throws MessagingException {
        BounceReport report = BounceReport.read(message);
        if (report instanceof BounceReport.Failed failed) {
            SentMessage sent = original(failed).orElse(null);
            if (sent == null) {
                log.info("bounce {} names no e-mail of ours; removed", failed.status());
                return Handled.UNMATCHED;
            }
            String reason = failed.reason();
            // committed before the bounce is removed; throws (and keeps the bounce) when the database is away
            Boolean changed = transaction.execute(s -> store.bounced(sent.id(), reason, now));
            if (Boolean.TRUE.equals(changed)) {
                events.publishEvent(new MessageStatusChanged(sent.id(), sent.idempotencyKey(), sent.citizenId(),
                        sent.journeyKey(), sent.channel(), MessageStatus.PERMANENT_FAILURE, reason, now));
            }
            return Handled.BOUNCED;
        }
        if (report instanceof BounceReport.Unreadable unreadable) {
            log.warn("bounce mailbox: a delivery report that cannot be read is left in {}: {}", settings.folder(),
                    unreadable.why());
        }
        return Handled.LEFT;
    }

    private Optional<SentMessage> original(BounceReport.Failed failed) {
        for (String key : failed.keys()) {
            Optional<SentMessage> found = store.findForProvider("smtp", key);
            if (found.isPresent()) {
                return found;
            }
        }
        // only our own Message-IDs: the lookup scans the outbox, and backscatter names anyone's
        Set<String> ours = failed.messageIds().stream().filter(id -> id.endsWith("@maatwerk.outbox>")).collect(Collectors.toSet());
        return ours.isEmpty() ? Optional.empty() : store.findByProviderMessageId("smtp", ours);
    }
}
