package nl.maatwerk.server.engage.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.JsonBody;

/** A journey definition as JSON or YAML (by content type, or for the editor by its first character). */
final class JourneyBody {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private JourneyBody() {
    }

    static JsonNode parse(ObjectMapper json, byte[] body, String contentType) {
        boolean yaml = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("yaml");
        return yaml ? yaml(new String(body, StandardCharsets.UTF_8)) : JsonBody.parse(json, body);
    }

    /** Editor text: JSON when it starts with '{', else YAML. */
    static JsonNode text(ObjectMapper json, String text) {
        String t = text == null ? "" : text.strip();
        return t.startsWith("{") ? JsonBody.parse(json, t.getBytes(StandardCharsets.UTF_8)) : yaml(t);
    }

    private static JsonNode yaml(String text) {
        try {
            JsonNode node = YAML.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw ApiProblem.invalid(FieldProblem.at("", "the definition is empty"));
            }
            return node;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw ApiProblem.invalid(FieldProblem.atText("", loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    null, null, "not valid YAML: " + e.getOriginalMessage()));
        }
    }
}
