package nl.maatwerk.core.segment;

import java.util.Objects;
import java.util.Set;

/**
 * One purpose from the purpose register (GDPR Art. 30), with the data categories it covers
 * ({@code age}, {@code household}, {@code address}, {@code contact_history}, {@code documents}, {@code cases},
 * {@code contact_preferences}, …). When a schema knows its purposes, a segment may only use built-in fields whose
 * category its purpose covers.
 */
public record Purpose(String key, Set<String> dataCategories) {

    public Purpose {
        Objects.requireNonNull(key, "key");
        dataCategories = Set.copyOf(dataCategories);
    }
}
