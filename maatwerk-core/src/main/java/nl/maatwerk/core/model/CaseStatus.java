package nl.maatwerk.core.model;

/** Step in a case's life (zaakstatus). */
public enum CaseStatus implements Coded {
    RECEIVED, IN_PROGRESS, AWAITING_INFORMATION, DECIDED, CLOSED;

    @Override
    public String code() {
        return name().toLowerCase();
    }
}
