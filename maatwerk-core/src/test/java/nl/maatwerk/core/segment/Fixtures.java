package nl.maatwerk.core.segment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The attribute register of V1 (the real one), for tests. */
final class Fixtures {

    static final String EXAMPLE = "age between 25 and 40 and household.type = \"family_with_children\""
            + " and district in (\"WK036300\", \"WK036301\")"
            + " and count(contacts where channel in (\"desk\", \"phone\") and occurredAt > now - 90d) >= 2"
            + " and document.travel.expiresWithin(8w) and not in segment \"digitaal-actief\"";

    static final SegmentSchema SCHEMA = SegmentSchema.of(List.of(
            AttributeDefinition.of("income_band", AttributeDefinition.Type.TEXT, List.of("low", "middle", "high"),
                    Set.of("segmentation", "contact_analytics", "social_support")),
            AttributeDefinition.of("receives_social_assistance", AttributeDefinition.Type.BOOLEAN, List.of(),
                    Set.of("social_support", "proactive_service")),
            AttributeDefinition.of("parking_permit_holder", AttributeDefinition.Type.BOOLEAN, List.of(),
                    Set.of("segmentation", "proactive_service", "service_delivery")),
            new AttributeDefinition("wmo_indication", AttributeDefinition.Type.BOOLEAN, List.of(),
                    Optional.of("health"), Set.of("social_support")),
            new AttributeDefinition("migration_background", AttributeDefinition.Type.TEXT,
                    List.of("none", "western", "non_western"), Optional.of("ethnicity"), Set.of()),
            AttributeDefinition.of("household_income", AttributeDefinition.Type.NUMBER, List.of(),
                    Set.of("segmentation")),
            AttributeDefinition.of("moved_in_on", AttributeDefinition.Type.DATE, List.of(), Set.of("segmentation")),
            AttributeDefinition.of("hobby", AttributeDefinition.Type.TEXT, List.of(), Set.of("segmentation"))));

    /** The purpose register of V1, with its data categories. */
    static final List<Purpose> PURPOSES = List.of(
            new Purpose("service_delivery", Set.of("identification", "address", "contact_history", "documents",
                    "cases")),
            new Purpose("proactive_service", Set.of("identification", "address", "documents", "cases",
                    "contact_preferences")),
            new Purpose("contact_analytics", Set.of("contact_history", "address")),
            new Purpose("segmentation", Set.of("household", "address", "age", "contact_history", "documents")),
            new Purpose("social_support", Set.of("identification", "address", "health", "income")));

    static final SegmentSchema SCHEMA_WITH_PURPOSES = SegmentSchema.of(SCHEMA.attributes().values(), PURPOSES);

    private Fixtures() {
    }
}
