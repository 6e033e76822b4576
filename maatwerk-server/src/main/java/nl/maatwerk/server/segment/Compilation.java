package nl.maatwerk.server.segment;

import java.util.Map;
import java.util.Optional;
import nl.maatwerk.core.segment.CheckedSegment;
import nl.maatwerk.core.segment.SegmentCompiler;
import org.springframework.stereotype.Component;

/** Compiles segment texts against the current registers, resolving {@code in segment} from the store. */
@Component
class Compilation {

    private final RegisterSchema schema;
    private final SegmentStore store;

    Compilation(RegisterSchema schema, SegmentStore store) {
        this.schema = schema;
        this.store = store;
    }

    /** @throws nl.maatwerk.core.segment.SegmentException with every problem */
    CheckedSegment compile(String key, String purpose, String text) {
        return compile(key, purpose, text, Map.of());
    }

    /** As if the segments in {@code pending} (key → text) were already stored. */
    CheckedSegment compile(String key, String purpose, String text, Map<String, String> pending) {
        SegmentCompiler compiler = new SegmentCompiler(schema.current(), k -> {
            String overridden = pending.get(k);
            return overridden != null ? Optional.of(overridden) : store.text(k);
        });
        return compiler.compile(key, purpose, text);
    }
}
