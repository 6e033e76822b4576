package nl.maatwerk.server.engage;

/** Where a queued message is on its way to the citizen. */
public enum MessageStatus {
    CREATED, SENDING, DELIVERED, TEMPORARY_FAILURE, PERMANENT_FAILURE, CANCELLED;

    public boolean isFinal() {
        return this == DELIVERED || this == PERMANENT_FAILURE || this == CANCELLED;
    }
}
