package nl.maatwerk.core.template;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Helpers for channels made of several templates (subject and body, title and body). */
final class Templates {

    private Templates() {
    }

    static Set<String> placeholders(Template... templates) {
        Set<String> names = new LinkedHashSet<>();
        for (Template template : templates) {
            names.addAll(template.placeholders());
        }
        return Collections.unmodifiableSet(names);
    }

    static List<String> missing(Map<String, ?> values, Template... templates) {
        Set<String> missing = new LinkedHashSet<>();
        for (Template template : templates) {
            missing.addAll(template.missing(values));
        }
        return List.copyOf(missing);
    }

    /** Throws one {@link MissingPlaceholders} with the names missing from all {@code templates} together. */
    static void requireValues(Map<String, ?> values, Template... templates) {
        List<String> missing = missing(values, templates);
        if (!missing.isEmpty()) {
            throw new MissingPlaceholders(missing);
        }
    }
}
