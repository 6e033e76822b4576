package nl.maatwerk.core.segment;

/**
 * Every built-in field and the PostgreSQL column it reads (aliases: {@code c} citizen, {@code k} contact,
 * {@code m} municipal_case). Attributes are {@link #ATTRIBUTE} plus a name.
 */
enum Column {
    BIRTH_DATE("c.birth_date", false),
    HOUSEHOLD_TYPE("c.household_type", false),
    HOUSEHOLD_SIZE("c.household_size", true),
    YOUNGEST_CHILD_AGE("c.youngest_child_age", true),
    POSTCODE("c.postcode", true),
    NEIGHBOURHOOD("c.neighbourhood", true),
    DISTRICT("c.district", true),
    LANGUAGE("c.language", false),
    STATUS("c.status", false),
    ATTRIBUTE("c.attributes", true),
    TRAVEL_VALID("", false),
    TRAVEL_EXPIRES_WITHIN("", false),
    TRAVEL_EXPIRED_WITHIN("", false),
    CONTACT_CHANNEL("k.channel", false),
    CONTACT_DIGITAL("k.channel", false),
    CONTACT_DIRECTION("k.direction", false),
    CONTACT_KIND("k.kind", false),
    CONTACT_TOPIC("k.topic", false),
    CONTACT_SUBTOPIC("k.subtopic", true),
    CONTACT_OCCURRED_AT("k.occurred_at", false),
    CONTACT_SATISFACTION("k.satisfaction", true),
    CASE_TYPE("m.type", false),
    CASE_STATUS("m.status", false),
    CASE_OPEN("m.status", false),
    CASE_SUBMITTED_AT("m.submitted_at", false),
    CASE_DECISION_DEADLINE("m.decision_deadline", true),
    CASE_DECISION_DATE("m.decision_date", true),
    CASE_OBJECTION_DEADLINE("m.objection_deadline", true),
    CASE_CLOSED_AT("m.closed_at", true);

    private final String sql;
    private final boolean nullable;

    Column(String sql, boolean nullable) {
        this.sql = sql;
        this.nullable = nullable;
    }

    String sql() {
        return sql;
    }

    boolean nullable() {
        return nullable;
    }
}
