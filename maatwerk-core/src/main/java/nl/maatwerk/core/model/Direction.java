package nl.maatwerk.core.model;

import java.util.Locale;

/** Whether the citizen contacted the municipality (inbound) or the other way round (outbound). */
public enum Direction implements Coded {
    INBOUND, OUTBOUND;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
