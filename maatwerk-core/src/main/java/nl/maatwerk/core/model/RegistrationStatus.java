package nl.maatwerk.core.model;

/** Whether a person is registered in the municipality, shaped after BRP's opschorting bijhouding. */
public enum RegistrationStatus implements Coded {
    RESIDENT, MOVED_OUT, DECEASED;

    @Override
    public String code() {
        return name().toLowerCase();
    }
}
