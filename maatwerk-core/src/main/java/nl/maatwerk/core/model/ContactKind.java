package nl.maatwerk.core.model;

import java.util.Locale;

/** What a contact was about in form, independent of its topic. */
public enum ContactKind implements Coded {
    QUESTION, REQUEST, REPORT, COMPLAINT, COMPLIMENT;

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
