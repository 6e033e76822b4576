package nl.maatwerk.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Coded;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;

/**
 * The built-in fields of each scope, plus the declared attributes of a schema. Names are matched without
 * regard to case (the language is case-insensitive) and come back in their canonical spelling.
 */
final class FieldCatalog {

    static final String ATTRIBUTE_PREFIX = "attribute.";

    private static final Map<String, FieldInfo> CITIZEN = index(
            FieldInfo.of("age", FieldKind.AGE, Column.BIRTH_DATE).in("age"),
            FieldInfo.of("birthDate", FieldKind.DATE, Column.BIRTH_DATE).in("age"),
            FieldInfo.ofEnum("household.type", codes(HouseholdType.class), Column.HOUSEHOLD_TYPE).in("household"),
            FieldInfo.of("household.size", FieldKind.INTEGER, Column.HOUSEHOLD_SIZE).in("household"),
            FieldInfo.of("household.youngestChildAge", FieldKind.INTEGER, Column.YOUNGEST_CHILD_AGE).in("household"),
            FieldInfo.of("postcode", FieldKind.TEXT, Column.POSTCODE).in("address"),
            FieldInfo.of("neighbourhood", FieldKind.TEXT, Column.NEIGHBOURHOOD).in("address"),
            FieldInfo.of("district", FieldKind.TEXT, Column.DISTRICT).in("address"),
            FieldInfo.of("language", FieldKind.TEXT, Column.LANGUAGE).in("contact_preferences"),
            FieldInfo.ofEnum("status", codes(RegistrationStatus.class), Column.STATUS).in("address"),
            FieldInfo.of("document.travel.valid", FieldKind.FLAG, Column.TRAVEL_VALID).in("documents"),
            FieldInfo.of("document.travel.expiresWithin", FieldKind.CALL, Column.TRAVEL_EXPIRES_WITHIN).in("documents"),
            FieldInfo.of("document.travel.expiredWithin", FieldKind.CALL, Column.TRAVEL_EXPIRED_WITHIN)
                    .in("documents"));

    private static final Map<String, FieldInfo> CONTACT = index(
            FieldInfo.ofEnum("channel", codes(Channel.class), Column.CONTACT_CHANNEL),
            FieldInfo.of("channel.digital", FieldKind.FLAG, Column.CONTACT_DIGITAL),
            FieldInfo.ofEnum("direction", codes(Direction.class), Column.CONTACT_DIRECTION),
            FieldInfo.ofEnum("kind", codes(ContactKind.class), Column.CONTACT_KIND),
            FieldInfo.of("topic", FieldKind.TEXT, Column.CONTACT_TOPIC),
            FieldInfo.of("subtopic", FieldKind.TEXT, Column.CONTACT_SUBTOPIC),
            FieldInfo.of("occurredAt", FieldKind.TIMESTAMP, Column.CONTACT_OCCURRED_AT),
            FieldInfo.of("satisfaction", FieldKind.INTEGER, Column.CONTACT_SATISFACTION));

    private static final Map<String, FieldInfo> CASE = index(
            FieldInfo.ofEnum("type", codes(CaseType.class), Column.CASE_TYPE),
            FieldInfo.ofEnum("status", codes(CaseStatus.class), Column.CASE_STATUS),
            FieldInfo.of("open", FieldKind.FLAG, Column.CASE_OPEN),
            FieldInfo.of("submittedAt", FieldKind.TIMESTAMP, Column.CASE_SUBMITTED_AT),
            FieldInfo.of("decisionDeadline", FieldKind.DATE, Column.CASE_DECISION_DEADLINE),
            FieldInfo.of("decisionDate", FieldKind.DATE, Column.CASE_DECISION_DATE),
            FieldInfo.of("objectionDeadline", FieldKind.DATE, Column.CASE_OBJECTION_DEADLINE),
            FieldInfo.of("closedAt", FieldKind.TIMESTAMP, Column.CASE_CLOSED_AT));

    private final SegmentSchema schema;

    FieldCatalog(SegmentSchema schema) {
        this.schema = schema;
    }

    SegmentSchema schema() {
        return schema;
    }

    /** The field {@code name} in {@code scope}, if there is one. */
    Optional<FieldInfo> find(Scope scope, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (scope == Scope.CITIZEN && lower.startsWith(ATTRIBUTE_PREFIX)) {
            return schema.attribute(lower.substring(ATTRIBUTE_PREFIX.length())).map(FieldCatalog::attribute);
        }
        return Optional.ofNullable(builtIn(scope).get(lower));
    }

    /** Every name valid in {@code scope}, for suggestions. */
    List<String> names(Scope scope) {
        List<String> names = new ArrayList<>();
        builtIn(scope).values().forEach(f -> names.add(f.name()));
        if (scope == Scope.CITIZEN) {
            schema.attributes().keySet().stream().sorted().forEach(a -> names.add(ATTRIBUTE_PREFIX + a));
        }
        return names;
    }

    /** The time field that {@code first(…)}/{@code last(…)} read for a source. */
    static FieldInfo timeOf(Expression.Source source) {
        return source == Expression.Source.CONTACTS ? CONTACT.get("occurredat") : CASE.get("submittedat");
    }

    /** The data category a {@code count}/{@code first}/{@code last} over {@code source} reads. */
    static String categoryOf(Expression.Source source) {
        return source == Expression.Source.CONTACTS ? "contact_history" : "cases";
    }

    static Scope scopeOf(Expression.Source source) {
        return source == Expression.Source.CONTACTS ? Scope.CONTACT : Scope.CASE;
    }

    static FieldInfo attribute(AttributeDefinition d) {
        FieldKind kind = switch (d.type()) {
            case TEXT -> d.allowedValues().isEmpty() ? FieldKind.TEXT : FieldKind.ENUM;
            case NUMBER -> FieldKind.DECIMAL;
            case BOOLEAN -> FieldKind.BOOLEAN;
            case DATE -> FieldKind.DATE;
        };
        return new FieldInfo(ATTRIBUTE_PREFIX + d.name(), kind, d.allowedValues(), Column.ATTRIBUTE, d.name(), null);
    }

    private static Map<String, FieldInfo> builtIn(Scope scope) {
        return switch (scope) {
            case CITIZEN -> CITIZEN;
            case CONTACT -> CONTACT;
            case CASE -> CASE;
        };
    }

    private static Map<String, FieldInfo> index(FieldInfo... fields) {
        Map<String, FieldInfo> map = new LinkedHashMap<>();
        for (FieldInfo f : fields) {
            map.put(f.name().toLowerCase(Locale.ROOT), f);
        }
        return map;
    }

    private static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }
}
