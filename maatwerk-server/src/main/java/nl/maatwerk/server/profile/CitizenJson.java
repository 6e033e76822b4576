package nl.maatwerk.server.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.maatwerk.core.bsn.Bsn;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.FieldReader;
import nl.maatwerk.server.privacy.AttributeRegister;

/** Reads a citizen from JSON, naming every bad field by its JSON pointer. */
final class CitizenJson {

    private static final Set<String> FIELDS = Set.of("id", "bsn", "birthDate", "household", "address", "language",
            "status", "attributes");
    private static final Set<String> HOUSEHOLD = Set.of("id", "type", "size", "youngestChildAge");
    private static final Set<String> ADDRESS = Set.of("postcode", "houseNumber", "neighbourhood", "district", "municipality");

    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3}[A-Z]{2}");
    private static final Pattern NEIGHBOURHOOD = Pattern.compile("BU[0-9A-Z]{8}");
    private static final Pattern DISTRICT = Pattern.compile("WK[0-9A-Z]{6}");
    private static final Pattern MUNICIPALITY = Pattern.compile("GM[0-9]{4}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private final AttributeRegister register;

    CitizenJson(AttributeRegister register) {
        this.register = register;
    }

    /** Reads one citizen; {@code id} comes from the path for PUT, or from the body in a batch. */
    CitizenSubmission read(JsonNode node, String prefix, UUID pathId, List<FieldProblem> problems) {
        FieldReader in = new FieldReader(node, prefix, problems);
        if (!in.isObject()) {
            return null;
        }
        int before = problems.size();
        in.rejectUnknown(FIELDS);
        UUID id = in.uuid("id", pathId == null);
        if (pathId != null && id != null && !id.equals(pathId)) {
            in.problem("id", "differs from the id in the path (" + pathId + ")");
        }
        String bsn = in.text("bsn", false, 9);
        if (bsn != null && !Bsn.isValid(bsn)) {
            in.problem("bsn", Bsn.problem(bsn));
        }
        LocalDate birthDate = in.date("birthDate", true);
        if (birthDate != null && (birthDate.isAfter(LocalDate.now()) || birthDate.getYear() < 1880)) {
            in.problem("birthDate", "must lie between 1880 and today");
        }
        FieldReader household = in.object("household", true);
        UUID householdId = null;
        HouseholdType householdType = null;
        Integer size = null;
        Integer youngest = null;
        if (household != null && household.isObject()) {
            household.rejectUnknown(HOUSEHOLD);
            householdId = household.uuid("id", false);
            householdType = household.code("type", HouseholdType.class, true);
            size = household.integer("size", false, 1, 30);
            youngest = household.integer("youngestChildAge", false, 0, 120);
        }
        FieldReader address = in.object("address", false);
        String postcode = null;
        Integer houseNumber = null;
        String neighbourhood = null;
        String district = null;
        String municipality = null;
        if (address != null && address.isObject()) {
            address.rejectUnknown(ADDRESS);
            postcode = pattern(address, "postcode", POSTCODE, "a Dutch postcode such as 1012AB");
            houseNumber = address.integer("houseNumber", false, 1, 99_999);
            neighbourhood = pattern(address, "neighbourhood", NEIGHBOURHOOD, "a CBS neighbourhood code such as BU03630000");
            district = pattern(address, "district", DISTRICT, "a CBS district code such as WK036300");
            municipality = pattern(address, "municipality", MUNICIPALITY, "a CBS municipality code such as GM0363");
        }
        String language = pattern(in, "language", LANGUAGE, "a two-letter ISO 639-1 code such as nl");
        RegistrationStatus status = in.code("status", RegistrationStatus.class, false);
        JsonNode attributes = in.value("attributes");
        register.check(attributes, in.pointer("attributes"), problems);
        if (problems.size() > before) {
            return null;
        }
        if (district == null && neighbourhood != null) {
            district = "WK" + neighbourhood.substring(2, 8);
        }
        return new CitizenSubmission(pathId != null ? pathId : id, bsn, birthDate, householdId,
                householdType.code(), size, youngest, postcode, houseNumber, neighbourhood, district, municipality,
                language == null ? "nl" : language, status == null ? "resident" : status.code(),
                attributes == null ? "{}" : attributes.toString());
    }

    private static String pattern(FieldReader in, String field, Pattern pattern, String expected) {
        String text = in.text(field, false, 32);
        if (text != null && !pattern.matcher(text).matches()) {
            in.problem(field, "\"" + text + "\" is not " + expected);
            return null;
        }
        return text;
    }
}
