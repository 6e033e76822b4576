package nl.maatwerk.server.contact;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.maatwerk.core.bsn.Bsn;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.FieldReader;

/** Reads and checks one contact from JSON, naming every bad field by its JSON pointer. */
final class ContactJson {

    static final Set<String> FIELDS = Set.of("source", "sourceId", "citizenId", "bsn", "channel", "direction", "kind",
            "topic", "subtopic", "occurredAt", "closedAt", "resolvedFirstContact", "satisfaction", "neighbourhood",
            "district", "text");
    private static final Duration CLOCK_SKEW = Duration.ofHours(24);
    private static final Pattern NEIGHBOURHOOD = Pattern.compile("BU[0-9A-Z]{8}");
    private static final Pattern DISTRICT = Pattern.compile("WK[0-9A-Z]{6}");

    private ContactJson() {
    }

    /** The contact, or null when it had problems (which were added to {@code problems}). */
    static ContactSubmission read(JsonNode node, String prefix, List<FieldProblem> problems) {
        FieldReader in = new FieldReader(node, prefix, problems);
        if (!in.isObject()) {
            return null;
        }
        int before = problems.size();
        in.rejectUnknown(FIELDS);
        String source = in.text("source", true, 64);
        String sourceId = in.text("sourceId", true, 128);
        UUID citizenId = in.uuid("citizenId", false);
        String bsn = in.text("bsn", false, 9);
        if (bsn != null && !Bsn.isValid(bsn)) {
            in.problem("bsn", Bsn.problem(bsn));
        }
        Channel channel = in.code("channel", Channel.class, true);
        Direction direction = in.code("direction", Direction.class, true);
        ContactKind kind = in.code("kind", ContactKind.class, true);
        String topic = in.text("topic", true, 64);
        String subtopic = in.text("subtopic", false, 128);
        Instant occurredAt = in.instant("occurredAt", true);
        if (occurredAt != null && occurredAt.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            in.problem("occurredAt", "lies more than a day in the future");
        }
        Instant closedAt = in.instant("closedAt", false);
        if (occurredAt != null && closedAt != null && closedAt.isBefore(occurredAt)) {
            in.problem("closedAt", "lies before occurredAt");
        }
        Boolean resolved = in.bool("resolvedFirstContact");
        Integer satisfaction = in.integer("satisfaction", false, 1, 5);
        String neighbourhood = in.text("neighbourhood", false, 10);
        if (neighbourhood != null && !NEIGHBOURHOOD.matcher(neighbourhood).matches()) {
            in.problem("neighbourhood", "\"" + neighbourhood + "\" is not a CBS neighbourhood code such as BU03630000");
        }
        String district = in.text("district", false, 8);
        if (district != null && !DISTRICT.matcher(district).matches()) {
            in.problem("district", "\"" + district + "\" is not a CBS district code such as WK036300");
        }
        String text = in.text("text", false, 4000);
        if (problems.size() > before) {
            return null;
        }
        if (district == null && neighbourhood != null) {
            district = "WK" + neighbourhood.substring(2, 8);
        }
        return new ContactSubmission(source, sourceId, citizenId, bsn, channel.code(), direction.code(), kind.code(),
                topic, subtopic, occurredAt, closedAt, resolved, satisfaction, neighbourhood, district, text);
    }
}
