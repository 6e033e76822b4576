package nl.maatwerk.core.model;

/** Kind of travel document, with the Haal Centraal Reisdocumenten {@code soort.code}. */
public enum TravelDocumentType implements Coded {
    PASSPORT("PN"), IDENTITY_CARD("NI");

    private final String brpCode;

    TravelDocumentType(String brpCode) {
        this.brpCode = brpCode;
    }

    public String brpCode() {
        return brpCode;
    }

    @Override
    public String code() {
        return brpCode;
    }
}
