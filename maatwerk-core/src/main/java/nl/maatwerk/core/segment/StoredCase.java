package nl.maatwerk.core.segment;

import java.util.UUID;

/** A case as the index keeps it: codes as ordinals, moments as epoch seconds, dates as epoch days. */
record StoredCase(UUID id, int type, int status, long submitted, int decisionDeadline, int decisionDate,
        int objectionDeadline, long closed) {

    static final long NO_MOMENT = Long.MIN_VALUE;

    static StoredCase of(CaseRow row) {
        return new StoredCase(row.id(), row.type().ordinal(), row.status().ordinal(),
                row.submittedAt().getEpochSecond(),
                day(row.decisionDeadline()), day(row.decisionDate()), day(row.objectionDeadline()),
                row.closedAt() == null ? NO_MOMENT : row.closedAt().getEpochSecond());
    }

    private static int day(java.time.LocalDate date) {
        return date == null ? NumberColumn.MISSING : Math.toIntExact(date.toEpochDay());
    }
}
