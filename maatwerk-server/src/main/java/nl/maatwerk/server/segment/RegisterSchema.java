package nl.maatwerk.server.segment;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.maatwerk.core.segment.AttributeDefinition;
import nl.maatwerk.core.segment.Purpose;
import nl.maatwerk.core.segment.SegmentSchema;
import nl.maatwerk.server.privacy.AttributeRegister;
import nl.maatwerk.server.privacy.PurposeRegister;
import org.springframework.stereotype.Component;

/**
 * The segment compiler's schema, read from the attribute and purpose registers each time it is asked for (two
 * small queries), so a change to a register applies to the next compile.
 */
@Component
class RegisterSchema {

    private final AttributeRegister attributes;
    private final PurposeRegister purposes;

    RegisterSchema(AttributeRegister attributes, PurposeRegister purposes) {
        this.attributes = attributes;
        this.purposes = purposes;
    }

    SegmentSchema current() {
        List<AttributeDefinition> definitions = attributes.all().stream().map(a -> new AttributeDefinition(a.name(),
                AttributeDefinition.Type.valueOf(a.type().name()),
                a.allowedValues() == null ? List.of() : a.allowedValues(), Optional.ofNullable(a.specialCategory()),
                new HashSet<>(a.purposes()))).toList();
        List<Purpose> known = purposes.all().stream()
                .map(p -> new Purpose(p.key(), new HashSet<>(p.dataCategories()))).toList();
        return SegmentSchema.of(definitions, known);
    }

    /** The register's types by attribute name, for reading citizens' attribute values. */
    Map<String, AttributeDefinition.Type> types() {
        return attributes.all().stream().collect(Collectors.toMap(a -> a.name(),
                a -> AttributeDefinition.Type.valueOf(a.type().name())));
    }

    /** The purposes by key with their Dutch and English names, for choosing one. */
    List<nl.maatwerk.server.privacy.Purpose> purposes() {
        return purposes.all();
    }
}
