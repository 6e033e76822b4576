package nl.maatwerk.server.platform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Parses request bodies ourselves, so malformed JSON is reported with its line and column. */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonNode parse(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiProblem.invalid(FieldProblem.at("", "the request body is empty; a JSON document was expected"));
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiProblem.invalid(FieldProblem.at("", "the request body is empty; a JSON document was expected"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw ApiProblem.invalid(FieldProblem.at("", "could not read the body: " + e.getMessage()));
        }
    }

    /** Parses newline-delimited JSON: one document per non-blank line. */
    public static List<JsonNode> parseLines(ObjectMapper mapper, byte[] body) {
        List<JsonNode> items = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                items.add(mapper.readTree(lines[i]));
            } catch (JsonProcessingException e) {
                problems.add(new FieldProblem("#/" + items.size(), (long) i + 1, null, null,
                        "malformed JSON at line " + (i + 1) + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
                items.add(null);
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return items;
    }

    private static ApiProblem malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        long line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        return ApiProblem.invalid(new FieldProblem("#", line, null, null,
                "malformed JSON at line " + line + ", column " + column + ": " + e.getOriginalMessage()));
    }
}
