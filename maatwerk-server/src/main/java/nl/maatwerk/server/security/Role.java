package nl.maatwerk.server.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person or system is allowed to do; deny unless the {@code PolicyTable} allows. */
public enum Role {
    /** Contact-centre agent: one citizen at a time, no bulk lists. */
    KCC,
    /** Aggregates only: dashboard, analytics, bulletins; never personal data. */
    ANALIST,
    /** Segments and journeys: counts, no member lists. */
    CAMPAGNE,
    /** The website's personalisation API only. */
    WEB,
    /** Ingest only: contacts, citizens, documents, cases. */
    INTEGRATOR,
    /** The privacy officer: registers, audit log, consent, data-subject requests. */
    PRIVACY,
    /** Administration: accounts and API keys, and every other route. */
    BEHEER;

    /** The lower-case name used in the database, the UI and configuration: {@code kcc}, {@code beheer}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority: {@code ROLE_kcc}. */
    public String authority() {
        return "ROLE_" + key();
    }

    public static Optional<Role> of(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.key().equals(wanted)).findFirst();
    }
}
