package nl.maatwerk.core.model;

import java.util.Locale;

/** Whether a person is registered in the municipality, shaped after BRP's opschorting bijhouding. */
public enum RegistrationStatus implements Coded {
    RESIDENT, MOVED_OUT, DECEASED;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
