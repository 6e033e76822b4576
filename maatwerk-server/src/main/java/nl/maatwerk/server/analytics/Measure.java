package nl.maatwerk.server.analytics;

/**
 * What is counted or averaged per group. Definitions, in words, are in docs/metrics.md; each measure
 * says which contacts it looks at ({@code n}) and its value over them.
 */
public enum Measure {
    /** Contacts and distinct persons. */
    CONTACTS("contacts"),
    /** Share of contacts with a known outcome that were resolved in the first contact. */
    FIRST_CONTACT_RESOLUTION("first-contact-resolution"),
    /** Share of inbound contacts of a known citizen preceded by an inbound contact of theirs on the same topic in the 7 days before. */
    REPEAT_CONTACT("repeat-contact"),
    /** Mean satisfaction score (1-5) of the contacts that were rated. */
    SATISFACTION("satisfaction"),
    /** Mean hours from first contact to closing, over closed contacts. */
    TIME_TO_CLOSE("time-to-close"),
    /** Share of contacts through a digital channel. */
    DIGITAL_SHARE("digital-share");

    private final String path;

    Measure(String path) {
        this.path = path;
    }

    /** The last segment of the API path. */
    public String path() {
        return path;
    }
}
