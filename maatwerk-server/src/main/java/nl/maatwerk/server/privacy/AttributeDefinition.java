package nl.maatwerk.server.privacy;

import java.util.List;

/**
 * One declared profile attribute. {@code specialCategory} is the GDPR Art. 9/10 category it reveals
 * (health, ethnicity, …) or null; such attributes are never targeting criteria.
 */
public record AttributeDefinition(String name, AttributeType type, List<String> allowedValues, String source,
        String description, List<String> purposes, String specialCategory) {

    public boolean hasSpecialCategory() {
        return specialCategory != null;
    }
}
