package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The built-in example journeys ("Paspoort verloopt", "Bezwaartermijn loopt af", "Volgende stap in uw aanvraag"),
 * JSON under {@code resources/journeys/}; {@code ./maatwerk demo} loads them.
 */
@Component
public class JourneyExamples {

    static final List<String> FILES = List.of("paspoort-verloopt", "bezwaartermijn-loopt-af", "volgende-stap-in-uw-aanvraag");

    private final Journeys journeys;
    private final JourneyStore store;
    private final ObjectMapper json;

    JourneyExamples(Journeys journeys, JourneyStore store, ObjectMapper json) {
        this.journeys = journeys;
        this.store = store;
        this.json = json;
    }

    /** Defines each example that is not there yet; returns the keys it defined. */
    public List<String> load() {
        List<String> loaded = new ArrayList<>();
        for (String name : FILES) {
            if (store.find(name).isPresent()) {
                continue;
            }
            try (InputStream in = JourneyExamples.class.getResourceAsStream("/journeys/" + name + ".json")) {
                journeys.create(json.readTree(in));
                loaded.add(name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }
}
