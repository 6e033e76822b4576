package nl.maatwerk.server.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The public face of the weekly "tamtam" bulletin: composed every Monday at 07:00 (Europe/Amsterdam)
 * for the week before, or on demand for any week; kept in PostgreSQL, shown as a web page and a PDF,
 * and e-mailed once to the subscribers.
 */
@Service
public class Bulletins {

    static final LocalTime DUE = LocalTime.of(7, 0);
    private static final Logger log = LoggerFactory.getLogger(Bulletins.class);

    private final BulletinComposer composer;
    private final BulletinStore store;
    private final BulletinMail mail;
    private final BulletinPdf pdf;

    Bulletins(BulletinComposer composer, BulletinStore store, BulletinMail mail, BulletinPdf pdf) {
        this.composer = composer;
        this.store = store;
        this.mail = mail;
        this.pdf = pdf;
    }

    /** The bulletin as an A4 PDF in the given language. */
    public byte[] pdf(BulletinReport report, java.util.Locale locale) {
        return pdf.render(report, locale);
    }

    /** Composes (again) the bulletin of the week holding {@code day}, and stores it. */
    public BulletinReport compose(LocalDate day) {
        BulletinReport report = composer.compose(day.with(DayOfWeek.MONDAY));
        store.save(report);
        return report;
    }

    public Optional<BulletinReport> find(LocalDate week) {
        return store.find(week.with(DayOfWeek.MONDAY));
    }

    /** Weeks with a bulletin, newest first. */
    public List<LocalDate> weeks() {
        return store.weeks();
    }

    public boolean isSent(LocalDate week) {
        return store.isSent(week);
    }

    /** Sends a stored bulletin now, also when it went out before. Returns the recipients, empty when none are set. */
    public List<String> send(LocalDate week) {
        BulletinReport report = find(week).orElseThrow(() -> new IllegalArgumentException("no bulletin for week " + week));
        return deliver(report, true);
    }

    /** The week whose bulletin is due at {@code now}: the one before the last Monday 07:00 that has passed. */
    static LocalDate dueWeek(Instant now) {
        ZonedDateTime local = now.atZone(ContactAnalytics.ZONE);
        LocalDate monday = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (local.toLocalDate().equals(monday) && local.toLocalTime().isBefore(DUE)) {
            monday = monday.minusWeeks(1);
        }
        return monday.minusWeeks(1);
    }

    /**
     * What the schedule does each minute: compose the due bulletin if it is missing, and send it if it
     * has not gone out. Durable because the state is in PostgreSQL: after downtime the missed bulletin
     * is made on the next tick, and a sent one is never sent again by the schedule.
     */
    void runDue(Instant now) {
        LocalDate week = dueWeek(now);
        BulletinReport report = store.find(week).orElseGet(() -> compose(week));
        if (!store.isSent(week)) {
            deliver(report, false);
        }
    }

    private List<String> deliver(BulletinReport report, boolean again) {
        if (!mail.hasRecipients()) {
            return List.of();
        }
        if (!store.claimSending(report.week(), again)) {
            return List.of();
        }
        try {
            List<String> to = mail.send(report);
            store.markSent(report.week(), String.join(", ", to));
            log.info("bulletin of week {} sent to {} recipients", report.week(), to.size());
            return to;
        } catch (RuntimeException e) {
            store.releaseClaim(report.week());
            throw e;
        }
    }
}
