package nl.maatwerk.core.model;

import java.util.Locale;

/** The way a contact reached the municipality or the citizen (VNG Klantinteracties: kanaal). */
public enum Channel implements Coded {
    PHONE(false), DESK(false), EMAIL(true), WEBFORM(true), CHAT(true), WHATSAPP(true),
    SOCIAL(true), LETTER(false), APP(true), SMS(true);

    private final boolean digital;
    private final String code;

    Channel(boolean digital) {
        this.digital = digital;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** Digital channels are self-service or written online; the others need a person or paper. */
    public boolean digital() {
        return digital;
    }

    @Override
    public String code() {
        return code;   // asked once per row written in bulk
    }
}
