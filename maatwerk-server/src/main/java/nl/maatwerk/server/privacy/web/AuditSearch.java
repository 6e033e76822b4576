package nl.maatwerk.server.privacy.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.core.bsn.Bsn;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.AuditQuery;

/**
 * The search criteria as typed (API parameters or the page's form): a citizen by id or BSN, an actor, and a range of
 * days in Dutch time, both ends included. Turns them into an {@link AuditQuery}, naming each bad parameter.
 */
record AuditSearch(String citizen, String actor, String from, String to, Integer page, Integer size) {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** The query, or null when {@code problems} received something; a BSN nobody has finds nothing. */
    AuditQuery query(AuditLog audit, List<FieldProblem> problems) {
        UUID citizenId = null;
        boolean nobody = false;
        String who = blankToNull(citizen);
        if (who != null) {
            if (Bsn.isValid(who)) {
                citizenId = audit.citizenByBsn(who).orElse(null);
                nobody = citizenId == null;
            } else {
                try {
                    citizenId = UUID.fromString(who);
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.atParameter("citizen", "\"" + who + "\" is neither a citizen id (UUID) nor a valid BSN"));
                }
            }
        }
        LocalDate first = date("from", from, problems);
        LocalDate last = date("to", to, problems);
        if (first != null && last != null && last.isBefore(first)) {
            problems.add(FieldProblem.atParameter("to", "must not be before from (" + first + ")"));
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            problems.add(FieldProblem.atParameter("page", "must be 0 or more, was " + p));
        }
        if (s < 1 || s > 500) {
            problems.add(FieldProblem.atParameter("size", "must be between 1 and 500, was " + s));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new AuditQuery(nobody ? new UUID(0, 0) : citizenId, blankToNull(actor),
                first == null ? null : first.atStartOfDay(AMSTERDAM).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(AMSTERDAM).toInstant(), p, s);
    }

    private static LocalDate date(String name, String text, List<FieldProblem> problems) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.atParameter(name, "\"" + value + "\" is not a date such as 2026-03-02"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
