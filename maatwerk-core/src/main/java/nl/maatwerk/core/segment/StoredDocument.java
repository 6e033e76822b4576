package nl.maatwerk.core.segment;

/** A travel document as the index keeps it: number, and issue and expiry as epoch days. */
record StoredDocument(String number, int issue, int expiry) {

    static StoredDocument of(TravelDocumentRow row) {
        return new StoredDocument(row.number(), Math.toIntExact(row.issueDate().toEpochDay()),
                Math.toIntExact(row.expiryDate().toEpochDay()));
    }

    boolean validOn(long day) {
        return issue <= day && expiry >= day;
    }
}
