package nl.maatwerk.core.model;

import java.util.Locale;

/** Step in a case's life (zaakstatus). */
public enum CaseStatus implements Coded {
    RECEIVED, IN_PROGRESS, AWAITING_INFORMATION, DECIDED, CLOSED;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
