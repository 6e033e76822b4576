package nl.maatwerk.core.synth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.RegistrationStatus;

/*
 * Cases (zaken) of adult residents, submitted from two months before the contact period up to its last
 * day, at yearly rates that depend on the resident: permit holders apply for parking permits, residents
 * with a WMO indication for social support, low-income residents for social assistance, high earners
 * for building permits; everyone may object or register a move, and a resident who moved out has a
 * registration_move case on the day of leaving. Together about 6 cases per 100 adults per year.
 *
 * Status history: received -> in_progress (1-7 days) -> awaiting_information (25%) -> decided (a
 * type-specific number of days, sometimes past the 8-week deadline) -> closed (0-5 days later). Only the
 * steps reached by the end of the period are recorded; the case's status is the last of them, so recent
 * cases are still open with deadlines in the coming days and weeks. decisionDeadline = submission + 8
 * weeks, objectionDeadline = decision + 6 weeks.
 *
 * Contacts: the submission (inbound request), a request for information (outbound) and its answer,
 * sometimes a decision letter (outbound) and a "where is my decision" question, more likely when late.
 */
final class CaseGenerator {

    private static final CaseType[] TYPES = CaseType.values();
    private static final int LEAD_DAYS = 60;

    private final ContactCalendar calendar;
    private final Rng rng;
    private final SyntheticSink sink;
    private final ContactGenerator contacts;
    private final double years;
    private final Instant end;

    CaseGenerator(ContactCalendar calendar, Rng rng, SyntheticSink sink, ContactGenerator contacts) {
        this.calendar = calendar;
        this.rng = rng;
        this.sink = sink;
        this.contacts = contacts;
        this.years = (calendar.days + LEAD_DAYS) / 365.25;
        this.end = calendar.end();
    }

    void generate(Resident r) {
        if (!r.adult()) {
            return;
        }
        for (CaseType type : TYPES) {
            int count = rng.poisson(rate(type, r) * years);
            for (int i = 0; i < count; i++) {
                int last = Math.min(calendar.days - 1, r.activeUntilDay);
                if (last >= -LEAD_DAYS) {
                    one(r, type, rng.between(-LEAD_DAYS, last));
                }
            }
        }
        if (r.status == RegistrationStatus.MOVED_OUT && r.activeUntilDay >= -LEAD_DAYS
                && r.activeUntilDay < calendar.days) {
            one(r, CaseType.REGISTRATION_MOVE, r.activeUntilDay);
        }
    }

    private static double rate(CaseType type, Resident r) {
        return switch (type) {
            case OBJECTION -> 0.004 * (r.lowIncome() ? 1.5 : 1.0) + (r.parkingPermit ? 0.004 : 0.0);
            case PARKING_PERMIT -> r.parkingPermit ? 0.08 : 0.002;
            case SOCIAL_SUPPORT -> r.wmoIndication ? 0.15 : r.age >= 75 ? 0.015 : 0.002;
            case SOCIAL_ASSISTANCE -> r.socialAssistance ? 0.15 : r.lowIncome() && r.age < 67 ? 0.01 : 0.0;
            case BUILDING_PERMIT -> r.highIncome() ? 0.01 : 0.002;
            case REGISTRATION_MOVE -> r.age < 35 ? 0.02 : 0.008;
        };
    }

    private void one(Resident r, CaseType type, int submitDay) {
        Channel submitChannel = submitChannel(r);
        boolean online = submitChannel.digital();
        int submitted = online ? submitDay : calendar.workingDayFrom(submitDay);
        if (submitted >= calendar.days) {
            return;
        }
        int submitSecond = online ? rng.between(7 * 3600, 23 * 3600 - 1) : ChannelModel.officeSecond(rng);
        int inProgress = submitted + rng.between(1, 7);
        boolean asks = rng.chance(0.25);
        int awaiting = asks ? inProgress + rng.between(2, 15) : inProgress;
        int decided = Math.max(awaiting + 1, submitted + decisionDays(type) + (asks ? rng.between(5, 20) : 0));
        int closed = decided + rng.between(0, 5);

        UUID id = rng.uuid();
        Instant submittedAt = instant(submitted, submitSecond);
        List<GeneratedCaseStatusChange> history = new ArrayList<>(5);
        history.add(new GeneratedCaseStatusChange(id, CaseStatus.RECEIVED, submittedAt));
        boolean reached = reach(history, id, CaseStatus.IN_PROGRESS, inProgress);
        if (asks) {
            reached = reached && reach(history, id, CaseStatus.AWAITING_INFORMATION, awaiting);
        }
        boolean isDecided = reached && reach(history, id, CaseStatus.DECIDED, decided);
        boolean isClosed = isDecided && reach(history, id, CaseStatus.CLOSED, closed);
        GeneratedCaseStatusChange last = history.get(history.size() - 1);
        LocalDate decisionDate = isDecided ? calendar.date(decided) : null;
        sink.caseFile(new GeneratedCase(id, r.id, type, last.status(), submittedAt,
                calendar.date(submitted).plusWeeks(8), decisionDate,
                decisionDate == null ? null : decisionDate.plusWeeks(6), isClosed ? last.at() : null));
        for (GeneratedCaseStatusChange change : history) {
            sink.caseStatusChange(change);
        }
        caseContacts(r, type, submitChannel, submitted, asks ? awaiting : Integer.MIN_VALUE, decided, isDecided);
    }

    /** Records the step when it happens before the end of the period; steps are strictly increasing in time. */
    private boolean reach(List<GeneratedCaseStatusChange> history, UUID id, CaseStatus status, int day) {
        Instant at = instant(day, ChannelModel.officeSecond(rng));
        Instant previous = history.get(history.size() - 1).at();
        if (!at.isAfter(previous)) {
            at = previous.plusSeconds(60 + rng.nextInt(3600));
        }
        if (!at.isBefore(end)) {
            return false;
        }
        history.add(new GeneratedCaseStatusChange(id, status, at));
        return true;
    }

    private int decisionDays(CaseType type) {
        return switch (type) {
            case REGISTRATION_MOVE -> rng.between(1, 10);
            case PARKING_PERMIT -> rng.between(3, 35);
            case SOCIAL_SUPPORT -> rng.between(14, 70);
            case SOCIAL_ASSISTANCE -> rng.between(10, 60);
            case BUILDING_PERMIT -> rng.between(20, 90);
            case OBJECTION -> rng.between(20, 100);
        };
    }

    private Channel submitChannel(Resident r) {
        Channel preferred = r.preferredChannel;
        if (rng.chance(0.4) && (preferred == Channel.WEBFORM || preferred == Channel.EMAIL || preferred == Channel.DESK
                || preferred == Channel.LETTER || preferred == Channel.APP)) {
            return preferred;
        }
        double u = rng.nextDouble();
        if (r.age >= 75) {
            return u < 0.35 ? Channel.DESK : u < 0.65 ? Channel.LETTER : u < 0.85 ? Channel.WEBFORM : Channel.EMAIL;
        }
        return u < 0.6 ? Channel.WEBFORM : u < 0.75 ? Channel.DESK : u < 0.87 ? Channel.EMAIL : Channel.LETTER;
    }

    private void caseContacts(Resident r, CaseType type, Channel submitChannel, int submitted, int awaiting,
                              int decided, boolean isDecided) {
        Topic topic = topic(type);
        String submission = switch (type) {
            case OBJECTION -> "bezwaar-indienen";
            case PARKING_PERMIT -> "parkeervergunning";
            case SOCIAL_SUPPORT -> topic.subtopic(0, rng);
            case SOCIAL_ASSISTANCE -> "bijstand-aanvragen";
            case BUILDING_PERMIT -> "bouwvergunning";
            case REGISTRATION_MOVE -> "verhuizing-doorgeven";
        };
        if (calendar.contains(submitted)) {
            contacts.caseInbound(r, topic, submission, ContactKind.REQUEST, submitChannel, submitted);
        }
        if (awaiting != Integer.MIN_VALUE) {
            Channel ask = rng.chance(0.5) ? Channel.LETTER : Channel.EMAIL;
            contacts.caseOutbound(r, topic, "aanvullende-gegevens", ask, awaiting);
            int answer = awaiting + rng.between(2, 10);
            if (answer < decided) {
                Channel reply = rng.chance(0.6) ? Channel.WEBFORM : rng.chance(0.5) ? Channel.EMAIL : Channel.DESK;
                if (calendar.contains(answer)) {
                    contacts.caseInbound(r, topic, "aanvullende-gegevens", ContactKind.REQUEST, reply, answer);
                }
            }
        }
        if (isDecided && rng.chance(0.5)) {
            contacts.caseOutbound(r, topic, "besluit", rng.chance(0.6) ? Channel.LETTER : Channel.EMAIL, decided);
        }
        boolean late = decided > submitted + 56;
        if (rng.chance(late ? 0.6 : 0.15)) {
            int from = submitted + 14;
            int to = Math.min(decided, calendar.days - 1);
            if (from <= to && to >= 0) {
                int day = rng.between(Math.max(0, from), to);
                contacts.caseInbound(r, topic, type == CaseType.OBJECTION ? "status-bezwaar" : "status-aanvraag",
                        ContactKind.QUESTION, null, day);
            }
        }
    }

    static Topic topic(CaseType type) {
        return switch (type) {
            case OBJECTION -> Topic.BEZWAAR;
            case PARKING_PERMIT -> Topic.PARKEREN;
            case SOCIAL_SUPPORT -> Topic.WMO;
            case SOCIAL_ASSISTANCE -> Topic.BIJSTAND;
            case BUILDING_PERMIT -> Topic.VERGUNNINGEN;
            case REGISTRATION_MOVE -> Topic.VERHUIZING;
        };
    }

    private Instant instant(int day, int second) {
        return calendar.contains(day) ? calendar.instant(day, second)
                : calendar.date(day).atStartOfDay(ContactCalendar.ZONE).plusSeconds(second).toInstant();
    }
}
