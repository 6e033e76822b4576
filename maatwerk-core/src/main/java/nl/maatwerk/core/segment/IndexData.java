package nl.maatwerk.core.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.roaringbitmap.RoaringBitmap;

/**
 * The index's storage, without locking ({@link SegmentIndex} adds that): citizen columns, attribute columns,
 * contacts, travel documents and cases. See {@link Categorical}, {@link NumberColumn}, {@link ContactStore} and
 * {@link PerCitizen} for the structures and their costs.
 */
final class IndexData {

    final RoaringBitmap citizens = new RoaringBitmap();
    final RoaringBitmap excluded = new RoaringBitmap();
    /** Per purpose: the citizens who withdrew their consent for it. */
    final Map<String, RoaringBitmap> withdrawn = new HashMap<>();
    /** Epoch days; bucketed per 256 days (about 170 buckets for a population), so an age range is a union. */
    final NumberColumn birthDay = NumberColumn.bucketed(8);
    final NumberColumn householdSize = new NumberColumn();
    final NumberColumn youngestChildAge = new NumberColumn();
    final Categorical householdType = new Categorical();
    final Categorical postcode = new Categorical();
    final Categorical neighbourhood = new Categorical();
    final Categorical district = new Categorical();
    final Categorical language = new Categorical();
    final Categorical status = new Categorical();
    final Map<String, AttributeColumns> attributes = new HashMap<>();
    final ContactStore contacts = new ContactStore();
    final PerCitizen<StoredDocument> documents = new PerCitizen<>();
    final ExpiryIndex expiry = new ExpiryIndex();
    final PerCitizen<StoredCase> cases = new PerCitizen<>();

    /** The columns of one declared attribute; a value lands in the one its Java type says. */
    static final class AttributeColumns {
        final Categorical texts = new Categorical();
        final NumberColumn numbers = new NumberColumn();
        final NumberColumn dates = new NumberColumn();

        void set(int seq, Object value) {
            texts.set(seq, value instanceof String || value instanceof Boolean ? value.toString() : null);
            numbers.setDecimal(seq, value instanceof Number n ? decimal(n) : null);
            dates.setWhole(seq, value instanceof LocalDate d ? Math.toIntExact(d.toEpochDay()) : null);
        }

        private static Double decimal(Number n) {
            return n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue();
        }

        long bytes() {
            return texts.bytes() + numbers.bytes() + dates.bytes();
        }
    }

    void upsert(CitizenRow row) {
        int seq = row.seq();
        citizens.add(seq);
        birthDay.setWhole(seq, Math.toIntExact(row.birthDate().toEpochDay()));
        householdSize.setWhole(seq, row.householdSize());
        youngestChildAge.setWhole(seq, row.youngestChildAge());
        householdType.set(seq, row.householdType().code());
        postcode.set(seq, row.postcode());
        neighbourhood.set(seq, row.neighbourhood());
        district.set(seq, row.district());
        language.set(seq, row.language());
        status.set(seq, row.status().code());
        attributes.forEach((name, columns) -> {
            if (!row.attributes().containsKey(name)) {
                columns.set(seq, null);
            }
        });
        row.attributes().forEach((name, value) ->
                attributes.computeIfAbsent(name, n -> new AttributeColumns()).set(seq, value));
    }

    void remove(int seq) {
        citizens.remove(seq);
        excluded.remove(seq);
        withdrawn.values().forEach(w -> w.remove(seq));
        birthDay.setWhole(seq, null);
        householdSize.setWhole(seq, null);
        youngestChildAge.setWhole(seq, null);
        householdType.set(seq, null);
        postcode.set(seq, null);
        neighbourhood.set(seq, null);
        district.set(seq, null);
        language.set(seq, null);
        status.set(seq, null);
        attributes.values().forEach(columns -> columns.set(seq, null));
        expiry.forget(seq, documents.rows(seq));
        documents.clear(seq);
        cases.clear(seq);
    }

    void putDocument(TravelDocumentRow row) {
        int seq = row.citizenSeq();
        expiry.forget(seq, documents.rows(seq));
        documents.put(seq, StoredDocument.of(row), d -> d.number().equals(row.number()));
        expiry.add(seq, documents.rows(seq));
    }

    void removeDocument(int seq, String number) {
        expiry.forget(seq, documents.rows(seq));
        documents.remove(seq, d -> d.number().equals(number));
        expiry.add(seq, documents.rows(seq));
    }

    void putCase(CaseRow row) {
        cases.put(row.citizenSeq(), StoredCase.of(row), c -> c.id().equals(row.id()));
    }

    void removeCase(int seq, UUID id) {
        cases.remove(seq, c -> c.id().equals(id));
    }

    long bytes() {
        long bytes = citizens.getLongSizeInBytes() + excluded.getLongSizeInBytes() + birthDay.bytes()
                + householdSize.bytes() + youngestChildAge.bytes() + householdType.bytes() + postcode.bytes()
                + neighbourhood.bytes() + district.bytes() + language.bytes() + status.bytes()
                + contacts.bytes() + documents.bytes(40) + expiry.bytes() + cases.bytes(72);
        for (RoaringBitmap w : withdrawn.values()) {
            bytes += w.getLongSizeInBytes();
        }
        for (AttributeColumns columns : attributes.values()) {
            bytes += columns.bytes();
        }
        return bytes;
    }
}
