package nl.maatwerk.core.segment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;
import nl.maatwerk.core.model.TravelDocumentType;

/**
 * A small random municipality whose values crowd around the edges the language defines: birthdays on and next
 * to today, contacts a second either side of {@code now - 90d}, documents expiring today, fractional seconds.
 * The same rows go into PostgreSQL and into a {@link SegmentIndex}.
 */
final class TestPopulation {

    static final String[] DISTRICTS = {"WK036300", "WK036301", "WK036302"};
    static final String[] NEIGHBOURHOODS = {"BU03630000", "BU03630001", "BU03630100", "BU03630200"};
    static final String[] POSTCODES = {"1011AB", "1012CD", "1013EF"};
    static final String[] LANGUAGES = {"nl", "en", "tr"};
    static final String[] TOPICS = {"parking", "waste", "passport", "benefits"};
    static final String[] SUBTOPICS = {"permit", "fine", "appointment"};
    static final String[] HOBBIES = {"chess", "football", "music"};

    final Instant now;
    final List<CitizenRow> citizens = new ArrayList<>();
    final List<ContactRow> contacts = new ArrayList<>();
    final List<TravelDocumentRow> documents = new ArrayList<>();
    final List<CaseRow> cases = new ArrayList<>();
    final List<Integer> excluded = new ArrayList<>();
    private final Random random;
    private final LocalDate today;

    TestPopulation(long seed, Instant now, int citizenCount, int contactCount) {
        this.random = new Random(seed);
        this.now = now;
        this.today = now.atZone(Moments.ZONE).toLocalDate();
        for (int seq = 1; seq <= citizenCount; seq++) {
            citizens.add(citizen(seq));
            if (random.nextInt(30) == 0) {
                excluded.add(seq);
            }
            int docs = random.nextInt(3);
            for (int d = 0; d < docs; d++) {
                documents.add(document(seq, d));
            }
            if (random.nextInt(3) == 0) {
                for (int c = random.nextInt(3); c >= 0; c--) {
                    cases.add(municipalCase(seq));
                }
            }
        }
        for (int id = 1; id <= contactCount; id++) {
            contacts.add(contact(id, 1 + random.nextInt(citizenCount)));
        }
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T maybe(T value) {
        return random.nextInt(8) == 0 ? null : value;
    }

    /** A day near an edge: today, a whole number of years ago give or take a day, or anywhere. */
    private LocalDate birthDate() {
        int years = random.nextInt(95);
        return switch (random.nextInt(4)) {
            case 0 -> today.minusYears(years);
            case 1 -> today.minusYears(years).plusDays(1);
            case 2 -> today.minusYears(years).minusDays(1);
            default -> today.minusDays(random.nextInt(36_000));
        };
    }

    /** A moment near an edge the generator of expressions uses, with fractional seconds. */
    Instant moment() {
        Instant base = switch (random.nextInt(6)) {
            case 0 -> now.minus(Duration.ofDays(90));
            case 1 -> now.atZone(Moments.ZONE).minusMonths(12).toInstant();
            case 2 -> now;
            case 3 -> today.atStartOfDay(Moments.ZONE).toInstant();
            case 4 -> now.minus(Duration.ofDays(random.nextInt(800)));
            default -> now.minus(Duration.ofDays(7L * random.nextInt(60)));
        };
        long seconds = random.nextInt(5) - 2;
        long micros = random.nextBoolean() ? 0 : random.nextInt(1_000_000);
        return base.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(seconds).plusNanos(micros * 1000);
    }

    LocalDate day() {
        return switch (random.nextInt(3)) {
            case 0 -> today.plusDays(random.nextInt(7) - 3);
            case 1 -> today.plusDays(random.nextInt(120) - 60);
            default -> today.plusDays(random.nextInt(1500) - 1000);
        };
    }

    private CitizenRow citizen(int seq) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (random.nextInt(4) > 0) {
            attributes.put("income_band", pick(new String[] {"low", "middle", "high"}));
        }
        if (random.nextInt(3) > 0) {
            attributes.put("parking_permit_holder", random.nextBoolean());
        }
        if (random.nextInt(3) > 0) {
            attributes.put("household_income", BigDecimal.valueOf(random.nextInt(200), 1).multiply(BigDecimal.TEN));
        }
        if (random.nextInt(3) > 0) {
            attributes.put("moved_in_on", day());
        }
        if (random.nextInt(3) > 0) {
            attributes.put("hobby", pick(HOBBIES));
        }
        HouseholdType type = pick(HouseholdType.values());
        return new CitizenRow(seq, birthDate(), type, maybe(1 + random.nextInt(6)), maybe(random.nextInt(18)),
                maybe(pick(POSTCODES)), maybe(pick(NEIGHBOURHOODS)), maybe(pick(DISTRICTS)), pick(LANGUAGES),
                random.nextInt(10) == 0 ? pick(RegistrationStatus.values()) : RegistrationStatus.RESIDENT, attributes);
    }

    private TravelDocumentRow document(int seq, int index) {
        LocalDate expiry = day();
        LocalDate issue = random.nextInt(20) == 0 ? today.plusDays(1 + random.nextInt(3))
                : expiry.minusYears(random.nextBoolean() ? 10 : 5);
        if (!expiry.isAfter(issue)) {
            expiry = issue.plusDays(1 + random.nextInt(3));
        }
        String number = String.format("%s%07d", (char) ('A' + index), seq);
        return new TravelDocumentRow(number + (index % 10), seq, pick(TravelDocumentType.values()), issue, expiry);
    }

    private CaseRow municipalCase(int seq) {
        CaseStatus status = pick(CaseStatus.values());
        Instant submitted = moment();
        Instant closed = status == CaseStatus.CLOSED ? submitted.plus(Duration.ofDays(random.nextInt(60))) : null;
        return new CaseRow(new UUID(seq, random.nextLong()), seq, pick(CaseType.values()), status, submitted,
                maybe(day()), random.nextBoolean() ? day() : null, maybe(day()), closed);
    }

    private ContactRow contact(long id, int seq) {
        return new ContactRow(id, seq, pick(Channel.values()), pick(Direction.values()), pick(ContactKind.values()),
                pick(TOPICS), maybe(pick(SUBTOPICS)), moment(), random.nextInt(3) == 0 ? 1 + random.nextInt(5) : null);
    }

    void loadInto(SegmentIndex index) {
        index.batch(() -> {
            citizens.forEach(index::upsertCitizen);
            contacts.forEach(index::putContact);
            documents.forEach(index::putTravelDocument);
            cases.forEach(index::putCase);
            excluded.forEach(seq -> index.exclude(seq, true));
        });
    }

    static UUID citizenId(int seq) {
        return new UUID(0x5e6, seq);
    }

    void insertInto(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement ps = db.prepareStatement("insert into citizen (id, seq, birth_date, household_type,"
                + " household_size, youngest_child_age, postcode, neighbourhood, district, language, status,"
                + " attributes)"
                + " overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            for (CitizenRow c : citizens) {
                ps.setObject(1, citizenId(c.seq()));
                ps.setInt(2, c.seq());
                ps.setObject(3, c.birthDate());
                ps.setString(4, c.householdType().code());
                ps.setObject(5, c.householdSize(), Types.SMALLINT);
                ps.setObject(6, c.youngestChildAge(), Types.SMALLINT);
                ps.setString(7, c.postcode());
                ps.setString(8, c.neighbourhood());
                ps.setString(9, c.district());
                ps.setString(10, c.language());
                ps.setString(11, c.status().code());
                ps.setString(12, json(c.attributes()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = db.prepareStatement("insert into contact (id, source, source_id, citizen_id,"
                + " channel, direction, kind, topic, subtopic, occurred_at, satisfaction, content_hash)"
                + " overriding system value values (?, 'test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ContactRow k : contacts) {
                ps.setLong(1, k.id());
                ps.setString(2, String.valueOf(k.id()));
                ps.setObject(3, citizenId(k.citizenSeq()));
                ps.setString(4, k.channel().code());
                ps.setString(5, k.direction().code());
                ps.setString(6, k.kind().code());
                ps.setString(7, k.topic());
                ps.setString(8, k.subtopic());
                ps.setObject(9, OffsetDateTime.ofInstant(k.occurredAt(), ZoneOffset.UTC));
                ps.setObject(10, k.satisfaction(), Types.SMALLINT);
                ps.setObject(11, UUID.randomUUID());
                ps.addBatch();
            }
            for (long id = contacts.size() + 1; id <= contacts.size() + 50; id++) {   // contacts of nobody
                ps.setLong(1, id);
                ps.setString(2, String.valueOf(id));
                ps.setObject(3, null);
                ps.setString(4, "phone");
                ps.setString(5, "inbound");
                ps.setString(6, "question");
                ps.setString(7, "waste");
                ps.setString(8, null);
                ps.setObject(9, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setObject(10, null, Types.SMALLINT);
                ps.setObject(11, UUID.randomUUID());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = db.prepareStatement("insert into travel_document (number, citizen_id, type,"
                + " issue_date, expiry_date) values (?, ?, ?, ?, ?)")) {
            for (TravelDocumentRow d : documents) {
                ps.setString(1, d.number());
                ps.setObject(2, citizenId(d.citizenSeq()));
                ps.setString(3, d.type().code());
                ps.setObject(4, d.issueDate());
                ps.setObject(5, d.expiryDate());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = db.prepareStatement("insert into municipal_case (id, citizen_id, type, status,"
                + " submitted_at, decision_deadline, decision_date, objection_deadline, closed_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CaseRow m : cases) {
                ps.setObject(1, m.id());
                ps.setObject(2, citizenId(m.citizenSeq()));
                ps.setString(3, m.type().code());
                ps.setString(4, m.status().code());
                ps.setObject(5, OffsetDateTime.ofInstant(m.submittedAt(), ZoneOffset.UTC));
                ps.setObject(6, m.decisionDeadline());
                ps.setObject(7, m.decisionDate());
                ps.setObject(8, m.objectionDeadline());
                ps.setObject(9, m.closedAt() == null ? null : OffsetDateTime.ofInstant(m.closedAt(), ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /**
     * Changes a share of everything in both the database and the index, the way the server's change feed
     * would: citizens rewritten or deleted, contacts deleted or moved, documents removed and added, cases
     * updated, objections flipped. Afterwards the index must still agree with the database.
     */
    void mutate(Connection db, SegmentIndex index) throws SQLException {
        db.setAutoCommit(false);
        List<Runnable> changes = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("update citizen set birth_date = ?, household_type = ?,"
                + " household_size = ?, youngest_child_age = ?, postcode = ?, neighbourhood = ?, district = ?,"
                + " language = ?, status = ?, attributes = ?::jsonb where seq = ?")) {
            for (int i = 0; i < citizens.size() / 7; i++) {
                CitizenRow c = citizen(1 + random.nextInt(citizens.size()));
                ps.setObject(1, c.birthDate());
                ps.setString(2, c.householdType().code());
                ps.setObject(3, c.householdSize(), Types.SMALLINT);
                ps.setObject(4, c.youngestChildAge(), Types.SMALLINT);
                ps.setString(5, c.postcode());
                ps.setString(6, c.neighbourhood());
                ps.setString(7, c.district());
                ps.setString(8, c.language());
                ps.setString(9, c.status().code());
                ps.setString(10, json(c.attributes()));
                ps.setInt(11, c.seq());
                ps.addBatch();
                changes.add(() -> index.upsertCitizen(c));
            }
            ps.executeBatch();
        }
        try (PreparedStatement delete = db.prepareStatement("delete from contact where id = ?");
                PreparedStatement move = db.prepareStatement("update contact set citizen_id = ?, channel = ?,"
                        + " occurred_at = ?, satisfaction = ? where id = ?")) {
            for (int i = 0; i < contacts.size() / 20; i++) {
                long id = 1 + random.nextInt(contacts.size());
                delete.setLong(1, id);
                delete.addBatch();
                changes.add(() -> index.removeContact(id));
            }
            delete.executeBatch();
            for (int i = 0; i < contacts.size() / 40; i++) {
                long id = 1 + random.nextInt(contacts.size());
                ContactRow k = contact(id, 1 + random.nextInt(citizens.size()));
                move.setObject(1, citizenId(k.citizenSeq()));
                move.setString(2, k.channel().code());
                move.setObject(3, OffsetDateTime.ofInstant(k.occurredAt(), ZoneOffset.UTC));
                move.setObject(4, k.satisfaction(), Types.SMALLINT);
                move.setLong(5, id);
                if (move.executeUpdate() == 1) {   // not deleted just before
                    ContactRow stored = new ContactRow(id, k.citizenSeq(), k.channel(), contacts.get((int) id - 1)
                            .direction(), contacts.get((int) id - 1).kind(), contacts.get((int) id - 1).topic(),
                            contacts.get((int) id - 1).subtopic(), k.occurredAt(), k.satisfaction());
                    changes.add(() -> index.putContact(stored));
                }
            }
        }
        try (PreparedStatement delete = db.prepareStatement("delete from travel_document where number = ?")) {
            for (int i = 0; i < documents.size() / 10; i++) {
                TravelDocumentRow d = documents.get(random.nextInt(documents.size()));
                delete.setString(1, d.number());
                delete.addBatch();
                changes.add(() -> index.removeTravelDocument(d.citizenSeq(), d.number()));
            }
            delete.executeBatch();
        }
        List<TravelDocumentRow> added = new ArrayList<>();
        for (int i = 0; i < citizens.size() / 20; i++) {
            added.add(document(1 + random.nextInt(citizens.size()), 5 + random.nextInt(5)));
        }
        try (PreparedStatement insert = db.prepareStatement("insert into travel_document (number, citizen_id, type,"
                + " issue_date, expiry_date) values (?, ?, ?, ?, ?) on conflict (number) do update set"
                + " issue_date = excluded.issue_date, expiry_date = excluded.expiry_date, type = excluded.type")) {
            for (TravelDocumentRow d : added) {
                insert.setString(1, d.number());
                insert.setObject(2, citizenId(d.citizenSeq()));
                insert.setString(3, d.type().code());
                insert.setObject(4, d.issueDate());
                insert.setObject(5, d.expiryDate());
                insert.addBatch();
                changes.add(() -> index.putTravelDocument(d));
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = db.prepareStatement("update municipal_case set status = ?, closed_at = ?,"
                + " decision_date = ? where id = ?")) {
            for (int i = 0; i < cases.size() / 5; i++) {
                CaseRow m = cases.get(random.nextInt(cases.size()));
                CaseRow changed = new CaseRow(m.id(), m.citizenSeq(), m.type(), CaseStatus.CLOSED, m.submittedAt(),
                        m.decisionDeadline(), day(), m.objectionDeadline(), moment());
                update.setString(1, changed.status().code());
                update.setObject(2, OffsetDateTime.ofInstant(changed.closedAt(), ZoneOffset.UTC));
                update.setObject(3, changed.decisionDate());
                update.setObject(4, changed.id());
                update.addBatch();
                changes.add(() -> index.putCase(changed));
            }
            update.executeBatch();
        }
        try (PreparedStatement delete = db.prepareStatement("delete from citizen where seq = ?")) {
            for (int i = 0; i < citizens.size() / 50; i++) {
                int seq = 1 + random.nextInt(citizens.size());
                delete.setInt(1, seq);
                delete.addBatch();
                changes.add(() -> index.removeCitizen(seq));
            }
            delete.executeBatch();
        }
        for (int i = 0; i < excluded.size() / 2; i++) {
            int seq = excluded.remove(random.nextInt(excluded.size()));
            changes.add(() -> index.exclude(seq, false));
        }
        for (int i = 0; i < citizens.size() / 100; i++) {
            int seq = 1 + random.nextInt(citizens.size());
            excluded.add(seq);
            changes.add(() -> index.exclude(seq, true));
        }
        db.commit();
        db.setAutoCommit(true);
        index.batch(() -> changes.forEach(Runnable::run));
    }

    private static String json(Map<String, Object> attributes) {
        StringBuilder out = new StringBuilder("{");
        attributes.forEach((name, value) -> {
            out.append(out.length() > 1 ? "," : "").append('"').append(name).append("\":");
            if (value instanceof String || value instanceof LocalDate) {
                out.append('"').append(value).append('"');
            } else {
                out.append(value);
            }
        });
        return out.append('}').toString();
    }

}
