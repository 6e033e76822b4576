package nl.maatwerk.server.engage;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import nl.maatwerk.core.model.Channel;

/**
 * No SMS, WhatsApp or push at night in Amsterdam: a message planned between {@code start} and {@code end}
 * (21:00–08:00 by default) waits until {@code end}. E-mail and letters are not interrupting, so they are not held.
 */
record QuietHours(LocalTime start, LocalTime end, Set<Channel> channels) {

    static QuietHours standard() {
        return new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), Set.of(Channel.SMS, Channel.WHATSAPP, Channel.APP));
    }

    /** The moment the message may go out: {@code at} itself, or the end of the quiet hours it falls in. */
    Instant notBefore(Channel channel, Instant at) {
        if (!channels.contains(channel)) {
            return at;
        }
        ZonedDateTime local = at.atZone(TriggerScan.ZONE);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isAfter(end)
                ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return at;
        }
        ZonedDateTime morning = local.toLocalDate().atTime(end).atZone(TriggerScan.ZONE);
        if (!time.isBefore(end)) {
            morning = local.toLocalDate().plusDays(1).atTime(end).atZone(TriggerScan.ZONE);
        }
        return morning.toInstant();
    }
}
